// The regime stage: allowed, not allowed, and the allow-all fallback for a
// missing or stale reading, per asset class.
#include "dorado/strategy/gates/regime_gate.hpp"

#include <gtest/gtest.h>

#include "strategy/gates/gate_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;

TEST(RegimeGate, MacroRegimeTheTemplateExcludesFailsWithItsConfidence) {
  RegimeView view;
  view.macro = published("macro", "crisis", 0.82, kScanAt - 6h);
  const auto outcome = regime_gate(iron_condor(), "SPY", view, kScanAt);
  ASSERT_FALSE(outcome.result.passed);
  EXPECT_EQ(outcome.result.reason, ReasonCode::RegimeNotAllowed);
  EXPECT_EQ(outcome.result.gate, "regime");
  EXPECT_DOUBLE_EQ(outcome.result.measured.at("confidence"), 0.82);
  EXPECT_DOUBLE_EQ(outcome.result.measured.at("age_hours"), 6.0);
  EXPECT_EQ(outcome.result.sentence,
            "macro regime crisis (confidence 0.82) not in [goldilocks, risk_on, recovery, "
            "transition, risk_off]");
  EXPECT_FALSE(outcome.label.has_value());
}

TEST(RegimeGate, AllowedMacroRegimePassesAndNamesTheVariant) {
  RegimeView view;
  view.macro = published("macro", "transition", 0.6, kScanAt - 30h);
  const auto outcome = regime_gate(iron_condor(), "SPY", view, kScanAt);
  EXPECT_TRUE(outcome.result.passed);
  EXPECT_EQ(outcome.label, "transition");
  EXPECT_DOUBLE_EQ(outcome.result.measured.at("age_hours"), 30.0);
  EXPECT_EQ(outcome.result.measured.count("allow_all"), 0u);
  EXPECT_EQ(outcome.result.sentence, "macro regime transition (confidence 0.6) allowed");
}

TEST(RegimeGate, MissingReadingIsAllowAllAndSaysSo) {
  const auto outcome = regime_gate(iron_condor(), "SPY", RegimeView{}, kScanAt);
  EXPECT_TRUE(outcome.result.passed);
  EXPECT_FALSE(outcome.label.has_value());
  EXPECT_DOUBLE_EQ(outcome.result.measured.at("allow_all"), 1.0);
  EXPECT_EQ(outcome.result.sentence, "no macro regime published: allow-all");
}

TEST(RegimeGate, StaleReadingIsAllowAllEvenWhenItsLabelIsExcluded) {
  // Published Wednesday 11 March 20:00, scanned Monday 16 March 20:00: 120 h > 96 h.
  RegimeView view;
  view.macro = published("macro", "crisis", 0.9, kScanAt - 120h);
  const auto outcome = regime_gate(iron_condor(), "SPY", view, kScanAt);
  EXPECT_TRUE(outcome.result.passed);
  EXPECT_FALSE(outcome.label.has_value());
  EXPECT_DOUBLE_EQ(outcome.result.measured.at("allow_all"), 1.0);
  EXPECT_DOUBLE_EQ(outcome.result.measured.at("age_hours"), 120.0);
  EXPECT_DOUBLE_EQ(outcome.result.measured.at("max_age_hours"), 96.0);
  EXPECT_EQ(outcome.result.sentence,
            "macro regime crisis is stale (120 h old, max 96 h): allow-all");
}

TEST(RegimeGate, ReadingFromTheFutureIsNotTrusted) {
  RegimeView view;
  view.macro = published("macro", "crisis", 0.9, kScanAt + 1h);
  EXPECT_TRUE(regime_gate(iron_condor(), "SPY", view, kScanAt).result.passed);
  EXPECT_FALSE(fresh_regime(AssetClass::EquityOptions, "SPY", view, kScanAt).has_value());
}

TEST(RegimeGate, FxReadsThePairsOwnRegime) {
  RegimeView view;
  view.macro = published("macro", "crisis", 0.9, kScanAt - 1h);  // irrelevant to FX
  view.fx["USDJPY"] = published("fx", "mean_reversion", 0.7, kScanAt - 2h);
  view.fx["EURUSD"] = published("fx", "momentum", 0.8, kScanAt - 2h);

  const auto usdjpy = regime_gate(fx_momentum(), "USDJPY", view, kScanAt);
  EXPECT_EQ(usdjpy.result.reason, ReasonCode::RegimeNotAllowed);
  EXPECT_EQ(usdjpy.result.sentence,
            "FX regime mean_reversion (confidence 0.7) not in [momentum, carry]");

  const auto eurusd = regime_gate(fx_momentum(), "EURUSD", view, kScanAt);
  EXPECT_TRUE(eurusd.result.passed);
  EXPECT_EQ(eurusd.label, "momentum");

  const auto gbpusd = regime_gate(fx_momentum(), "GBPUSD", view, kScanAt);
  EXPECT_TRUE(gbpusd.result.passed);
  EXPECT_EQ(gbpusd.result.sentence, "no FX regime published: allow-all");
}

TEST(RegimeGate, CryptoAgesFasterThanMacro) {
  // 60 h: fresh for macro (96 h), stale for crypto (48 h).
  RegimeView view;
  view.crypto["BTC"] = published("crypto", "no_trend", 0.75, kScanAt - 60h);
  const auto stale = regime_gate(crypto_momentum(), "BTC", view, kScanAt);
  EXPECT_TRUE(stale.result.passed);
  EXPECT_DOUBLE_EQ(stale.result.measured.at("allow_all"), 1.0);

  view.crypto["BTC"].as_of = kScanAt - 12h;
  const auto fresh = regime_gate(crypto_momentum(), "BTC", view, kScanAt);
  EXPECT_EQ(fresh.result.reason, ReasonCode::RegimeNotAllowed);
}

TEST(RegimeGate, FreshRegimesDropsOnlyTheStaleReadings) {
  RegimeView view;
  view.macro = published("macro", "risk_on", 0.9, kScanAt - 100h);  // stale (> 96 h)
  view.correlation = published("correlation", "diversified", 1.0, kScanAt - 20h);
  view.fx["EURUSD"] = published("fx", "carry", 0.6, kScanAt - 90h);            // fresh (< 96 h)
  view.crypto["BTC"] = published("crypto", "weak_trend", 0.6, kScanAt - 49h);  // stale
  view.crypto["ETH"] = published("crypto", "strong_trend", 0.6, kScanAt - 47h);

  const RegimeView fresh = fresh_regimes(view, kScanAt);
  EXPECT_FALSE(fresh.macro.has_value());
  EXPECT_EQ(fresh.correlation, view.correlation);
  EXPECT_EQ(fresh.fx.size(), 1u);
  ASSERT_EQ(fresh.crypto.size(), 1u);
  EXPECT_EQ(fresh.crypto.begin()->first, "ETH");
}

}  // namespace
}  // namespace dorado::strategy
