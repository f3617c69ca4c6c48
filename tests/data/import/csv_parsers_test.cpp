// The three downloaded formats, parsed row by row with every problem named by line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dorado/data/import/cboe_chain_csv.hpp"
#include "dorado/data/import/csv_kind.hpp"
#include "dorado/data/import/csv_records.hpp"
#include "dorado/data/import/macro_csv.hpp"
#include "dorado/data/import/ohlcv_csv.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(CsvRecords, SplitsQuotedFieldsAndKeepsLineNumbers) {
  const auto records = read_csv_records(
      "\xEF\xBB\xBF"
      "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\n  \nx,,z\n\"open");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b, c", "say \"hi\""));
  EXPECT_EQ(records[1].line, 4u);
  EXPECT_THAT(records[1].fields, ElementsAre("x", "", "z"));
  EXPECT_EQ(records[2].line, 5u);
  EXPECT_EQ(records[2].problem, "a quoted field is not closed");
}

constexpr std::string_view kYahoo =
    "Date,Open,High,Low,Close,Adj Close,Volume\n"
    "2018-12-24,239.039993,240.839996,234.270004,234.339996,226.680084,147311600\n"
    "2018-12-26,235.970001,246.179993,233.759995,246.179993,238.133255,218485400\n"
    "2018-12-27,242.570007,248.289993,238.960007,248.070007,239.961533,186267300\n";

TEST(OhlcvCsv, ReadsYahooBarsWithAdjustedClose) {
  const auto file = parse_ohlcv_csv(kYahoo, "SPY", "csv:spy.csv");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file.bars.size(), 3u);
  EXPECT_EQ(file.bars[1],
            (ports::OhlcvBar{"SPY", 2018y / 12 / 26, 235.970001, 246.179993, 233.759995, 246.179993,
                             238.133255, 218485400, "csv:spy.csv"}));
}

TEST(OhlcvCsv, ColumnsByNameInAnyOrderVolumeOptional) {
  const auto file = parse_ohlcv_csv(
      "close,DATE,low,high,open,source\n17.5,2007-01-03,17.0,18.25,17.25,cboe\n", "^VIX", "t");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file.bars[0], (ports::OhlcvBar{"^VIX", 2007y / 1 / 3, 17.25, 18.25, 17.0, 17.5,
                                           std::nullopt, 0, "t"}));
}

TEST(OhlcvCsv, NamesEveryBadLine) {
  const std::string text =
      "Date,Open,High,Low,Close,Volume\n"
      "2018-12-24,239.04,240.84,234.27,234.34,147311600\n"
      "2018-12-26,235.97,230.00,233.76,246.18,218485400\n"  // high below low, open, close
      "2018-13-27,242.57,248.29,238.96,248.07,186267300\n"  // month 13
      "2018-12-28,null,null,null,null,null\n"               // Yahoo's empty day
      "2018-12-31,0,249.0,247.0,248.0,100\n"                // open 0
      "2018-12-24,239.04,240.84,234.27,234.34,147311600\n"  // again
      "2019-01-02,1,2,0.5\n";                               // short
  const auto file = parse_ohlcv_csv(text, "SPY", "t");
  EXPECT_THAT(
      file.problems,
      ElementsAre(ImportProblem{3,
                                "high 230 is below low 233.76; high 230 is below open 235.97; "
                                "high 230 is below close 246.18"},
                  ImportProblem{4, "date is \"2018-13-27\", not a calendar date"},
                  ImportProblem{5, "open is \"null\", not a number"},
                  ImportProblem{6, "open 0 is not positive; low 247 is above open 0"},
                  ImportProblem{7, "date 2018-12-24 already appears on line 2"},
                  ImportProblem{8, "has 4 fields, the header has 6"}));
}

TEST(OhlcvCsv, RefusesAHeaderWithoutThePrices) {
  const auto file = parse_ohlcv_csv("Date,Price\n2018-12-24,1\n", "SPY", "t");
  EXPECT_THAT(file.problems,
              ElementsAre(ImportProblem{1,
                                        "the header lacks open, high, low, close (expected "
                                        "Date,Open,High,Low,Close[,Adj Close],Volume)"}));
  EXPECT_THAT(parse_ohlcv_csv("", "SPY", "t").problems,
              ElementsAre(ImportProblem{0, "the file is empty"}));
}

TEST(MacroCsv, ReadsFredWithDotsKeptAsMissing) {
  const auto file = parse_macro_csv(
      "observation_date,T10Y2Y\n2018-12-21,0.15\n2018-12-24,0.17\n2018-12-25,.\n2018-12-26,\n"
      "2018-12-27,0.14\n",
      "T10Y2Y");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file.value_column, "T10Y2Y");
  EXPECT_THAT(file.observations,
              ElementsAre(ports::MacroObservation{"T10Y2Y", 2018y / 12 / 21, 0.15},
                          ports::MacroObservation{"T10Y2Y", 2018y / 12 / 24, 0.17},
                          ports::MacroObservation{"T10Y2Y", 2018y / 12 / 27, 0.14}));
  EXPECT_THAT(file.missing, ElementsAre(2018y / 12 / 25, 2018y / 12 / 26));
}

TEST(MacroCsv, AcceptsEveryFredHeaderVintageAndNamesBadLines) {
  for (const auto* header : {"DATE,VIXCLS", "date,VIXCLS", "observation_date,VIXCLS"})
    EXPECT_TRUE(parse_macro_csv(std::string(header) + "\n1990-01-02,17.24\n", "VIXCLS").ok())
        << header;
  const auto file =
      parse_macro_csv("DATE,VIXCLS\n1990-01-02,17.24\n1990-01-03,n/a\n01/04/1990,18.0\n", "VIXCLS");
  EXPECT_THAT(file.problems,
              ElementsAre(ImportProblem{3, "VIXCLS is \"n/a\", not a number"},
                          ImportProblem{4, "date is \"01/04/1990\", not a date (YYYY-MM-DD)"}));
  EXPECT_THAT(parse_macro_csv("DATE,A,B\n1990-01-02,1,2\n", "X").problems,
              ElementsAre(ImportProblem{1,
                                        "the header must name a date column and one value "
                                        "column (e.g. DATE,VIXCLS or observation_date,T10Y2Y)"}));
}

constexpr std::string_view kChainHead =
    "\n"  // CBOE's download starts with an empty line
    "SPDR S&P 500 ETF Trust,Last: 388.67,Change:  -0.32\n"
    "\"Date: July 9, 2022 at 5:28 p.m. EDT\",Bid: 388.68,Ask: 388.8,Size: 5*1,\"Volume: "
    "72,373,012\"\n"
    "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open "
    "Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n";

TEST(CboeChainCsv, ReadsCallsAndPutsSideBySide) {
  const std::string text =
      std::string(kChainHead) +
      "Mon Jul 11 2022,SPY220711C00290000,0,0,98.58,99.34,0,1.9928,1,0,0,290.00,"
      "SPY220711P00290000,0.01,0,0,0.01,0,1.001,0,0,2567\n"
      "Fri Aug 05 2022,SPY220805C00390000,9.47,-0.625,9.47,9.52,995,0.2339,0.5034,0.0162,1399,"
      "390.00,SPY220805P00390000,10.24,-0.63,10.06,10.1,562,0.2229,-0.4979,0.0163,1577\n";
  const auto file = parse_cboe_chain_csv(text, "SPY");
  ASSERT_TRUE(file.ok()) << file.problems[0].message;
  const auto& chain = file.chain;
  EXPECT_EQ(chain.spot, 388.67);
  // 5:28 p.m. EDT = 21:28 UTC
  EXPECT_EQ(chain.as_of, sys_days{2022y / 7 / 9} + 21h + 28min);
  ASSERT_EQ(chain.size(), 4u);
  const auto& call = chain.contracts[0];
  EXPECT_EQ(call.expiration, 2022y / 7 / 11);
  EXPECT_EQ(call.strike, 290.0);
  EXPECT_EQ(call.right, OptionRight::Call);
  EXPECT_EQ(call.bid, 98.58);
  EXPECT_EQ(call.ask, 99.34);
  EXPECT_EQ(call.implied_vol, 1.9928);
  EXPECT_EQ(call.delta, 1.0);
  EXPECT_EQ(call.gamma, 0.0);
  EXPECT_EQ(call.open_interest, 0);
  EXPECT_EQ(call.quote_time, chain.as_of);
  const auto& put = chain.contracts[3];
  EXPECT_EQ(put.right, OptionRight::Put);
  EXPECT_EQ(put.strike, 390.0);
  EXPECT_EQ(put.last, 10.24);
  EXPECT_EQ(put.bid, 10.06);
  EXPECT_EQ(put.ask, 10.1);
  EXPECT_EQ(put.volume, 562);
  EXPECT_EQ(put.implied_vol, 0.2229);
  EXPECT_EQ(put.delta, -0.4979);
  EXPECT_EQ(put.gamma, 0.0163);
  EXPECT_EQ(put.open_interest, 1577);
}

TEST(CboeChainCsv, ZeroIvIsMissingButZeroGreeksAreKept) {
  const auto file =
      parse_cboe_chain_csv(std::string(kChainHead) +
                               "Mon Jul 11 2022,SPY220711C00500000,0,0,0,0.01,0,0,0,0,5,500.00,"
                               "SPY220711P00500000,0,0,110.5,111.5,0,0,-1,0,0\n",
                           "SPY");
  ASSERT_TRUE(file.ok());
  EXPECT_FALSE(file.chain.contracts[0].implied_vol.has_value());
  EXPECT_EQ(file.chain.contracts[0].delta, 0.0);
  EXPECT_EQ(file.chain.contracts[1].delta, -1.0);
}

TEST(CboeChainCsv, NamesEveryBadLine) {
  const std::string text = std::string(kChainHead) +
                           "Mon Jul 11 2022,SPY220711C00290000,0,0,98.58,99.34,0,1.99,1,0,0,290.00,"
                           "SPY220711P00290000,0.01,0,0,0.01,0,1.001,0,0,2567\n"
                           "Tue Jul 11 2022,SPY220711C00295000,0,0,1,2,0,1,1,0,0,295.00,"
                           "SPY220711P00295000,0.01,0,0,0.01,0,1,0,0,1\n"
                           "Mon Jul 11 2022,SPY220711C00300000,0,0,-1,2,0,1,1,0,0,300.00,"
                           "SPY220711P00300000,0.01,0,0,0.01,0,1,0,0,1\n"
                           "Mon Jul 11 2022,SPY220711C00305000,0,0,1,2,0,1,1,0,0,306.00,"
                           "SPY220711P00306000,0.01,0,0,0.01,0,1,0,0,1\n"
                           "Mon Jul 11 2022,SPY220711C00310000,0,0,1,2,x,1,1,0,0,310.00,"
                           "SPY220711P00310000,0.01,0,0,0.01,0,1,0,0,1\n"
                           "Fri Jul 08 2022,SPY220708C00310000,0,0,1,2,0,1,1,0,0,310.00,"
                           "SPY220708P00310000,0.01,0,0,0.01,0,1,0,0,1\n"
                           "Mon Jul 11 2022,SPY220711C00290000,0,0,98.58,99.34,0,1.99,1,0,0,290.00,"
                           "SPY220711P00290000,0.01,0,0,0.01,0,1.001,0,0,2567\n"
                           "Mon Jul 11 2022,SPY220711C00315000,0,0,1,2,0,1,1,0,0,315.00,"
                           "SPY220711P00315000,0.01,0,0,0.01,0,1,0,0,-3\n";
  const auto file = parse_cboe_chain_csv(text, "SPY");
  EXPECT_THAT(
      file.problems,
      ElementsAre(
          ImportProblem{6,
                        "expiration date is \"Tue Jul 11 2022\", not a date whose weekday matches"},
          ImportProblem{7, "call bid is -1, below zero"},
          ImportProblem{8,
                        "call symbol SPY220711C00305000 does not match the row's 2022-07-11 "
                        "306.00 call"},
          ImportProblem{9, "call volume is \"x\", not a whole non-negative number"},
          ImportProblem{10, "expiration 2022-07-08 is before the export date 2022-07-09"},
          ImportProblem{11, "expiration 2022-07-11 strike 290.00 already appears on line 5"},
          ImportProblem{12, "put open interest is \"-3\", not a whole non-negative number"}));
}

TEST(CboeChainCsv, RefusesAFileWithoutItsHeaderLines) {
  EXPECT_THAT(parse_cboe_chain_csv("Date,Open\n", "SPY").problems,
              ElementsAre(ImportProblem{0,
                                        "a CBOE chain export starts with 3 header lines (name "
                                        "and last, date, columns)"}));
  auto no_date = std::string(kChainHead);
  no_date.replace(no_date.find("July 9"), 6, "Jul 9");
  EXPECT_THAT(parse_cboe_chain_csv(no_date, "SPY").problems,
              ElementsAre(ImportProblem{
                  3, "no export time such as \"Date: July 9, 2022 at 5:28 p.m. EDT\""}));
}

TEST(CboeExportTime, ReadsBothSpellingsAndBothSeasons) {
  EXPECT_EQ(parse_cboe_export_time("Date: January 3, 2023 at 9:05 AM EST"),
            sys_days{2023y / 1 / 3} + 14h + 5min);
  EXPECT_EQ(parse_cboe_export_time("Date: July 8, 2022 at 12:00 p.m. EDT"),
            sys_days{2022y / 7 / 8} + 16h);
  EXPECT_EQ(parse_cboe_export_time("Date: July 8, 2022 at 12:30 a.m. EDT"),
            sys_days{2022y / 7 / 8} + 4h + 30min);
  EXPECT_FALSE(parse_cboe_export_time("Date: July 32, 2022 at 1:00 PM EDT"));
  EXPECT_FALSE(parse_cboe_export_time("July 8, 2022 at 1:00 PM EDT"));
}

TEST(CsvKind, ToldFromTheFirstLines) {
  EXPECT_EQ(detect_csv_kind(kYahoo), CsvKind::Ohlcv);
  EXPECT_EQ(detect_csv_kind("DATE,VIXCLS\n1990-01-02,17.24\n"), CsvKind::Macro);
  EXPECT_EQ(detect_csv_kind(std::string(kChainHead) + "Mon Jul 11 2022,..."), CsvKind::Chain);
  EXPECT_EQ(detect_csv_kind("a,b,c\n1,2,3\n"), std::nullopt);
  EXPECT_EQ(detect_csv_kind(""), std::nullopt);
}

}  // namespace
}  // namespace dorado::data
