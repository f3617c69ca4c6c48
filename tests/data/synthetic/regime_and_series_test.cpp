// The hidden regime chain and the non-price series it drives.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/synthetic/regime_chain.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"

namespace dorado::data::synthetic {
namespace {

using namespace std::chrono;

const SyntheticMarket& market() {
  static const SyntheticMarket m;
  return m;
}

TEST(SyntheticRegimeChain, DocumentedMatrixIsStochasticWithTheDocumentedDurations) {
  const RegimeChain chain;
  const std::map<MacroRegime, double> durations{
      {MacroRegime::RiskOn, 150.0},    {MacroRegime::Goldilocks, 120.0},
      {MacroRegime::Transition, 40.0}, {MacroRegime::RiskOff, 60.0},
      {MacroRegime::Crisis, 35.0},     {MacroRegime::Recovery, 70.0}};
  for (const auto& [regime, d] : durations) EXPECT_NEAR(chain.expected_duration(regime), d, 1e-9);
  EXPECT_DOUBLE_EQ(chain.probability(MacroRegime::Crisis, MacroRegime::Recovery), 0.75 / 35.0);
  EXPECT_EQ(chain.probability(MacroRegime::Goldilocks, MacroRegime::Crisis), 0.0);
  const auto pi = chain.stationary_distribution();
  EXPECT_NEAR(pi[0], 0.3827, 5e-4);
  EXPECT_NEAR(pi[4], 0.0275, 5e-4);
  double sum = 0.0;
  for (const double p : pi) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-12);

  TransitionMatrix bad = chain.matrix();
  bad[2][2] += 0.01;
  EXPECT_THROW(RegimeChain{bad}, std::invalid_argument);
}

TEST(SyntheticRegimeChain, SimulatedSpellsLastAsLongAsDocumented) {
  // Spell lengths are geometric with mean d and standard deviation about d,
  // so the mean of n spells is within 4 d / sqrt(n) of d.
  const RegimeChain chain;
  RandomStream stream(derive_seed(42, "spells"));
  const auto path = chain.simulate(MacroRegime::Goldilocks, 2'000'000, stream);
  std::map<MacroRegime, std::pair<double, int>> spells;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= path.size(); ++i) {
    if (i == path.size() || path[i] != path[start]) {
      if (start > 0 && i < path.size()) {  // whole spells only
        spells[path[start]].first += static_cast<double>(i - start);
        spells[path[start]].second += 1;
      }
      start = i;
    }
  }
  for (const auto& [regime, s] : spells) {
    const double d = chain.expected_duration(regime);
    const double mean = s.first / s.second;
    EXPECT_NEAR(mean, d, 4.0 * d / std::sqrt(s.second)) << name_of(regime) << " " << s.second;
  }
  EXPECT_EQ(spells.size(), 6u);
}

TEST(SyntheticRegimePath, CoversEveryNyseDayAndCarriesOverWeekends) {
  const auto& nyse = calendar::calendar_named("nyse");
  const auto& path = market().regime_path();
  const auto days = nyse.trading_days(market().config().first_day, market().config().last_day);
  ASSERT_EQ(path.size(), days.size());
  for (std::size_t i = 0; i < path.size(); ++i) ASSERT_EQ(path[i].date, days[i]);
  EXPECT_EQ(path.front().regime, MacroRegime::Goldilocks);  // the configured initial regime
  for (std::size_t i = 0; i < path.size(); ++i) {
    ASSERT_EQ(market().regime_on(path[i].date), path[i].regime);
  }
  const Date friday = year{2015} / March / 20;
  EXPECT_EQ(market().regime_on(year{2015} / March / 21), market().regime_on(friday));
  EXPECT_EQ(market().regime_on(year{2015} / March / 22), market().regime_on(friday));
  EXPECT_THROW((void)market().regime_on(year{2030} / January / 2), std::out_of_range);
  // Every regime appears in twenty years.
  std::map<MacroRegime, int> count;
  for (const auto& d : path) ++count[d.regime];
  EXPECT_EQ(count.size(), 6u);
}

double mean_where(const std::vector<ports::MacroObservation>& rows, MacroRegime regime) {
  double sum = 0.0;
  int n = 0;
  for (const auto& o : rows) {
    if (market().regime_on(o.obs_date) == regime) {
      sum += o.value;
      ++n;
    }
  }
  return n ? sum / n : NAN;
}

TEST(SyntheticVix, TracksSpyAndInvertsInCrises) {
  const auto& vix = market().bars("VIX");
  const auto& vix3m = market().bars("VIX3M");
  const auto& spy = market().bars("SPY");
  ASSERT_EQ(vix.size(), spy.size());
  std::map<MacroRegime, std::vector<double>> ratio;
  std::vector<double> level;
  double cov = 0.0, vr = 0.0, sr = 0.0;
  for (std::size_t i = 1; i < vix.size(); ++i) {
    ASSERT_EQ(vix[i].date(), spy[i].date());
    ratio[market().regime_on(vix[i].date())].push_back(vix[i].close / vix3m[i].close);
    level.push_back(vix[i].close);
    const double dv = std::log(vix[i].close / vix[i - 1].close);
    const double ds = std::log(spy[i].close / spy[i - 1].close);
    cov += dv * ds;
    vr += dv * dv;
    sr += ds * ds;
  }
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  EXPECT_LT(median(ratio[MacroRegime::Goldilocks]), 0.9);  // contango
  EXPECT_LT(median(ratio[MacroRegime::RiskOn]), 0.9);
  EXPECT_GT(median(ratio[MacroRegime::Crisis]), 1.0);  // backwardation
  // Real VIX 1990-2018: min 9.1, median 17.4, max 80.9.
  EXPECT_GE(*std::min_element(level.begin(), level.end()), 9.0);
  const auto at_floor =
      std::count_if(level.begin(), level.end(), [](double v) { return v < 9.05; });
  EXPECT_LT(static_cast<double>(at_floor), 0.01 * static_cast<double>(level.size()));
  EXPECT_GT(median(level), 12.0);
  EXPECT_LT(median(level), 22.0);
  EXPECT_GT(*std::max_element(level.begin(), level.end()), 40.0);
  // Daily VIX and SPY moves are strongly negatively correlated (real: about -0.7).
  EXPECT_LT(cov / std::sqrt(vr * sr), -0.5);
}

TEST(SyntheticMacro, SeriesFollowTheRegimeOnTheirPublicationDays) {
  const std::vector<std::string> names{"BAA_AAA", "ICSA", "ICSA_Z", "NFCI", "T10Y2Y", "T10YIE"};
  EXPECT_EQ(market().macro_series_names(), names);
  for (const auto& o : market().macro("NFCI")) {
    ASSERT_EQ(weekday{sys_days{o.obs_date}}, Friday);
  }
  for (const char* weekly : {"ICSA", "ICSA_Z"}) {
    for (const auto& o : market().macro(weekly)) ASSERT_EQ(weekday{sys_days{o.obs_date}}, Saturday);
  }
  const auto& nyse = calendar::calendar_named("nyse");
  for (const auto& o : market().macro("T10Y2Y")) ASSERT_TRUE(nyse.is_trading_day(o.obs_date));
  for (const auto& o : market().macro("BAA_AAA")) ASSERT_GT(o.value, 0.0);

  using enum MacroRegime;
  EXPECT_GT(mean_where(market().macro("BAA_AAA"), Crisis),
            mean_where(market().macro("BAA_AAA"), Goldilocks) + 0.5);
  EXPECT_GT(mean_where(market().macro("NFCI"), Crisis), mean_where(market().macro("NFCI"), RiskOn));
  EXPECT_GT(mean_where(market().macro("ICSA_Z"), Crisis), 1.0);
  EXPECT_LT(mean_where(market().macro("T10Y2Y"), Transition),
            mean_where(market().macro("T10Y2Y"), Recovery));
  EXPECT_LT(mean_where(market().macro("T10YIE"), Crisis),
            mean_where(market().macro("T10YIE"), RiskOn));
  EXPECT_THROW((void)market().macro("DGS10"), std::invalid_argument);
}

TEST(SyntheticCot, WeeklyTuesdayReportsPublishedFriday) {
  for (const char* m : {"ES", "NQ", "VX"}) {
    const auto reports = market().cot_reports(m);
    ASSERT_GT(reports.size(), 1000u) << m;
    for (const auto& r : reports) {
      ASSERT_EQ(weekday{sys_days{r.report_date}}, Tuesday);
      ASSERT_EQ(sys_days{r.release_date} - sys_days{r.report_date}, days{3});
      ASSERT_GT(r.open_interest, 0);
      ASSERT_GT(r.leveraged_long, 0);
      ASSERT_GT(r.leveraged_short, 0);
      ASSERT_EQ(r.net_speculative(), r.leveraged_long - r.leveraged_short);
    }
    for (std::size_t i = 1; i < reports.size(); ++i) {
      ASSERT_EQ(sys_days{reports[i].report_date} - sys_days{reports[i - 1].report_date}, days{7});
    }
  }
  EXPECT_EQ(market().cot_reports().size(), 3 * market().cot_reports("ES").size());
  // Leveraged funds are short ES on average, as in the real TFF reports.
  double es = 0.0;
  for (const auto& r : market().cot_reports("ES")) es += static_cast<double>(r.net_speculative());
  EXPECT_LT(es, 0.0);
}

TEST(SyntheticFunding, EightHourlyPrintsWithinTheCap) {
  const auto& cfg = market().config();
  const auto day_count = (sys_days{cfg.last_day} - sys_days{cfg.first_day}).count() + 1;
  for (const char* coin : {"BTC", "ETH"}) {
    const auto& f = market().funding_rates(coin);
    ASSERT_EQ(static_cast<long>(f.size()), 3 * day_count);
    std::vector<double> rates;
    for (std::size_t i = 0; i < f.size(); ++i) {
      ASSERT_EQ(f[i].venue, "synthetic");
      ASSERT_EQ(f[i].symbol, coin);
      ASSERT_EQ(f[i].funding_time,
                Timestamp{sys_days{cfg.first_day}} + hours{8 * static_cast<int>(i)});
      ASSERT_LE(std::fabs(f[i].rate), 0.003);
      ASSERT_NEAR(f[i].rate * 1e8, std::round(f[i].rate * 1e8), 1e-6);
      rates.push_back(f[i].rate);
    }
    std::sort(rates.begin(), rates.end());
    // Real Binance BTCUSDT 2019-2020: p5 -0.00015, median 0.0001, p95 0.0006.
    EXPECT_NEAR(rates[rates.size() / 2], 0.0001, 0.0001);
    EXPECT_LT(rates[rates.size() / 20], 0.0);
    EXPECT_GT(rates[rates.size() * 19 / 20], 0.0002);
  }
  EXPECT_THROW((void)market().funding_rates("SOL"), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::data::synthetic
