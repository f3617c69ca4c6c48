// The volatility stage: each gate triggered with hand-worked figures.
#include "dorado/strategy/gates/volatility_gates.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "strategy/gates/gate_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;

// 251 days alternating 10 % and 30 % ATM IV, then today at 13.6 %:
// IV rank = 100 (0.136 - 0.10) / (0.30 - 0.10) = 18;
// IV percentile = 100 x 126 days below (the 10 % ones) / 251 = 50.1992.
std::vector<double> iv_history_ranking_18() {
  std::vector<double> iv;
  for (int i = 0; i < 251; ++i) iv.push_back(i % 2 == 0 ? 0.10 : 0.30);
  iv.push_back(0.136);
  return iv;
}

TEST(IvRankGate, RankBelowTheMinimumFails) {
  auto s = snapshot("SPY", AssetClass::EquityOptions);
  s.atm_iv_history = iv_history_ranking_18();
  const TechnicalPicture picture = technical_picture(s);
  ASSERT_TRUE(picture.iv_rank.has_value());
  EXPECT_NEAR(*picture.iv_rank, 18.0, 1e-9);
  EXPECT_NEAR(*picture.iv_percentile, 100.0 * 126.0 / 251.0, 1e-9);
  EXPECT_DOUBLE_EQ(*picture.current_iv, 0.136);

  const GateResult g = iv_rank_gate(picture, 30);
  EXPECT_FALSE(g.passed);
  EXPECT_EQ(g.reason, ReasonCode::IvRankTooLow);
  EXPECT_NEAR(g.measured.at("iv_rank"), 18.0, 1e-9);
  EXPECT_DOUBLE_EQ(g.measured.at("min_iv_rank"), 30.0);
  EXPECT_EQ(g.sentence, "IV rank 18 < 30 min");

  EXPECT_TRUE(iv_rank_gate(picture, 15).passed);
}

TEST(IvRankGate, LessThanAYearOfHistoryIsInsufficient) {
  auto s = snapshot("SPY", AssetClass::EquityOptions);
  s.atm_iv_history.assign(100, 0.2);
  const GateResult g = iv_rank_gate(technical_picture(s), 30);
  EXPECT_EQ(g.reason, ReasonCode::InsufficientHistory);
  EXPECT_DOUBLE_EQ(g.measured.at("iv_days"), 100.0);
  EXPECT_EQ(g.sentence, "IV rank needs a year of ATM IV history, have 100 days");
}

TEST(TermStructureGate, BackwardationFails) {
  // 20.9 / 22 = 0.95 < 1.0.
  const GateResult g = term_structure_gate(22.0, 20.9, 1.0);
  EXPECT_EQ(g.reason, ReasonCode::TermStructureBackwardation);
  EXPECT_NEAR(g.measured.at("contango_ratio"), 0.95, 1e-12);
  EXPECT_EQ(g.sentence, "VIX3M/VIX 20.9/22 = 0.95 < 1 min");

  const GateResult contango = term_structure_gate(16.0, 20.0, 1.0);  // 1.25
  EXPECT_TRUE(contango.passed);
  EXPECT_EQ(contango.sentence, "VIX3M/VIX 20/16 = 1.25 >= 1 min");
}

TEST(TermStructureGate, MissingIndexIsInsufficientHistory) {
  EXPECT_EQ(term_structure_gate(std::nullopt, 18.0, 1.0).reason, ReasonCode::InsufficientHistory);
  const GateResult g = term_structure_gate(16.0, std::nullopt, 1.0);
  EXPECT_EQ(g.reason, ReasonCode::InsufficientHistory);
  EXPECT_EQ(g.sentence, "term structure needs the day's VIX3M close");
}

TEST(VixGate, OutsideTheRangeFails) {
  const GateResult high = vix_gate(32.0, {14, 30});
  EXPECT_EQ(high.reason, ReasonCode::VixOutOfRange);
  EXPECT_DOUBLE_EQ(high.measured.at("vix"), 32.0);
  EXPECT_EQ(high.sentence, "VIX 32 outside [14, 30]");
  EXPECT_EQ(vix_gate(12.5, {14, 30}).reason, ReasonCode::VixOutOfRange);
  EXPECT_TRUE(vix_gate(14.0, {14, 30}).passed);  // the range is closed
  EXPECT_EQ(vix_gate(std::nullopt, {14, 30}).reason, ReasonCode::InsufficientHistory);
}

// Closes whose log returns alternate +a, -a (a = 0.5 %), then a last return
// of `last`. Every 30-day window of alternating returns has mean 0 and
// sample variance 30 a^2 / 29, so realized vol (FX: 260 days a year) is
// a sqrt(260 x 30 / 29) = 8.20 % on each of the first readings.
std::vector<Bar> alternating_bars(std::size_t returns, double last) {
  const double a = 0.005;
  std::vector<Bar> bars = flat_bars(returns + 1);
  double close = 1.10;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    if (i > 0) close *= std::exp(i + 1 == bars.size() ? last : (i % 2 == 1 ? a : -a));
    bars[i].open = bars[i].close = close;
    bars[i].high = close * 1.001;
    bars[i].low = close * 0.999;
  }
  return bars;
}

TEST(VolRegimeGate, RealizedVolAtTheTopOfItsYearFails) {
  // 290 returns: realized vol readings from return 30 on (261 of them); the
  // percentile compares today's with the 251 before it. A last return of
  // 3 % lifts today's reading above all of them: percentile 100.
  auto s = snapshot("EURUSD", AssetClass::Fx);
  s.daily_bars = alternating_bars(290, 0.03);
  const TechnicalPicture picture = technical_picture(s);
  ASSERT_TRUE(picture.realized_vol_percentile.has_value());
  EXPECT_DOUBLE_EQ(*picture.realized_vol_percentile, 100.0);

  const GateResult g = vol_regime_gate(picture, {});
  EXPECT_EQ(g.reason, ReasonCode::VolPercentileOutOfBand);
  EXPECT_DOUBLE_EQ(g.measured.at("realized_vol_percentile"), 100.0);
  EXPECT_EQ(g.sentence, "realized-vol percentile 100 outside [10, 90]");
}

TEST(VolRegimeGate, RealizedVolAtTheBottomOfItsYearFails) {
  // A flat last day (return 0): today's window has 29 alternating returns
  // and a 0, whose sample variance is below 30 a^2 / 29: percentile 0.
  auto s = snapshot("EURUSD", AssetClass::Fx);
  s.daily_bars = alternating_bars(290, 0.0);
  const TechnicalPicture picture = technical_picture(s);
  EXPECT_DOUBLE_EQ(*picture.realized_vol_percentile, 0.0);
  EXPECT_EQ(vol_regime_gate(picture, {}).reason, ReasonCode::VolPercentileOutOfBand);
}

TEST(VolRegimeGate, RealizedVolOfAlternatingReturns) {
  auto s = snapshot("EURUSD", AssetClass::Fx);
  s.daily_bars = alternating_bars(40, -0.005);  // the pattern continues: -a after +a
  const TechnicalPicture picture = technical_picture(s);
  EXPECT_NEAR(*picture.realized_vol, 0.005 * std::sqrt(260.0 * 30.0 / 29.0), 1e-12);
  // 11 readings are fewer than the 252 the percentile needs.
  EXPECT_FALSE(picture.realized_vol_percentile.has_value());
  EXPECT_EQ(vol_regime_gate(picture, {}).reason, ReasonCode::InsufficientHistory);
}

TEST(VolRegimeGate, InsideTheBandPasses) {
  TechnicalPicture picture;
  picture.realized_vol_percentile = 55.0;
  picture.realized_vol = 0.071;
  const GateResult g = vol_regime_gate(picture, {10, 90});
  EXPECT_TRUE(g.passed);
  EXPECT_DOUBLE_EQ(g.measured.at("realized_vol_pct"), 7.1);
  EXPECT_EQ(g.sentence, "realized-vol percentile 55 within [10, 90]");
}

TEST(RealizedVolGate, CryptoVolBelowTheRangeFails) {
  TechnicalPicture picture;
  picture.realized_vol = 0.25;
  const GateResult g = realized_vol_gate(picture, {30, 120});
  EXPECT_EQ(g.reason, ReasonCode::RealizedVolOutOfRange);
  EXPECT_DOUBLE_EQ(g.measured.at("realized_vol_pct"), 25.0);
  EXPECT_EQ(g.sentence, "realized vol 25 % outside [30, 120] %");
  picture.realized_vol = 1.35;
  EXPECT_EQ(realized_vol_gate(picture, {30, 120}).reason, ReasonCode::RealizedVolOutOfRange);
  picture.realized_vol = 0.65;
  EXPECT_TRUE(realized_vol_gate(picture, {30, 120}).passed);
}

TEST(VolatilityGates, EachTemplateRunsItsOwnGatesInOrder) {
  auto s = snapshot("SPY", AssetClass::EquityOptions);
  s.atm_iv_history = iv_history_ranking_18();
  s.vix = 22.0;
  s.vix3m = 20.9;
  const auto condor = volatility_gates(iron_condor(), s, technical_picture(s));
  ASSERT_EQ(condor.size(), 3u);
  EXPECT_EQ(condor[0].reason, ReasonCode::IvRankTooLow);
  EXPECT_EQ(condor[1].reason, ReasonCode::TermStructureBackwardation);
  EXPECT_TRUE(condor[2].passed);  // VIX 22 in [14, 30]
  EXPECT_EQ(volatility_gate_names(iron_condor()),
            (std::vector<std::string>{"iv_rank", "term_structure", "vix"}));
  EXPECT_EQ(volatility_gate_names(fx_momentum()), std::vector<std::string>{"vol_regime"});
  EXPECT_EQ(volatility_gate_names(crypto_momentum()), std::vector<std::string>{"realized_vol"});
}

}  // namespace
}  // namespace dorado::strategy
