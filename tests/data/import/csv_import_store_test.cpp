// `dorado data import` into a real store (SQLite and PostgreSQL): good files
// import with their findings journaled; a file with one bad row writes
// nothing and names the line; the real files of /work/shared/data import.
//
// Needs dorado_store linked into the data tests (DORADO_DATA_TESTS_HAVE_STORE).
#ifdef DORADO_DATA_TESTS_HAVE_STORE
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/import/csv_import.hpp"
#include "dorado/data/pipeline/series_status.hpp"
#include "store/store_backends.hpp"
#include "support/real_data.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Timestamp kAt = sys_days{2019y / 1 / 2} + 23h;
const ports::DateRange kAll{1900y / 1 / 1, 2100y / 1 / 1};

// Three weeks of SPY from Yahoo's download, 2018-12-10 to 2018-12-31, with
// 2018-12-19 left out (a gap) and Christmas closed (not a gap).
constexpr std::string_view kSpy =
    "Date,Open,High,Low,Close,Adj Close,Volume\n"
    "2018-12-10,263.37,265.16,258.62,264.07,255.44,151445900\n"
    "2018-12-11,267.66,267.91,262.48,264.13,255.50,121504400\n"
    "2018-12-12,267.47,269.00,265.37,265.46,256.78,97976700\n"
    "2018-12-13,266.52,267.19,263.70,265.37,256.70,97123800\n"
    "2018-12-14,262.96,264.03,259.85,260.47,251.96,116961100\n"
    "2018-12-17,259.40,260.65,253.53,255.36,247.01,165492300\n"
    "2018-12-18,257.20,257.95,253.28,255.08,246.74,134515000\n"
    "2018-12-20,249.86,251.62,244.65,247.17,239.09,252053400\n"
    "2018-12-21,246.74,250.03,239.54,240.70,232.83,255345600\n"
    "2018-12-24,239.04,240.84,234.27,234.34,226.68,147311600\n"
    "2018-12-26,235.97,246.18,233.76,246.18,238.13,218485400\n"
    "2018-12-27,242.57,248.29,238.96,248.07,239.96,186267300\n"
    "2018-12-28,249.58,251.40,246.45,247.75,239.65,153100200\n"
    "2018-12-31,249.56,250.19,247.47,249.92,241.75,144299400\n";

template <typename Backend>
class CsvImportTest : public store::testing::StoreTest<Backend> {
 protected:
  void SetUp() override {
    store::testing::StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kAt);
  }
  ImportReport import(std::string_view text, std::string symbol,
                      std::optional<CsvKind> kind = std::nullopt) {
    ImportRequest request;
    request.symbol = std::move(symbol);
    request.kind = kind;
    request.at = kAt;
    request.config_hash = "cafe";
    return import_csv_text(*this->store_, text, "file.csv", request);
  }
};
TYPED_TEST_SUITE(CsvImportTest, store::testing::Backends, store::testing::BackendNames);

TYPED_TEST(CsvImportTest, GoodFileImportsAndItsFindingsAreJournaled) {
  const auto report = this->import(kSpy, "SPY");
  ASSERT_TRUE(report.ok()) << report.problems[0];
  EXPECT_EQ(report.kind, CsvKind::Ohlcv);
  EXPECT_EQ(report.rows_written, 14u);
  EXPECT_EQ(report.first, 2018y / 12 / 10);
  EXPECT_EQ(report.last, 2018y / 12 / 31);
  const auto bars = this->store_->read_ohlcv("SPY", kAll);
  ASSERT_EQ(bars.size(), 14u);
  EXPECT_EQ(bars[0], (ports::OhlcvBar{"SPY", 2018y / 12 / 10, 263.37, 265.16, 258.62, 264.07,
                                      255.44, 151445900, "csv:file.csv"}));
  const auto journal = this->store_->read_journal({"data", "SPY", 0, 100});
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].entry.reason_code, "data_gap");
  EXPECT_EQ(journal[0].entry.message, "no observation on trading day 2018-12-19 (nyse calendar)");
  EXPECT_EQ(journal[0].entry.config_hash, "cafe");
  EXPECT_EQ(journal[0].entry.at, kAt);

  // The status shows it: 14 rows, one gap, and as of 2019-01-02 23:00 UTC
  // (after Wednesday's close) one day behind.
  const auto status = data_status(*this->store_, kAt);
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0].name, "SPY");
  EXPECT_EQ(status[0].rows, 14);
  EXPECT_EQ(status[0].gaps, 1);
  EXPECT_EQ(status[0].behind, 1);
  EXPECT_FALSE(status[0].stale);
}

TYPED_TEST(CsvImportTest, OneBadRowWritesNothingAndNamesTheLine) {
  std::string bad(kSpy);
  bad.replace(bad.find("263.70,265.37"), 13, "263.70,267.37");  // close above the high
  const auto report = this->import(bad, "SPY");
  EXPECT_THAT(report.problems, ElementsAre("file.csv:5: high 267.19 is below close 267.37"));
  EXPECT_EQ(report.rows_written, 0u);
  EXPECT_THAT(this->store_->read_ohlcv("SPY", kAll), IsEmpty());
  EXPECT_THAT(this->store_->read_journal({}), IsEmpty());
}

TYPED_TEST(CsvImportTest, ReimportReplacesTheBarsOfTheSameDays) {
  this->import(kSpy, "SPY");
  const auto again = this->import(
      "Date,Open,High,Low,Close,Volume\n2018-12-31,249.56,250.19,247.47,250.00,1\n", "SPY");
  ASSERT_TRUE(again.ok());
  const auto bars = this->store_->read_ohlcv("SPY", kAll);
  ASSERT_EQ(bars.size(), 14u);
  EXPECT_EQ(bars.back().close, 250.00);
  EXPECT_FALSE(bars.back().adj_close.has_value());
}

TYPED_TEST(CsvImportTest, FredFileKeepsDotsAsMissing) {
  const auto report = this->import(
      "DATE,VIXCLS\n2018-12-21,30.11\n2018-12-24,36.07\n2018-12-25,.\n2018-12-26,30.41\n",
      "VIXCLS");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.kind, CsvKind::Macro);
  EXPECT_EQ(report.rows_written, 3u);
  EXPECT_EQ(report.missing_values, 1u);
  EXPECT_THAT(this->store_->read_macro("VIXCLS", kAll),
              ElementsAre(ports::MacroObservation{"VIXCLS", 2018y / 12 / 21, 30.11},
                          ports::MacroObservation{"VIXCLS", 2018y / 12 / 24, 36.07},
                          ports::MacroObservation{"VIXCLS", 2018y / 12 / 26, 30.41}));
  const auto journal = this->store_->read_journal({});
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].entry.reason_code, "missing_value");
  EXPECT_EQ(journal[0].entry.detail_json, R"({"date":"2018-12-25","days":["2018-12-25"]})");

  const auto bad = this->import("DATE,VIXCLS\n2018-12-27,29.96\n2018-12-28,oops\n", "VIXCLS");
  EXPECT_THAT(bad.problems, ElementsAre("file.csv:3: VIXCLS is \"oops\", not a number"));
  EXPECT_EQ(this->store_->read_macro("VIXCLS", kAll).size(), 3u);
}

constexpr std::string_view kChain =
    "\nSPDR S&P 500 ETF Trust,Last: 388.67,Change:  -0.32\n"
    "\"Date: July 9, 2022 at 5:28 p.m. EDT\",Bid: 388.68,Ask: 388.8,Size: 5*1,\"Volume: "
    "72,373,012\"\n"
    "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open "
    "Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n"
    "Fri Aug 05 2022,SPY220805C00389000,10.06,-0.605,10.04,10.09,404,0.2361,0.5196,0.0161,713,"
    "389.00,SPY220805P00389000,9.79,-0.645,9.63,9.67,450,0.2253,-0.4816,0.0162,1325\n"
    "Fri Aug 05 2022,SPY220805C00390000,9.47,-0.625,9.47,9.52,995,0.2339,0.5034,0.0162,1399,"
    "390.00,SPY220805P00390000,10.24,-0.63,10.06,10.1,562,0.2229,-0.4979,0.0163,1577\n"
    "Mon Aug 08 2022,SPY220808C00388000,11.3,-0.22,10.87,10.97,236,0.2321,0.5354,0.0154,77,"
    "388.00,SPY220808P00388000,9.56,-0.715,9.44,9.53,170,0.2215,-0.4655,0.0155,42\n"
    "Mon Aug 08 2022,SPY220808C00390000,9.56,-0.76,9.72,9.81,341,0.2279,0.5042,0.0158,53,"
    "390.00,SPY220808P00390000,10.5,-0.625,10.28,10.37,249,0.2181,-0.4969,0.0158,34\n";

TYPED_TEST(CsvImportTest, ChainImportStoresTheSnapshotAndTheDaysIv30) {
  const auto report = this->import(kChain, "SPY");
  ASSERT_TRUE(report.ok()) << report.problems[0];
  EXPECT_EQ(report.kind, CsvKind::Chain);
  EXPECT_EQ(report.rows_written, 8u);
  const Timestamp as_of = sys_days{2022y / 7 / 9} + 21h + 28min;
  const auto chain = this->store_->read_option_chain("SPY", as_of);
  ASSERT_TRUE(chain.has_value());
  EXPECT_EQ(chain->size(), 8u);
  EXPECT_EQ(chain->spot, 388.67);
  ASSERT_TRUE(report.iv30.has_value());
  // The same rows as the full chain's ATM points: 0.2292211269 (Aug 5, strike
  // 389) and 0.2216771417 (Aug 8, strike 390), interpolated to 0.224051381.
  EXPECT_NEAR(report.iv30->iv30, 0.22405138101737482, 1e-9);
  const auto iv = this->store_->read_iv_history("SPY", kAll);
  ASSERT_EQ(iv.size(), 1u);
  EXPECT_EQ(iv[0].obs_date, 2022y / 7 / 8);
  EXPECT_EQ(iv[0].iv30, report.iv30->iv30);
}

TYPED_TEST(CsvImportTest, ChainWithOneBadRowWritesNothing) {
  std::string bad(kChain);
  bad.replace(bad.find("9.72,9.81,341"), 13, "9.72,9.81,3x1");
  const auto report = this->import(bad, "SPY");
  EXPECT_THAT(report.problems,
              ElementsAre("file.csv:8: call volume is \"3x1\", not a whole non-negative number"));
  EXPECT_THAT(this->store_->series_extents(ports::SeriesKind::OptionChain), IsEmpty());
  EXPECT_THAT(this->store_->read_iv_history("SPY", kAll), IsEmpty());
}

TYPED_TEST(CsvImportTest, UnrecognisedFileAndMissingSymbolAreRefused) {
  EXPECT_THAT(this->import("a,b,c\n1,2,3\n", "X").problems,
              ElementsAre("file.csv:1: cannot tell what the file holds from its header; say "
                          "--kind ohlcv, macro or chain"));
  EXPECT_THAT(this->import(kSpy, "").problems,
              ElementsAre("file.csv: no symbol given for the series (--symbol)"));
}

// The real files, into SQLite (the typed tests above cover PostgreSQL).
class RealDataImport : public store::testing::StoreTest<store::testing::SqliteBackend> {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_->migrate(kAt);
  }
  ImportReport import(const std::filesystem::path& file, std::string symbol) {
    ImportRequest request;
    request.symbol = std::move(symbol);
    request.at = kAt;
    return import_csv_file(*store_, file, request);
  }
};

TEST_F(RealDataImport, SpyBars) {
  DORADO_REAL_DATA_FILE_OR_SKIP(file, "SPY.csv");
  const auto report = import(file, "SPY");
  ASSERT_TRUE(report.ok()) << report.problems[0];
  EXPECT_EQ(report.rows_written, 6528u);
  EXPECT_EQ(report.first, 1993y / 1 / 29);
  EXPECT_EQ(report.last, 2018y / 12 / 31);
  EXPECT_EQ(store_->read_ohlcv("SPY", kAll).size(), 6528u);
  const auto status = data_status(*store_, kAt);
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0].gaps, 0);  // every NYSE day 2000-2018 is there
  EXPECT_EQ(status[0].behind, 1);
  // The journal holds the few real shocks (2007-02-27, 2018-02-05 ...), no gaps.
  for (const auto& r : store_->read_journal({}))
    EXPECT_EQ(r.entry.reason_code, "return_outlier") << r.entry.message;
}

TEST_F(RealDataImport, FredVixcls) {
  DORADO_REAL_DATA_FILE_OR_SKIP(file, "FRED_VIXCLS.csv");
  const auto report = import(file, "VIXCLS");
  ASSERT_TRUE(report.ok()) << report.problems[0];
  EXPECT_EQ(report.kind, CsvKind::Macro);
  EXPECT_EQ(report.first, 1990y / 1 / 2);
  EXPECT_EQ(report.last, 2018y / 12 / 31);
  EXPECT_EQ(store_->read_macro("VIXCLS", kAll).size(), report.rows_written);
  std::printf("  FRED_VIXCLS.csv: %zu observations, %zu missing, %zu findings\n",
              report.rows_written, report.missing_values, report.findings.size());
}

TEST_F(RealDataImport, SpyChainOf20220708) {
  DORADO_REAL_DATA_FILE_OR_SKIP(file, "SPY_chain_2022-07-08.csv");
  const auto report = import(file, "SPY");
  ASSERT_TRUE(report.ok()) << report.problems[0];
  EXPECT_EQ(report.kind, CsvKind::Chain);
  EXPECT_EQ(report.rows_written, 8666u);  // 4333 rows of a call and a put, 34 expirations
  const auto chain = store_->read_option_chain("SPY", sys_days{2022y / 7 / 9} + 21h + 28min);
  ASSERT_TRUE(chain.has_value());
  EXPECT_EQ(chain->expirations().size(), 34u);
  ASSERT_TRUE(report.iv30.has_value());
  EXPECT_NEAR(report.iv30->iv30, 0.22405138101737482, 1e-9);
  EXPECT_EQ(store_->read_iv_history("SPY", kAll).at(0).obs_date, 2022y / 7 / 8);
}

TEST_F(RealDataImport, FxFileWithBrokenBarsIsRefusedWithEveryLineNamed) {
  DORADO_REAL_DATA_FILE_OR_SKIP(file, "USDJPY.csv");
  const auto report = import(file, "USDJPY");
  EXPECT_EQ(report.problems.size(), 159u);
  EXPECT_EQ(report.problems[0],
            "USDJPY.csv:128: low 119.30000305175781 is above open 118.19999694824219");
  EXPECT_THAT(store_->read_ohlcv("USDJPY", kAll), IsEmpty());
}

}  // namespace
}  // namespace dorado::data
#endif  // DORADO_DATA_TESTS_HAVE_STORE
