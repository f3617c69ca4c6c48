// Trade-level checks: each one triggered, with its reason code, numbers and sentence.
#include "dorado/risk/trade_checks.hpp"

#include <gtest/gtest.h>

#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;

const Money kEquity = usd("100000");

struct Fixture {
  config::StrategyTemplate strategy = iron_condor_template();
  config::BotConfig bot_config = bot("spy-ic-01", 2.0);
  config::RiskPolicy policy = shipped_policy();

  TradeAssessment assess(const TradeProposal& p, RegimeReading regime = {"goldilocks", false}) {
    return assess_trade(
        p, TradeContext{strategy, bot_config, policy,
                        SizingContext{kEquity, 0, std::nullopt, 1.0, std::nullopt}, regime});
  }
};

const CheckResult& named(const TradeAssessment& a, const std::string& name) {
  for (const auto& c : a.checks)
    if (c.gate == name) return c;
  throw std::logic_error("no check " + name);
}

TEST(TradeChecks, AGoodCondorPassesAndIsSized) {
  // 2,000 / 340 -> 5 condors: max loss 1,700; buying power 5 x 340 = 1,700; exposure x5.
  Fixture f;
  const auto a = f.assess(iron_condor("475", "480", "520", "525", "160", "340"));
  ASSERT_TRUE(a.passed()) << a.failures().front().sentence;
  const auto& pos = *a.position;
  EXPECT_EQ(pos.id, "spy-ic-01/SPY/iron_condor");
  EXPECT_EQ(pos.quantity, Quantity::units(5));
  EXPECT_EQ(pos.max_loss, usd("1700"));
  EXPECT_EQ(pos.buying_power, usd("1700"));
  EXPECT_DOUBLE_EQ(pos.exposure.vega, -75);
  EXPECT_DOUBLE_EQ(pos.exposure.delta_dollars, -100);
  std::vector<std::string> names;
  for (const auto& c : a.checks) names.push_back(c.gate);
  EXPECT_EQ(names, (std::vector<std::string>{"data_quality", "regime", "structure", "dte", "sizing",
                                             "max_loss"}));
  EXPECT_EQ(named(a, "max_loss").sentence, "max loss 1,700 USD <= 2,000 USD (2 % of 100,000)");
  EXPECT_EQ(named(a, "dte").sentence, "DTE 39 within [30, 45]");
}

TEST(TradeChecks, LowDataQualityIsRefused) {
  Fixture f;
  auto p = iron_condor("475", "480", "520", "525", "160", "340");
  p.data_quality = 0.72;
  const auto a = f.assess(p);
  EXPECT_FALSE(a.passed());
  const auto& c = named(a, "data_quality");
  EXPECT_EQ(c.reason, ReasonCode::DataQualityTooLow);
  EXPECT_DOUBLE_EQ(c.measured.at("data_quality"), 0.72);
  EXPECT_DOUBLE_EQ(c.measured.at("min"), 0.8);
  EXPECT_EQ(c.sentence, "data quality 0.72 < 0.8 min");
}

TEST(TradeChecks, RegimeOutsideTheTemplateIsRefused) {
  Fixture f;
  const auto a = f.assess(iron_condor("475", "480", "520", "525", "160", "340"), {"crisis", false});
  const auto& c = named(a, "regime");
  EXPECT_EQ(c.reason, ReasonCode::RegimeNotAllowed);
  EXPECT_EQ(c.sentence,
            "regime crisis not in iron_condor's regimes_allowed [goldilocks, risk_on, recovery, "
            "transition, risk_off]");
  EXPECT_FALSE(a.passed());
}

TEST(TradeChecks, UnknownOrStaleRegimeAllowsAll) {
  Fixture f;
  const auto p = iron_condor("475", "480", "520", "525", "160", "340");
  const auto unknown = f.assess(p, {std::nullopt, false});
  EXPECT_TRUE(unknown.passed());
  EXPECT_EQ(named(unknown, "regime").sentence, "regime unknown: allow-all fallback");
  const auto stale = f.assess(p, {"crisis", true});
  EXPECT_TRUE(stale.passed());
  EXPECT_EQ(named(stale, "regime").sentence, "regime stale: allow-all fallback");
}

TEST(TradeChecks, LegsThatAreNotTheStructureStopBeforeSizing) {
  Fixture f;
  auto p = iron_condor("475", "480", "520", "525", "160", "340");
  p.candidate.legs.pop_back();  // a naked short call is not a condor
  const auto a = f.assess(p);
  const auto& c = a.checks.back();
  EXPECT_EQ(c.gate, "structure");
  EXPECT_EQ(c.reason, ReasonCode::InternalError);
  EXPECT_EQ(c.sentence,
            "iron_condor on SPY: iron condor needs 4 option legs of one underlying, expiration and "
            "ratio");
  EXPECT_FALSE(a.sizing.has_value());
}

TEST(TradeChecks, ExpirationOutsideTheDteRangeIsRefused) {
  Fixture f;
  auto p = iron_condor("475", "480", "520", "525", "160", "340");
  const Date far = year{2024} / May / 17;  // 67 days
  for (auto& leg : p.candidate.legs) {
    auto id = *leg.instrument.option;
    id.expiration = far;
    leg.instrument = us_equity_option(id);
  }
  const auto a = f.assess(p);
  const auto& c = named(a, "dte");
  EXPECT_EQ(c.reason, ReasonCode::InternalError);
  EXPECT_DOUBLE_EQ(c.measured.at("dte"), 67);
  EXPECT_EQ(c.sentence, "DTE 67 outside [30, 45]");
}

TEST(TradeChecks, OneUnitAboveTheBudgetIsMaxLossExceeded) {
  // A 25-wide condor for 0.50: (25 - 0.50) x 100 = 2,450 per unit > 2,000.
  Fixture f;
  const auto a = f.assess(iron_condor("455", "480", "520", "545", "50", "2450"));
  const auto& c = a.checks.back();
  EXPECT_EQ(c.gate, "sizing");
  EXPECT_EQ(c.reason, ReasonCode::MaxLossExceeded);
  EXPECT_DOUBLE_EQ(c.measured.at("max_loss_per_unit"), 2450);
  EXPECT_DOUBLE_EQ(c.measured.at("risk_budget"), 2000);
  EXPECT_EQ(c.sentence, "one unit's max loss 2,450 USD > risk budget 2,000 USD (2 % of 100,000)");
}

TEST(TradeChecks, MaxLossCheckStatesTheLimit) {
  const auto c = check_max_loss(usd("2450"), kEquity, shipped_policy());
  EXPECT_FALSE(c.passed);
  EXPECT_EQ(c.reason, ReasonCode::MaxLossExceeded);
  EXPECT_DOUBLE_EQ(c.measured.at("max_loss"), 2450);
  EXPECT_DOUBLE_EQ(c.measured.at("limit"), 2000);
  EXPECT_DOUBLE_EQ(c.measured.at("limit_pct"), 2);
  EXPECT_EQ(c.sentence, "max loss 2,450 USD > 2,000 USD (2 % of 100,000)");
  EXPECT_TRUE(check_max_loss(usd("2000"), kEquity, shipped_policy()).passed);  // at the limit
}

TEST(TradeChecks, MaxLossCatchesABotAskingMoreThanThePolicyAllows) {
  // Defence in depth: the check measures the sized position itself, so a position sized
  // under the 2 % policy (1,700) is refused when the policy is tightened to 1.5 % (1,500).
  Fixture f;
  const auto sized = f.assess(iron_condor("475", "480", "520", "525", "160", "340"));
  ASSERT_TRUE(sized.passed());
  auto strict = shipped_policy();
  strict.trade.max_loss_per_trade_pct = 1.5;  // 1,500 < the 1,700 sized above
  const auto c = check_max_loss(sized.position->max_loss, kEquity, strict);
  EXPECT_EQ(c.reason, ReasonCode::MaxLossExceeded);
  EXPECT_EQ(c.sentence, "max loss 1,700 USD > 1,500 USD (1.5 % of 100,000)");
}

TEST(TradeChecks, CryptoHardCapIsThreePercentOfEquity) {
  const auto c = check_crypto_cap(usd("3500"), kEquity, shipped_policy());
  EXPECT_EQ(c.reason, ReasonCode::ConcentrationExceeded);
  EXPECT_DOUBLE_EQ(c.measured.at("notional"), 3500);
  EXPECT_EQ(c.sentence, "crypto position 3,500 USD > 3,000 USD (3 % of 100,000)");
  EXPECT_TRUE(check_crypto_cap(usd("3000"), kEquity, shipped_policy()).passed);
}

TEST(TradeChecks, CryptoMomentumIsSizedUnderTheCapAndPasses) {
  // Sized to 0.05 BTC (see sizing_test): notional 3,000 = the cap; max loss 0.05 x 5,000 = 250.
  Fixture f;
  f.strategy = momentum_template(AssetClass::Crypto, std::nullopt, std::nullopt);
  f.bot_config = bot("btc-cm-01", 0.5, 1);
  const auto a = f.assess(momentum("btc-cm-01", "BTC", AssetClass::Crypto, "60000", "5000",
                                   Quantity::parse("0.00001"), 0.9),
                          {"strong_trend", false});
  ASSERT_TRUE(a.passed()) << a.failures().front().sentence;
  EXPECT_EQ(a.position->notional, usd("3000"));
  EXPECT_EQ(a.position->max_loss, usd("250"));
  EXPECT_EQ(a.position->buying_power, usd("3000"));
  EXPECT_EQ(named(a, "crypto_cap").sentence,
            "crypto position 3,000 USD <= 3,000 USD (3 % of 100,000)");
}

TEST(TradeChecks, VolAdjustedWithoutHistoryIsInsufficientHistory) {
  Fixture f;
  f.strategy = momentum_template(AssetClass::Crypto, std::nullopt, std::nullopt);
  const auto a = f.assess(momentum("btc-cm-01", "BTC", AssetClass::Crypto, "60000", "5000",
                                   Quantity::parse("0.00001"), std::nullopt),
                          {"strong_trend", false});
  EXPECT_EQ(a.checks.back().reason, ReasonCode::InsufficientHistory);
}

TEST(TradeChecks, CapBelowOneLotIsConcentration) {
  // A 1 % notional cap (1,000) on a lot of 1 BTC at 60,000: zero lots fit.
  Fixture f;
  f.strategy = momentum_template(AssetClass::Crypto, 1.0, std::nullopt);
  const auto a = f.assess(
      momentum("btc-cm-01", "BTC", AssetClass::Crypto, "60000", "100", Quantity::units(1), 0.6),
      {"strong_trend", false});
  EXPECT_EQ(a.checks.back().reason, ReasonCode::ConcentrationExceeded);
  EXPECT_EQ(a.checks.back().sentence, "max_position_pct allows less than one lot");
}

}  // namespace
}  // namespace dorado::risk
