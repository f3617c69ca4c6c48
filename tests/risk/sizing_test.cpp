// Sizing, checked against hand arithmetic written beside each case.
#include "dorado/risk/sizing.hpp"

#include <gtest/gtest.h>

#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;

const Money kEquity = usd("100000");

SizingContext context(double breaker_multiplier = 1.0) {
  return SizingContext{.equity = kEquity,
                       .drawdown_pct = 0,
                       .regime_confidence = std::nullopt,
                       .breaker_multiplier = breaker_multiplier,
                       .vol_target = std::nullopt};
}

// A 5-wide SPY condor for 1.60: max loss (5 - 1.60) x 100 = 340 per contract.
TradeProposal condor_340() {
  return iron_condor("475", "480", "520", "525", "160", "340");
}

TEST(Sizing, FixedRiskPctFloorsTheBudgetOverMaxLoss) {
  // 100,000 x 2 % = 2,000; 2,000 / 340 = 5.88 -> 5 contracts (6 x 340 = 2,040 > 2,000).
  const auto d = size_position(condor_340(), iron_condor_template(), bot("spy-ic-01", 2.0),
                               shipped_policy(), context());
  EXPECT_EQ(d.method, config::SizingMethod::FixedRiskPct);
  EXPECT_EQ(d.risk_budget, usd("2000"));
  EXPECT_EQ(d.quantity, Quantity::units(5));
  EXPECT_EQ(d.limit, "risk_budget");
  EXPECT_EQ(d.sentence,
            "fixed_risk_pct: risk 2 % of 100,000 USD = 2,000 USD / 340 USD max loss per unit -> 5");
}

TEST(Sizing, BotRiskAbovePolicyIsCutToThePolicy) {
  // Bot asks 3 %, policy allows 2 %: base 2 % -> 2,000 / 340 -> 5. A 1 % bot: 1,000 / 340 -> 2.
  const auto greedy = size_position(condor_340(), iron_condor_template(), bot("b", 3.0),
                                    shipped_policy(), context());
  EXPECT_DOUBLE_EQ(greedy.base_risk_pct, 2.0);
  EXPECT_EQ(greedy.quantity, Quantity::units(5));
  const auto modest = size_position(condor_340(), iron_condor_template(), bot("b", 1.0),
                                    shipped_policy(), context());
  EXPECT_EQ(modest.quantity, Quantity::units(2));
}

TEST(Sizing, MaxContractsCapsTheQuantity) {
  // Credit 4.00 on a 5-wide condor: max loss 100; 2,000 / 100 = 20 -> capped at max_contracts 10.
  const auto d = size_position(iron_condor("475", "480", "520", "525", "400", "100"),
                               iron_condor_template(), bot("b", 2.0), shipped_policy(), context());
  EXPECT_EQ(d.quantity, Quantity::units(10));
  EXPECT_EQ(d.limit, "max_contracts");
}

TEST(Sizing, BreakerMultiplierHalvesTheBudget) {
  // 2 % x 0.5 = 1 % -> 1,000 / 340 = 2.94 -> 2.
  const auto d = size_position(condor_340(), iron_condor_template(), bot("b", 2.0),
                               shipped_policy(), context(0.5));
  EXPECT_DOUBLE_EQ(d.risk_pct, 1.0);
  EXPECT_EQ(d.risk_budget, usd("1000"));
  EXPECT_EQ(d.quantity, Quantity::units(2));
}

TEST(Sizing, OneContractAboveTheBudgetSizesToZero) {
  // Max loss 2,450 per condor > 2,000 budget: floor(0.82) = 0.
  const auto d = size_position(iron_condor("455", "480", "520", "545", "50", "2450"),
                               iron_condor_template(), bot("b", 2.0), shipped_policy(), context());
  EXPECT_TRUE(d.quantity.is_zero());
  EXPECT_TRUE(d.problem.empty());
}

TEST(Sizing, VolAdjustedShrinksRiskWhenRealizedVolIsAboveTarget) {
  // BTC at 60,000 with the stop 5,000 away. Bot risk 0.5 %; realized 90 % vs target 60 %:
  // scale 0.6 / 0.9 = 0.6667 -> risk 0.3333 % -> budget 333.333333 USD;
  // 333.333333 / 5,000 = 0.0666666 -> 6,666 lots of 0.00001 = 0.06666 BTC.
  // Notional 0.06666 x 60,000 = 3,999.60 > crypto cap 3 % = 3,000 -> 3,000 / 60,000 = 0.05 BTC.
  const auto p = momentum("btc-cm-01", "BTC", AssetClass::Crypto, "60000", "5000",
                          Quantity::parse("0.00001"), 0.90);
  const auto d = size_position(p, momentum_template(AssetClass::Crypto, std::nullopt, std::nullopt),
                               bot("btc-cm-01", 0.5), shipped_policy(), context());
  EXPECT_EQ(d.method, config::SizingMethod::VolAdjusted);
  EXPECT_NEAR(d.factors.at("vol_scale"), 2.0 / 3.0, 1e-15);
  EXPECT_EQ(d.risk_budget, usd("333.333333"));
  EXPECT_EQ(d.quantity, Quantity::parse("0.05"));
  EXPECT_EQ(d.limit, "crypto_max_position_pct");
}

TEST(Sizing, TemplatePositionCapBindsBeforeThePolicyCap) {
  // weak_trend override: max_position_pct 2 -> 2,000 / 60,000 = 0.0333.. -> 3,333 lots = 0.03333.
  const auto p = momentum("btc-cm-01", "BTC", AssetClass::Crypto, "60000", "5000",
                          Quantity::parse("0.00001"), 0.90);
  const auto d = size_position(p, momentum_template(AssetClass::Crypto, 2.0, std::nullopt),
                               bot("btc-cm-01", 0.5), shipped_policy(), context());
  EXPECT_EQ(d.quantity, Quantity::parse("0.03333"));
  EXPECT_EQ(d.limit, "max_position_pct");
}

TEST(Sizing, VolAdjustedBelowTheCapFollowsTheBudget) {
  // ETH at 6,000, stop 1,000 away, realized 90 %: budget 333.333333 / 1,000 = 0.333333
  // -> 3,333 lots of 0.0001 = 0.3333 ETH; notional 1,999.80 < 3,000 cap.
  const auto p = momentum("eth-cm-01", "ETH", AssetClass::Crypto, "6000", "1000",
                          Quantity::parse("0.0001"), 0.90);
  const auto d = size_position(p, momentum_template(AssetClass::Crypto, std::nullopt, std::nullopt),
                               bot("eth-cm-01", 0.5), shipped_policy(), context());
  EXPECT_EQ(d.quantity, Quantity::parse("0.3333"));
  EXPECT_EQ(d.limit, "risk_budget");
}

TEST(Sizing, VolAdjustedNeverScalesAboveBaseByDefault) {
  // FX realized 6 % < 8 % target: scale min(1, 1.333) = 1 -> 1 % of 100,000 = 1,000;
  // stop 0.012 per unit -> 83,333.33 -> 83,333 units; notional 90,416.305 < 3 x equity.
  const auto p =
      momentum("eurusd-01", "EUR_USD", AssetClass::Fx, "1.085", "0.012", Quantity::units(1), 0.06);
  const auto d = size_position(p, momentum_template(AssetClass::Fx, std::nullopt, 3.0),
                               bot("eurusd-01", 1.0), shipped_policy(), context());
  EXPECT_DOUBLE_EQ(d.factors.at("vol_scale"), 1.0);
  EXPECT_EQ(d.quantity, Quantity::units(83333));
  EXPECT_EQ(d.limit, "risk_budget");
}

TEST(Sizing, MaxLeverageCapsFxNotional) {
  // max_leverage 0.5: notional <= 50,000 -> 50,000 / 1.085 = 46,082.9 -> 46,082 units.
  const auto p =
      momentum("eurusd-01", "EUR_USD", AssetClass::Fx, "1.085", "0.012", Quantity::units(1), 0.06);
  const auto d = size_position(p, momentum_template(AssetClass::Fx, std::nullopt, 0.5),
                               bot("eurusd-01", 1.0), shipped_policy(), context());
  EXPECT_EQ(d.quantity, Quantity::units(46082));
  EXPECT_EQ(d.limit, "max_leverage");
}

TEST(Sizing, VolAdjustedWithoutRealizedVolCannotSize) {
  const auto p = momentum("btc-cm-01", "BTC", AssetClass::Crypto, "60000", "5000",
                          Quantity::parse("0.00001"), std::nullopt);
  const auto d = size_position(p, momentum_template(AssetClass::Crypto, std::nullopt, std::nullopt),
                               bot("btc-cm-01", 0.5), shipped_policy(), context());
  EXPECT_TRUE(d.quantity.is_zero());
  EXPECT_EQ(d.problem_reason, ReasonCode::InsufficientHistory);
  EXPECT_EQ(d.problem, "vol_adjusted sizing needs the underlying's realized volatility");
}

TEST(Sizing, UndefinedMaxLossCannotSize) {
  const auto d = size_position(iron_condor("475", "480", "520", "525", "160", "0"),
                               iron_condor_template(), bot("b", 2.0), shipped_policy(), context());
  EXPECT_TRUE(d.quantity.is_zero());
  EXPECT_EQ(d.problem_reason, ReasonCode::MaxLossExceeded);
}

TEST(Sizing, AdaptiveRegimeFactorIsPiecewiseLinear) {
  EXPECT_DOUBLE_EQ(adaptive_regime_factor(std::nullopt), 0.5);  // unknown: half size
  EXPECT_DOUBLE_EQ(adaptive_regime_factor(0.2), 0.5);
  EXPECT_DOUBLE_EQ(adaptive_regime_factor(0.4), 0.5);
  EXPECT_DOUBLE_EQ(adaptive_regime_factor(0.6), 0.75);  // 0.5 + 0.5 x (0.2 / 0.4)
  EXPECT_DOUBLE_EQ(adaptive_regime_factor(0.8), 1.0);
  EXPECT_DOUBLE_EQ(adaptive_regime_factor(1.0), 1.0);
}

TEST(Sizing, AdaptiveDrawdownFactorShrinksBeforeTheBreaker) {
  // D = 12: full to 3 %, 1 - 0.75 x (dd - 3) / 6 between, a quarter from 9 %.
  EXPECT_DOUBLE_EQ(adaptive_drawdown_factor(0, 12), 1.0);
  EXPECT_DOUBLE_EQ(adaptive_drawdown_factor(3, 12), 1.0);
  EXPECT_DOUBLE_EQ(adaptive_drawdown_factor(4.5, 12), 0.8125);
  EXPECT_DOUBLE_EQ(adaptive_drawdown_factor(6, 12), 0.625);
  EXPECT_DOUBLE_EQ(adaptive_drawdown_factor(9, 12), 0.25);
  EXPECT_DOUBLE_EQ(adaptive_drawdown_factor(20, 12), 0.25);
  EXPECT_DOUBLE_EQ(adaptive_drawdown_factor(20, 0), 1.0);  // no drawdown breaker
}

TEST(Sizing, AdaptiveRulesCombineRegimeDrawdownAndBreakers) {
  // 2 % x regime 0.75 (confidence 0.6) x drawdown 0.625 (6 % of 12) x breakers 0.5
  // = 0.46875 % -> 468.75 USD -> 468.75 / 340 = 1.38 -> 1 contract.
  auto ctx = context(0.5);
  ctx.regime_confidence = 0.6;
  ctx.drawdown_pct = 6;
  const auto d = size_position(
      condor_340(),
      option_template("ic", config::Structure::IronCondor, config::SizingMethod::AdaptiveRules),
      bot("b", 2.0), shipped_policy(), ctx);
  EXPECT_DOUBLE_EQ(d.risk_pct, 0.46875);
  EXPECT_EQ(d.risk_budget, usd("468.75"));
  EXPECT_EQ(d.quantity, Quantity::units(1));
}

TEST(Sizing, AdaptiveRulesNeverExceedBase) {
  // Full confidence, no drawdown, no breakers: exactly the base 2 %.
  auto ctx = context();
  ctx.regime_confidence = 1.0;
  const auto d = size_position(
      condor_340(),
      option_template("ic", config::Structure::IronCondor, config::SizingMethod::AdaptiveRules),
      bot("b", 2.0), shipped_policy(), ctx);
  EXPECT_DOUBLE_EQ(d.risk_pct, 2.0);
  EXPECT_EQ(d.quantity, Quantity::units(5));
}

TEST(Sizing, UnitsWithinCountsWholeLotsExactly) {
  // 1,000 / 0.012 = 83,333.33 units; in 1,000-unit lots: 83 lots = 83,000.
  EXPECT_EQ(units_within(usd("1000"), usd("0.012"), Quantity::units(1000)), Quantity::units(83000));
  // Exactly on a boundary: 1,700 / 340 = 5.
  EXPECT_EQ(units_within(usd("1700"), usd("340"), Quantity::units(1)), Quantity::units(5));
  EXPECT_TRUE(units_within(usd("1000"), usd("0"), Quantity::units(1)).is_zero());
  EXPECT_TRUE(units_within(usd("-5"), usd("1"), Quantity::units(1)).is_zero());
}

TEST(Sizing, DefaultVolTargetsPerAssetClass) {
  EXPECT_DOUBLE_EQ(default_vol_target(AssetClass::EquityOptions).target_vol, 0.16);
  EXPECT_DOUBLE_EQ(default_vol_target(AssetClass::Fx).target_vol, 0.08);
  EXPECT_DOUBLE_EQ(default_vol_target(AssetClass::Crypto).target_vol, 0.60);
}

}  // namespace
}  // namespace dorado::risk
