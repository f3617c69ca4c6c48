// The cascade: stage order, stop after the first failed stage with the
// skipped gates named, the regime variant's thresholds, a full pass, and the
// parallel run's order.
#include "dorado/strategy/gates/gate_cascade.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "dorado/config/loader.hpp"
#include "strategy/gates/gate_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;
using std::chrono::days;

// 251 days alternating 10 % and 30 % ATM IV, then `today`:
// IV rank = 100 (today - 0.10) / 0.20.
std::vector<double> iv_history(double today) {
  std::vector<double> iv;
  for (int i = 0; i < 251; ++i) iv.push_back(i % 2 == 0 ? 0.10 : 0.30);
  iv.push_back(today);
  return iv;
}

// Closes alternating 100 and 101 (high/low 0.5 beyond): no trend (the DIs
// nearly cancel, ADX 3.7), every close inside the ATR channel, strongly
// anti-persistent returns, and no swing strictly above its neighbours, so
// no support/resistance levels.
std::vector<Bar> choppy_bars(std::size_t n) {
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < n; ++i) {
    const double c = (n - 1 - i) % 2 == 0 ? 100.0 : 101.0;
    bars.push_back(daily_bar(kScanDay - days(n - 1 - i), c + 0.5, c - 0.5, c));
  }
  return bars;
}

OptionContract contract(Date expiration, double strike, OptionRight right, double delta) {
  OptionContract c;
  c.underlying = "SPY";
  c.expiration = expiration;
  c.strike = strike;
  c.right = right;
  c.bid = 1.0;
  c.ask = 1.1;
  c.delta = delta;
  c.quote_time = kScanAt;
  return c;
}

UnderlyingSnapshot condor_snapshot(std::string symbol) {
  auto s = snapshot(std::move(symbol), AssetClass::EquityOptions);
  s.daily_bars = choppy_bars(300);
  s.atm_iv_history = iv_history(0.30);  // rank 100
  s.vix = 18.0;
  s.vix3m = 20.0;
  const Date in37{std::chrono::year{2026} / 4 / 22};
  OptionChain chain;
  chain.underlying = s.symbol;
  chain.spot = 100.0;
  chain.as_of = kScanAt;
  chain.contracts = {contract(in37, 94, OptionRight::Put, -0.15),
                     contract(in37, 108, OptionRight::Call, 0.17)};
  s.chain = chain;
  return s;
}

RegimeView macro(const std::string& label) {
  RegimeView view;
  view.macro = published("macro", label, 0.7, kScanAt - 2h);
  return view;
}

std::vector<std::string> names_of(const std::vector<GateResult>& gates) {
  std::vector<std::string> out;
  for (const auto& g : gates) out.push_back(g.gate);
  return out;
}

TEST(GateCascade, EveryStagePassesOnAQuietRangeWithRichVolatility) {
  const auto result = run_gate_cascade(condor_snapshot("SPY"), iron_condor(), macro("risk_on"));
  EXPECT_TRUE(result.passed()) << (result.first_failure() ? result.first_failure()->sentence : "");
  EXPECT_EQ(result.first_failure(), nullptr);
  EXPECT_EQ(names_of(result.gates),
            (std::vector<std::string>{"regime", "iv_rank", "term_structure", "vix", "adx",
                                      "atr_channel", "hurst", "support_resistance"}));
  EXPECT_TRUE(result.not_evaluated.empty());
  EXPECT_EQ(result.regime, "risk_on");
  ASSERT_TRUE(result.picture.has_value());
  // Wilder-smoothed +DM alternates between 14/27 (after an up day) and 13/27,
  // -DM the other way round, TR is always 1.5: DX = 100 (1/27) / 1 = 3.7037.
  EXPECT_NEAR(*result.picture->adx, 100.0 / 27.0, 1e-6);
  EXPECT_LT(*result.picture->hurst, 0.55);
  EXPECT_TRUE(result.picture->levels.empty());
  EXPECT_EQ(result.gates.back().sentence, "no support/resistance levels in the lookback");
}

TEST(GateCascade, RegimeFailureSkipsEveryLaterGate) {
  const auto result = run_gate_cascade(condor_snapshot("SPY"), iron_condor(), macro("crisis"));
  EXPECT_FALSE(result.passed());
  EXPECT_EQ(result.failed_stage, GateStage::Regime);
  ASSERT_EQ(result.gates.size(), 1u);
  EXPECT_EQ(result.first_failure()->reason, ReasonCode::RegimeNotAllowed);
  EXPECT_EQ(result.not_evaluated,
            (std::vector<std::string>{"iv_rank", "term_structure", "vix", "adx", "atr_channel",
                                      "hurst", "support_resistance"}));
  EXPECT_FALSE(result.picture.has_value());
}

TEST(GateCascade, VolatilityFailureEvaluatesTheWholeStageThenStops) {
  auto s = condor_snapshot("SPY");
  s.atm_iv_history = iv_history(0.136);  // rank 18
  s.vix = 32.0;                          // also out of [14, 30]
  const auto result = run_gate_cascade(s, iron_condor(), macro("goldilocks"));
  EXPECT_EQ(result.failed_stage, GateStage::Volatility);
  EXPECT_EQ(names_of(result.gates),
            (std::vector<std::string>{"regime", "iv_rank", "term_structure", "vix"}));
  EXPECT_EQ(result.first_failure()->reason, ReasonCode::IvRankTooLow);
  EXPECT_EQ(result.gates[3].reason, ReasonCode::VixOutOfRange);
  EXPECT_EQ(result.not_evaluated,
            (std::vector<std::string>{"adx", "atr_channel", "hurst", "support_resistance"}));
}

TEST(GateCascade, TechnicalFailureIsTheLastStage) {
  auto s = condor_snapshot("SPY");
  s.chain.reset();
  const auto result = run_gate_cascade(s, iron_condor(), RegimeView{});  // allow-all
  EXPECT_EQ(result.failed_stage, GateStage::Technical);
  EXPECT_EQ(result.first_failure()->gate, "support_resistance");
  EXPECT_EQ(result.first_failure()->reason, ReasonCode::ChainUnavailable);
  EXPECT_TRUE(result.not_evaluated.empty());
  EXPECT_FALSE(result.regime.has_value());
  EXPECT_DOUBLE_EQ(result.gates.front().measured.at("allow_all"), 1.0);
}

TEST(GateCascade, RegimeOverrideThresholdsOfTheShippedTemplateApply) {
  const auto loaded = config::load_config_folder(DORADO_SOURCE_DIR "/config");
  ASSERT_TRUE(loaded.ok());
  const config::StrategyTemplate* condor = loaded.configuration->strategy("iron_condor");
  ASSERT_NE(condor, nullptr);

  auto s = condor_snapshot("SPY");
  s.atm_iv_history = iv_history(0.17);  // rank 100 x 0.07 / 0.2 = 35

  const auto risk_on = run_gate_cascade(s, *condor, macro("risk_on"));
  EXPECT_DOUBLE_EQ(risk_on.gates[1].measured.at("min_iv_rank"), 30.0);
  EXPECT_TRUE(risk_on.gates[1].passed);

  // transition: iv_rank_min 40 (regime_overrides.transition).
  const auto transition = run_gate_cascade(s, *condor, macro("transition"));
  EXPECT_DOUBLE_EQ(transition.gates[1].measured.at("min_iv_rank"), 40.0);
  EXPECT_EQ(transition.gates[1].reason, ReasonCode::IvRankTooLow);
  EXPECT_EQ(transition.gates[1].sentence, "IV rank 35 < 40 min");
}

TEST(GateCascades, ParallelRunKeepsInputOrderAndMatchesTheSerialRun) {
  std::vector<UnderlyingSnapshot> snapshots;
  for (int i = 0; i < 24; ++i) {
    auto s = condor_snapshot("U" + std::to_string(i));
    s.atm_iv_history = iv_history(0.10 + 0.01 * i);  // ranks 0, 5, ..., 115 capped: some fail
    if (i % 5 == 0) s.vix = 40.0;
    snapshots.push_back(std::move(s));
  }
  const auto condor = iron_condor();
  const auto fx = fx_momentum();
  auto eurusd = snapshot("EURUSD", AssetClass::Fx);
  eurusd.daily_bars = choppy_bars(300);
  snapshots.push_back(eurusd);

  std::vector<GateCascadeJob> jobs;
  for (std::size_t i = 0; i < snapshots.size(); ++i)
    jobs.push_back({snapshots[i], i + 1 == snapshots.size() ? fx : condor});

  const RegimeView view = macro("risk_on");
  const auto serial = run_gate_cascades(jobs, view, {}, 1);
  const auto parallel = run_gate_cascades(jobs, view, {}, 2);
  const auto wide = run_gate_cascades(jobs, view, {}, 8);
  ASSERT_EQ(serial.size(), jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    EXPECT_EQ(serial[i].symbol, snapshots[i].symbol);
    EXPECT_EQ(serial[i], run_gate_cascade(snapshots[i], jobs[i].strategy, view));
  }
  EXPECT_EQ(parallel, serial);
  EXPECT_EQ(wide, serial);
  EXPECT_EQ(serial[0].failed_stage, GateStage::Volatility);  // rank 0, VIX 40
  EXPECT_TRUE(serial[21].passed());                          // rank 100 (capped by the max)
  EXPECT_EQ(serial.back().strategy, "fx_momentum");
}

TEST(GateCascades, ProgrammerErrorOfAJobIsRethrownAfterTheRun) {
  auto crypto = crypto_momentum();
  std::get<config::MomentumRules>(crypto.rules).signal.hurst_window = 4;  // fewer than two lags
  auto btc = snapshot("BTC", AssetClass::Crypto);
  btc.daily_bars = choppy_bars(60);
  const std::vector<GateCascadeJob> jobs{{btc, crypto}, {btc, crypto}};
  EXPECT_THROW(run_gate_cascades(jobs, RegimeView{}, {}, 2), std::invalid_argument);
  EXPECT_TRUE(run_gate_cascades({}, RegimeView{}, {}, 2).empty());
}

}  // namespace
}  // namespace dorado::strategy
