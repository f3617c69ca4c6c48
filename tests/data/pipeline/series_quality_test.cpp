// Data-quality findings: broken bars, gaps, outliers and spikes, FRED's
// missing days, crossed quotes; and the known bad ticks of 2008 in the real
// FX history.
#include "dorado/data/pipeline/series_quality.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/import/ohlcv_csv.hpp"
#include "support/real_data.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const auto& nyse() {
  return calendar::calendar_named("nyse");
}

// Trading days from 2024-01-02 with daily log returns 1 % x sin(2.3 i):
// spread over [-1 %, 1 %] like a calm market's, robust sigma about 1 %.
std::vector<ports::OhlcvBar> calm_bars(std::size_t n) {
  std::vector<ports::OhlcvBar> bars;
  double close = 100.0;
  Date day = 2024y / 1 / 2;
  for (std::size_t i = 0; i < n; ++i) {
    close *= std::exp(0.01 * std::sin(2.3 * static_cast<double>(i)));
    bars.push_back({"XYZ", day, close, close * 1.01, close * 0.99, close, std::nullopt, 1000, "t"});
    day = nyse().next_trading_day(day);
  }
  return bars;
}

std::vector<std::string> codes(const std::vector<DataFinding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.reason_code);
  return out;
}

TEST(ReturnOutliers, CalmSeriesHasNone) {
  EXPECT_THAT(check_bars("XYZ", calm_bars(120), nyse()), IsEmpty());
}

TEST(ReturnOutliers, AShockIsAnOutlierAndABadTickIsASpike) {
  auto bars = calm_bars(120);
  // Day 80: a -12 % shock that stays. Day 100: a +30 % tick undone the next day.
  for (std::size_t i = 80; i < bars.size(); ++i) bars[i].close *= 0.88;
  bars[100].close *= 1.30;
  for (auto& b : bars) b.open = b.close, b.high = b.close * 1.01, b.low = b.close * 0.99;
  const auto findings = check_bars("XYZ", bars, nyse());
  ASSERT_THAT(codes(findings), ElementsAre("return_outlier", "price_spike"));
  EXPECT_EQ(findings[0].date, bars[80].bar_date);
  EXPECT_NEAR(findings[0].detail["log_return"].get<double>(),
              std::log(0.88) + 0.01 * std::sin(2.3 * 80), 1e-12);
  EXPECT_EQ(findings[1].date, bars[100].bar_date);
  // 1.30 x e^{0.01 sin 230} - 1 = +29.2 %
  EXPECT_EQ(findings[1].message.substr(0, 35), "2024-05-24: a +29.2 % one-day spike");
}

TEST(SeriesQuality, BrokenBarsGapsAndOffCalendarDays) {
  auto bars = calm_bars(10);
  bars[3].high = bars[3].low * 0.5;  // high below low
  bars[5].low = -1;                  // non-positive
  bars.erase(bars.begin() + 7);      // 2024-01-11: a gap
  auto saturday = bars[7];           // 2024-01-12, a Friday
  saturday.bar_date = 2024y / 1 / 13;
  bars.insert(bars.begin() + 8, saturday);
  const auto findings = check_bars("XYZ", bars, nyse());
  EXPECT_THAT(codes(findings),
              ElementsAre("ohlc_inconsistent", "non_positive_price", "data_gap", "off_calendar"));
  EXPECT_EQ(findings[2].message, "no observation on trading day 2024-01-11 (nyse calendar)");
  EXPECT_EQ(findings[2].detail["trading_days"], 1);
  EXPECT_EQ(findings[3].message, "an observation on 2024-01-13, when the nyse calendar is closed");
}

TEST(SeriesQuality, MacroMissingValuesAreOneFindingAndNotGaps) {
  const std::vector<ports::MacroObservation> obs{{"DGS10", 2024y / 1 / 2, 3.95},
                                                 {"DGS10", 2024y / 1 / 3, 3.91},
                                                 {"DGS10", 2024y / 1 / 5, 4.05},
                                                 {"DGS10", 2024y / 1 / 9, 4.01}};
  const std::vector<Date> missing{2024y / 1 / 4};
  const auto findings = check_macro("DGS10", obs, missing, nyse());
  ASSERT_THAT(codes(findings), ElementsAre("missing_value", "data_gap"));
  EXPECT_EQ(findings[0].message,
            "1 days listed without a value (kept as missing), first 2024-01-04");
  EXPECT_EQ(findings[1].date, 2024y / 1 / 8);
  // A weekly series is not held to the daily calendar.
  const std::vector<ports::MacroObservation> weekly{{"ICSA", 2024y / 1 / 6, 202000},
                                                    {"ICSA", 2024y / 1 / 13, 187000},
                                                    {"ICSA", 2024y / 1 / 20, 214000}};
  EXPECT_THAT(check_macro("ICSA", weekly, {}, nyse()), IsEmpty());
}

TEST(SeriesQuality, CrossedQuotesAreFound) {
  OptionChain chain{"SPY", 400, sys_days{2024y / 3 / 15} + 20h, {}};
  OptionContract ok;
  ok.underlying = "SPY";
  ok.expiration = 2024y / 4 / 19;
  ok.strike = 400;
  ok.bid = 5.0;
  ok.ask = 5.1;
  auto crossed = ok;
  crossed.right = OptionRight::Put;
  crossed.bid = 6.2;
  crossed.ask = 6.1;
  auto no_ask = ok;
  no_ask.strike = 900;
  no_ask.bid = 0.05;
  no_ask.ask = 0;
  chain.contracts = {ok, crossed, no_ask};
  const auto findings = check_chain(chain);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "2024-04-19 400 put: bid 6.2 above ask 6.1");
}

std::vector<std::string> findings_on(const std::vector<DataFinding>& findings,
                                     std::string_view code, int year) {
  std::vector<std::string> days;
  for (const auto& f : findings)
    if (f.reason_code == code && f.date && f.date->year() == std::chrono::year{year})
      days.push_back(to_iso_date(*f.date));
  return days;
}

// The README of the real data lists bad single-day spikes in Yahoo's 2008 FX
// history; the check must find them, and mark them as spikes.
TEST(RealDataSeriesQuality, FindsTheKnownBadFxTicksOf2008) {
  const auto& fx = calendar::calendar_named("fx");
  DORADO_REAL_DATA_FILE_OR_SKIP(usdjpy_file, "USDJPY.csv");
  // The bar checks refuse rows whose high/low do not bracket open/close, so
  // read every row as a close-only bar: the return checks need only the close.
  auto closes_of = [](const std::filesystem::path& file, const std::string& symbol) {
    std::vector<ports::OhlcvBar> bars;
    const auto text = ::dorado::testing::read_text(file);
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      const auto date = line.substr(0, 10);
      const auto close_start = [&] {
        std::size_t pos = 0;
        for (int i = 0; i < 4; ++i) pos = line.find(',', pos) + 1;
        return pos;
      }();
      const double close = std::stod(line.substr(close_start));
      const int y = std::stoi(date.substr(0, 4));
      const unsigned m = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
      const unsigned d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
      bars.push_back({symbol, year{y} / m / d, close, close, close, close, std::nullopt, 0, "t"});
    }
    return bars;
  };
  const auto usdjpy = check_bars("USDJPY", closes_of(usdjpy_file, "USDJPY"), fx);
  EXPECT_THAT(findings_on(usdjpy, "price_spike", 2008), ElementsAre("2008-10-08", "2008-12-08"));

  DORADO_REAL_DATA_FILE_OR_SKIP(eurusd_file, "EURUSD.csv");
  const auto eurusd = check_bars("EURUSD", closes_of(eurusd_file, "EURUSD"), fx);
  EXPECT_THAT(findings_on(eurusd, "price_spike", 2008),
              ElementsAre("2008-01-08", "2008-02-08", "2008-10-08"));
  // 2008-12-08 jumps too, but the reversal comes over two days, so it reads
  // as an outlier rather than a one-day spike: flagged either way.
  EXPECT_THAT(findings_on(eurusd, "return_outlier", 2008), ::testing::Contains("2008-12-08"));

  // SPY's -4.3 % of 2018-02-05 is a real shock: an outlier, not a spike.
  DORADO_REAL_DATA_FILE_OR_SKIP(spy_file, "SPY.csv");
  const auto spy = parse_ohlcv_csv(::dorado::testing::read_text(spy_file), "SPY", "t");
  ASSERT_TRUE(spy.ok());
  const auto spy_findings = check_bars("SPY", spy.bars, nyse());
  EXPECT_THAT(findings_on(spy_findings, "return_outlier", 2018), ElementsAre("2018-02-05"));
  EXPECT_THAT(findings_on(spy_findings, "price_spike", 2018), IsEmpty());
}

}  // namespace
}  // namespace dorado::data
