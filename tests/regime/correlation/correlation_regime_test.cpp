// The correlation regime: hand-worked structures, the hysteresis, and the
// flip-frequency measurement the defaults were chosen from.
#include "dorado/regime/correlation/correlation_regime.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "regime/real_bars.hpp"
#include "regime/synthetic_market_fixture.hpp"

namespace dorado::regime {
namespace {

using namespace std::chrono;

TEST(CorrelationStructure, HandWorkedMatrix) {
  // Columns: a, 2a (correlation 1 with a), b orthogonal to a after centring.
  // Correlation matrix [[1,1,0],[1,1,0],[0,0,1]]: eigenvalues 2, 1, 0, so the
  // shares are 2/3, 1/3, 0; 80 % needs 2 components; the first two hold 100 %.
  Eigen::MatrixXd r(4, 3);
  r << 1, 2, 1,   //
      -1, -2, 1,  //
      1, 2, -1,   //
      -1, -2, -1;
  const auto s = correlation_structure(r, {});
  EXPECT_NEAR(s.first_component_share, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(s.variance_shares[1], 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(s.variance_shares[2], 0.0, 1e-12);
  EXPECT_EQ(s.components_for_target, 2u);
  EXPECT_NEAR(s.leading_share, 1.0, 1e-12);
}

TEST(CorrelationStructure, UncorrelatedColumnsNeedMostComponents) {
  // The three non-constant columns of the 4x4 Hadamard matrix: zero mean and
  // mutually orthogonal, so the correlation matrix is the identity, every
  // component holds 1/3, 80 % takes all 3 and the first two hold 2/3.
  Eigen::MatrixXd r(4, 3);
  r << 1, 1, 1,   //
      -1, 1, -1,  //
      1, -1, -1,  //
      -1, -1, 1;
  const auto s = correlation_structure(r, {});
  EXPECT_NEAR(s.first_component_share, 1.0 / 3.0, 1e-12);
  EXPECT_EQ(s.components_for_target, 3u);
  EXPECT_NEAR(s.leading_share, 2.0 / 3.0, 1e-12);
}

// Returns of four instruments: independent noise, then `together` days all
// driven by one factor, then independent again.
UniverseReturns blocks(int before, int together, int after, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  UniverseReturns u;
  u.symbols = {"A", "B", "C", "D"};
  const int n = before + together + after;
  u.returns.resize(n, 4);
  for (int i = 0; i < n; ++i) {
    const double common = normal(rng);
    const bool joint = i >= before && i < before + together;
    for (int k = 0; k < 4; ++k)
      u.returns(i, k) = (joint ? common : 0.0) + (joint ? 0.2 : 1.0) * normal(rng);
    u.dates.emplace_back(sys_days{2020y / January / 1} + days{i});
  }
  return u;
}

TEST(CorrelationRegimes, ConcentratedWhileOneFactorDrivesEverything) {
  CorrelationRegimeConfig c;
  c.window = 20;
  const auto readings = correlation_regimes(blocks(60, 60, 60, 3), c);
  ASSERT_EQ(readings.size(), 180u - 20u + 1u);
  // Fully inside the joint block (window 100..119 ends at return 119, reading 100).
  EXPECT_EQ(readings[100].regime, CorrelationRegime::Concentrated);
  EXPECT_EQ(readings[10].regime, CorrelationRegime::Diversified);
  EXPECT_EQ(readings.back().regime, CorrelationRegime::Diversified);
  const auto f = flip_statistics(readings);
  EXPECT_EQ(f.flips, 2u);
}

TEST(CorrelationRegimes, HysteresisNeverAddsFlips) {
  const auto u = blocks(100, 100, 100, 5);
  std::size_t previous = SIZE_MAX;
  for (double h : {0.0, 0.05, 0.1, 0.2}) {
    CorrelationRegimeConfig c;
    c.window = 10;  // short and noisy: flips at the line
    c.hysteresis = h;
    const auto flips = flip_statistics(correlation_regimes(u, c)).flips;
    EXPECT_LE(flips, previous) << "hysteresis " << h;
    previous = flips;
  }
}

TEST(CorrelationRegimes, PublishedReadingNamesTheRule) {
  CorrelationReading r;
  r.regime = CorrelationRegime::Concentrated;
  const auto p = to_published(r, Timestamp{sys_days{2024y / May / 1}}, {});
  EXPECT_EQ(p.model, "correlation");
  EXPECT_EQ(p.label, "concentrated");
  EXPECT_EQ(p.model_version, "pca-corr/30d/80%/2pc/h0.05");
}

TEST(CorrelationRegimes, RefusesBadConfig) {
  CorrelationRegimeConfig c;
  c.window = 2;
  EXPECT_THROW(c.validate(), std::invalid_argument);
  c = {};
  c.hysteresis = 0.9;
  EXPECT_THROW(c.validate(), std::invalid_argument);
  EXPECT_THROW(universe_returns({}), std::invalid_argument);
}

// Prints one block of the flip table for `universe`; checks that a wider
// band never flips more.
void flip_table(const std::string& title, const UniverseReturns& universe) {
  std::printf("%s %s..%s, %zu instruments, %zu days\n", title.c_str(),
              to_iso_date(universe.dates.front()).c_str(),
              to_iso_date(universe.dates.back()).c_str(), universe.symbols.size(),
              universe.dates.size());
  std::printf(
      "  window  hysteresis  flips/yr  concentrated  mean spell (d)  mean PC1  mean PC1+2  max "
      "PC1+2\n");
  for (std::size_t window : {30u, 60u, 90u}) {
    std::size_t previous = SIZE_MAX;
    for (double h : {0.0, 0.02, 0.05, 0.10}) {
      CorrelationRegimeConfig c;
      c.window = window;
      c.hysteresis = h;
      const auto readings = correlation_regimes(universe, c);
      const auto f = flip_statistics(readings);
      double pc1 = 0, pc12 = 0, pc12_max = 0;
      for (const auto& r : readings) {
        pc1 += r.structure.first_component_share;
        pc12 += r.structure.leading_share;
        pc12_max = std::max(pc12_max, r.structure.leading_share);
      }
      const double n = static_cast<double>(readings.size());
      std::printf("  %6zu  %10.2f  %8.2f  %12.3f  %14.1f  %8.3f  %10.3f  %9.3f\n", window, h,
                  f.flips_per_year, f.concentrated_share, f.mean_spell_days, pc1 / n, pc12 / n,
                  pc12_max);
      EXPECT_LE(f.flips, previous) << "window " << window << " hysteresis " << h;
      previous = f.flips;
    }
  }
}

// The measurement behind the defaults: how often the regime flips for each
// window and hysteresis band, how much of the time it is concentrated, on the
// synthetic market's eleven instruments and on the real history.
TEST(CorrelationFlipTable, WindowsAndHysteresisOnTheSyntheticMarket) {
  const auto& m = testing::synthetic_market();
  std::map<std::string, std::span<const Bar>> bars;
  for (const auto* s :
       {"SPY", "QQQ", "XLK", "XLU", "TLT", "LQD", "GLD", "USDJPY", "AUDUSD", "BTC", "ETH"})
    bars[s] = m.bars(s);
  flip_table("correlation regime flips, synthetic market", universe_returns(bars));
}

TEST(CorrelationFlipTable, WindowsAndHysteresisOnRealDataThrough2018) {
  DORADO_REAL_DATA_OR_SKIP(dir);
  std::map<std::string, std::vector<Bar>> history;
  for (const auto* s :
       {"SPY", "QQQ", "IWM", "XLK", "XLU", "TLT", "LQD", "GLD", "USDJPY", "AUDUSD", "EURUSD"}) {
    if (!std::filesystem::exists(dir / (std::string(s) + ".csv")))
      GTEST_SKIP() << s << ".csv not found";
    history[s] = testing::real_bars(dir, s, 2018y / December / 31);
  }
  std::map<std::string, std::span<const Bar>> bars(history.begin(), history.end());
  const auto universe = universe_returns(bars);
  flip_table("correlation regime flips, real history (ETFs and FX)", universe);

  // The defaults (window 30, hysteresis 0.05): the only window that ever
  // reads concentrated here, calm enough (under one flip a year).
  const auto readings = correlation_regimes(universe, {});
  const auto f = flip_statistics(readings);
  std::printf("default %s: concentrated spells:", CorrelationRegimeConfig{}.version().c_str());
  for (std::size_t i = 0; i < readings.size(); ++i) {
    const bool on = readings[i].regime == CorrelationRegime::Concentrated;
    const bool was = i > 0 && readings[i - 1].regime == CorrelationRegime::Concentrated;
    if (on && !was) std::printf(" %s..", to_iso_date(readings[i].structure.date).c_str());
    if (!on && was) std::printf("%s", to_iso_date(readings[i - 1].structure.date).c_str());
  }
  std::printf("\n");
  EXPECT_GT(f.concentrated_share, 0.0);
  EXPECT_LT(f.flips_per_year, 1.0);
}

}  // namespace
}  // namespace dorado::regime
