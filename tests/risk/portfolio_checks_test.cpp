// Portfolio checks: each one triggered alone, with its reason code, numbers and sentence.
#include "dorado/risk/portfolio_checks.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;
using AC = AssetClass;

PortfolioState book(std::vector<PositionRisk> positions) {
  auto p = PortfolioState::flat(usd("100000"));
  p.positions = std::move(positions);
  return p;
}

// The one failed check; fails the test if there is not exactly one.
CheckResult only_failure(const PortfolioState& p, const PositionRisk& add,
                         std::optional<int> bot_max = std::nullopt) {
  const auto failed = check(p, add, shipped_policy(), bot_max);
  if (failed.size() != 1u)
    for (const auto& f : failed) ADD_FAILURE() << "not alone: " << f.gate << ": " << f.sentence;
  EXPECT_EQ(failed.size(), 1u);
  return failed.empty() ? CheckResult{} : failed.front();
}

TEST(PortfolioChecks, AFittingAdditionPassesEveryCheck) {
  const auto p = book({position("a", "SPY", AC::EquityOptions, "1700", "1700")});
  const auto all = evaluate_portfolio(p, position("b", "QQQ", AC::EquityOptions, "1000", "1000"),
                                      shipped_policy(), 2);
  std::vector<std::string> names;
  for (const auto& c : all) {
    EXPECT_TRUE(c.passed) << c.gate << ": " << c.sentence;
    names.push_back(c.gate);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"bot_positions", "heat", "underlying", "asset_class",
                                             "cluster", "net_delta", "net_vega", "buying_power",
                                             "min_cash"}));
}

TEST(PortfolioChecks, HeatLimit) {
  // 3,000 x 3 open + 1,450 = 10,450 > 10 % of 100,000.
  const auto p = book({position("a", "SPY", AC::EquityOptions, "3000"),
                       position("b", "QQQ", AC::EquityOptions, "3000"),
                       position("c", "EUR_USD", AC::Fx, "3000")});
  const auto f = only_failure(p, position("d", "GLD", AC::EquityOptions, "1450"));
  EXPECT_EQ(f.gate, "heat");
  EXPECT_EQ(f.reason, ReasonCode::PortfolioHeatExceeded);
  EXPECT_DOUBLE_EQ(f.measured.at("amount"), 10450);
  EXPECT_DOUBLE_EQ(f.measured.at("amount_pct"), 10.45);
  EXPECT_DOUBLE_EQ(f.measured.at("limit"), 10000);
  EXPECT_EQ(f.sentence, "portfolio heat 10,450 USD (10.45 %) > 10,000 USD (10 % of 100,000)");
  // Exactly at the limit fits.
  EXPECT_TRUE(check(p, position("d", "GLD", AC::EquityOptions, "1000"), shipped_policy()).empty());
}

TEST(PortfolioChecks, SingleUnderlyingConcentration) {
  const auto p = book({position("a", "SPY", AC::EquityOptions, "3000")});
  const auto f = only_failure(p, position("b", "SPY", AC::EquityOptions, "1200"));
  EXPECT_EQ(f.gate, "underlying");
  EXPECT_EQ(f.reason, ReasonCode::ConcentrationExceeded);
  EXPECT_DOUBLE_EQ(f.measured.at("amount"), 4200);
  EXPECT_EQ(f.sentence, "SPY max loss 4,200 USD (4.2 %) > 4,000 USD (4 % of 100,000)");
}

TEST(PortfolioChecks, AssetClassConcentration) {
  const auto p = book({position("a", "EUR_USD", AC::Fx, "2500")});
  const auto f = only_failure(p, position("b", "GBP_USD", AC::Fx, "2000"));
  EXPECT_EQ(f.gate, "asset_class");
  EXPECT_EQ(f.reason, ReasonCode::ConcentrationExceeded);
  EXPECT_DOUBLE_EQ(f.measured.at("limit_pct"), 4);
  EXPECT_EQ(f.sentence, "fx max loss 4,500 USD (4.5 %) > 4,000 USD (4 % of 100,000)");
}

TEST(PortfolioChecks, AssetClassWithoutALimitPasses) {
  auto policy = shipped_policy();
  policy.portfolio.max_asset_class_pct.erase(AC::Fx);
  const auto all = evaluate_portfolio(book({}), position("b", "GBP_USD", AC::Fx, "2000"), policy);
  EXPECT_EQ(all[2].gate, "asset_class");
  EXPECT_TRUE(all[2].passed);
  EXPECT_EQ(all[2].sentence, "fx: no limit configured");
}

TEST(PortfolioChecks, CorrelatedClusterThroughAChainOfLinks) {
  // SPY-QQQ 0.92, QQQ-IWM 0.85 link IWM to SPY through QQQ although SPY-IWM is 0.65:
  // cluster {IWM, QQQ, SPY} = 3,500 + 2,000 + 1,000 = 6,500 > 6 %.
  auto p = book({position("a", "SPY", AC::EquityOptions, "3500"),
                 position("b", "QQQ", AC::EquityOptions, "2000")});
  p.correlations.set("SPY", "QQQ", 0.92);
  p.correlations.set("QQQ", "IWM", 0.85);
  p.correlations.set("SPY", "IWM", 0.65);
  const auto f = only_failure(p, position("c", "IWM", AC::EquityOptions, "1000"));
  EXPECT_EQ(f.gate, "cluster");
  EXPECT_EQ(f.reason, ReasonCode::CorrelatedClusterExceeded);
  EXPECT_DOUBLE_EQ(f.measured.at("amount"), 6500);
  EXPECT_EQ(f.sentence,
            "cluster {IWM, QQQ, SPY} max loss 6,500 USD (6.5 %) > 6,000 USD (6 % of 100,000)");
}

TEST(PortfolioChecks, NegativeCorrelationClustersAndWeakOnesDoNot) {
  auto p = book({position("a", "SPY", AC::EquityOptions, "2000"),
                 position("b", "UVXY", AC::EquityOptions, "3500")});
  p.correlations.set("SPY", "UVXY", -0.85);
  p.correlations.set("SPY", "IWM", 0.69);
  // IWM is not linked (0.69 < 0.7): its cluster is itself.
  EXPECT_TRUE(check(p, position("c", "IWM", AC::EquityOptions, "1000"), shipped_policy()).empty());
  // Another SPY trade joins the SPY/UVXY cluster: 2,000 + 500 + 3,500 = 6,000 fits, 6,001 does not.
  EXPECT_TRUE(check(p, position("d", "SPY", AC::EquityOptions, "500"), shipped_policy()).empty());
  const auto f = only_failure(p, position("d", "SPY", AC::EquityOptions, "501"));
  EXPECT_EQ(f.sentence,
            "cluster {SPY, UVXY} max loss 6,001 USD (6 %) > 6,000 USD (6 % of 100,000)");
}

TEST(PortfolioChecks, NetDeltaRange) {
  const auto p =
      book({position("a", "SPY", AC::EquityOptions, "100", "0", {.delta_dollars = 25000})});
  const auto f =
      only_failure(p, position("b", "QQQ", AC::EquityOptions, "100", "0", {.delta_dollars = 6000}));
  EXPECT_EQ(f.gate, "net_delta");
  EXPECT_EQ(f.reason, ReasonCode::ConcentrationExceeded);
  EXPECT_DOUBLE_EQ(f.measured.at("before"), 25000);
  EXPECT_DOUBLE_EQ(f.measured.at("after"), 31000);
  EXPECT_DOUBLE_EQ(f.measured.at("after_pct"), 31);
  EXPECT_EQ(f.sentence, "net delta 31,000 USD (31 % of equity) outside [-30 %, 30 %]");
}

TEST(PortfolioChecks, AHedgeThatReducesABreachPasses) {
  const auto p =
      book({position("a", "SPY", AC::EquityOptions, "100", "0", {.delta_dollars = 35000})});
  const auto hedge = position("b", "QQQ", AC::EquityOptions, "100", "0", {.delta_dollars = -3000});
  const auto all = evaluate_portfolio(p, hedge, shipped_policy());
  EXPECT_TRUE(all_passed(all));
  EXPECT_EQ(all[4].gate, "net_delta");
  EXPECT_EQ(all[4].sentence,
            "net delta 32,000 USD (32 % of equity) outside [-30 %, 30 %] but closer than before");
  // Overshooting to the other side by as much is no improvement.
  const auto flip = position("c", "QQQ", AC::EquityOptions, "100", "0", {.delta_dollars = -70000});
  EXPECT_EQ(only_failure(p, flip).gate, "net_delta");
}

TEST(PortfolioChecks, NetVegaRange) {
  // [-1 %, 0.5 %] of 100,000 = [-1,000, 500] per vol point.
  const auto p = book({position("a", "SPY", AC::EquityOptions, "100", "0", {.vega = -900})});
  const auto f =
      only_failure(p, position("b", "QQQ", AC::EquityOptions, "100", "0", {.vega = -150}));
  EXPECT_EQ(f.gate, "net_vega");
  EXPECT_DOUBLE_EQ(f.measured.at("after"), -1050);
  EXPECT_EQ(f.sentence, "net vega -1,050 USD (-1.05 % of equity) outside [-1 %, 0.5 %]");
  const auto g =
      only_failure(book({}), position("c", "VIX", AC::EquityOptions, "100", "0", {.vega = 501}));
  EXPECT_EQ(g.sentence, "net vega 501 USD (0.5 % of equity) outside [-1 %, 0.5 %]");
}

TEST(PortfolioChecks, BuyingPowerAndMinimumCash) {
  // Cash 40,000; a 45,000 cash-secured put: more than the cash, and leaves -5,000.
  auto p = book({});
  p.cash = usd("40000");
  const auto failed =
      check(p, position("a", "SPY", AC::EquityOptions, "1000", "45000"), shipped_policy());
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0].gate, "buying_power");
  EXPECT_EQ(failed[0].reason, ReasonCode::InsufficientBuyingPower);
  EXPECT_EQ(failed[0].sentence, "buying power 45,000 USD > cash 40,000 USD");
  EXPECT_EQ(failed[1].gate, "min_cash");
  EXPECT_EQ(failed[1].reason, ReasonCode::InsufficientBuyingPower);
}

TEST(PortfolioChecks, MinimumCashAlone) {
  // 100,000 cash - 72,000 = 28,000 (28 %) < 30 %.
  const auto f = only_failure(book({}), position("a", "SPY", AC::EquityOptions, "1000", "72000"));
  EXPECT_EQ(f.gate, "min_cash");
  EXPECT_DOUBLE_EQ(f.measured.at("cash_after"), 28000);
  EXPECT_DOUBLE_EQ(f.measured.at("min"), 30000);
  EXPECT_EQ(f.sentence, "cash after 28,000 USD (28 %) < 30,000 USD (30 % of 100,000) minimum");
  EXPECT_TRUE(
      check(book({}), position("a", "SPY", AC::EquityOptions, "1000", "70000"), shipped_policy())
          .empty());
}

TEST(PortfolioChecks, CoveredCallsNeedFreeShares) {
  auto call = position("cc1", "SPY", AC::EquityOptions, "100");
  call.shares_pledged = Quantity::units(100);
  auto p = book({call});
  p.shares_held["SPY"] = Quantity::units(100);
  EXPECT_EQ(p.shares_free("SPY"), Quantity{});
  auto second = call;
  second.id = "cc2";
  const auto f = only_failure(p, second);
  EXPECT_EQ(f.gate, "covered");
  EXPECT_EQ(f.reason, ReasonCode::InsufficientBuyingPower);
  EXPECT_EQ(f.sentence, "needs 100 SPY shares as cover, 0 free");
  p.shares_held["SPY"] = Quantity::units(200);
  EXPECT_TRUE(check(p, second, shipped_policy()).empty());
}

TEST(PortfolioChecks, PositionsPerBot) {
  const auto p = book({position("a", "SPY", AC::EquityOptions, "500", "0", {}, "spy-ic-01"),
                       position("b", "SPY", AC::EquityOptions, "500", "0", {}, "spy-ic-01")});
  const auto f =
      only_failure(p, position("c", "SPY", AC::EquityOptions, "500", "0", {}, "spy-ic-01"), 2);
  EXPECT_EQ(f.gate, "bot_positions");
  EXPECT_EQ(f.reason, ReasonCode::MaxOpenPositionsReached);
  EXPECT_DOUBLE_EQ(f.measured.at("open"), 2);
  EXPECT_EQ(f.sentence, "bot spy-ic-01 holds 2 of 2 positions");
  EXPECT_TRUE(check(p, position("c", "SPY", AC::EquityOptions, "500", "0", {}, "spy-ic-01"),
                    shipped_policy(), 3)
                  .empty());
}

TEST(PortfolioChecks, NoEquityNoNewRisk) {
  auto p = book({});
  p.equity = usd("0");
  const auto failed = check(p, position("a", "SPY", AC::EquityOptions, "1"), shipped_policy());
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].gate, "equity");
  EXPECT_EQ(failed[0].sentence, "equity 0 USD is not positive: no new risk");
}

TEST(PortfolioState, AggregatesTheBook) {
  auto p = book(
      {position(
           "a", "SPY", AC::EquityOptions, "1700", "1700",
           {.delta_dollars = -100, .gamma_dollars = -15, .vega = -75, .theta = 20, .carry = 0}),
       position("b", "EUR_USD", AC::Fx, "1000", "30000",
                {.delta_dollars = 2000, .gamma_dollars = 0, .vega = 0, .theta = 0, .carry = 3.5})});
  p.equity = usd("95000");
  p.peak_equity = usd("100000");
  EXPECT_EQ(p.heat(), usd("2700"));
  EXPECT_EQ(p.max_loss_in_class(AC::Fx), usd("1000"));
  EXPECT_EQ(p.max_loss_in({"SPY", "EUR_USD"}), usd("2700"));
  const auto e = p.exposure();
  EXPECT_DOUBLE_EQ(e.delta_dollars, 1900);
  EXPECT_DOUBLE_EQ(e.vega, -75);
  EXPECT_DOUBLE_EQ(e.theta, 20);
  EXPECT_DOUBLE_EQ(e.carry, 3.5);
  EXPECT_DOUBLE_EQ(p.drawdown_pct(), 5.0);
  EXPECT_EQ(p.underlyings(), (std::vector<std::string>{"EUR_USD", "SPY"}));
  const auto next = p.with(position("c", "QQQ", AC::EquityOptions, "500", "500"));
  EXPECT_EQ(next.cash, usd("99500"));
  EXPECT_EQ(next.positions.size(), 3u);
}

TEST(CorrelationClusters, SingleLinkageComponents) {
  CorrelationMatrix m;
  m.set("SPY", "QQQ", 0.9);
  m.set("QQQ", "IWM", 0.75);
  m.set("GLD", "SLV", -0.8);
  m.set("SPY", "TLT", -0.3);
  const auto clusters =
      correlated_clusters({"TLT", "SPY", "IWM", "QQQ", "GLD", "SLV", "SPY"}, m, 0.7);
  EXPECT_EQ(clusters, (std::vector<std::vector<std::string>>{
                          {"GLD", "SLV"}, {"IWM", "QQQ", "SPY"}, {"TLT"}}));
  EXPECT_EQ(cluster_of("TLT", {"SPY", "QQQ"}, m, 0.7), (std::vector<std::string>{"TLT"}));
  // At exactly the threshold the pair is linked.
  EXPECT_EQ(cluster_of("IWM", {"QQQ"}, m, 0.75), (std::vector<std::string>{"IWM", "QQQ"}));
}

TEST(CorrelationClusters, MatrixRejectsNonsense) {
  CorrelationMatrix m;
  EXPECT_THROW(m.set("SPY", "QQQ", 1.5), std::invalid_argument);
  EXPECT_THROW(m.set("SPY", "SPY", 1.0), std::invalid_argument);
  EXPECT_THROW(m.set("SPY", "QQQ", std::nan("")), std::invalid_argument);
  m.set("SPY", "QQQ", 0.5);
  EXPECT_EQ(m.get("QQQ", "SPY"), 0.5);
  EXPECT_EQ(m.get("SPY", "SPY"), 1.0);
  EXPECT_FALSE(m.get("SPY", "IWM").has_value());
}

}  // namespace
}  // namespace dorado::risk
