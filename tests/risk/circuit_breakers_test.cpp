// Circuit breakers: each trips with its numbers and sentence, and each lifts by its rule
// and by the human.
#include "dorado/risk/circuit_breakers.hpp"

#include <gtest/gtest.h>

#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;

// 2024-03-11 is a Monday.
Date day(int d) {
  return year{2024} / March / d;
}

AccountSnapshot snap(int d, int hour, std::string_view equity) {
  return {sys_days{day(d)} + hours{hour}, day(d), usd(equity)};
}

// Runs the snapshots in order and returns the last update.
struct BreakerRun {
  config::RiskPolicy policy = shipped_policy();
  CircuitBreakerState state;
  std::vector<RiskEvent> all_events;

  std::vector<RiskEvent> at(int d, int hour, std::string_view equity, MarketConditions m = {}) {
    auto update = evaluate(state, snap(d, hour, equity), m, policy);
    state = update.state;
    all_events.insert(all_events.end(), update.events.begin(), update.events.end());
    return update.events;
  }
};

TEST(CircuitBreakers, QuietDayNoEvents) {
  BreakerRun r;
  EXPECT_TRUE(r.at(11, 14, "100000").empty());
  EXPECT_TRUE(r.at(11, 20, "98000").empty());
  EXPECT_FALSE(r.state.halts_new_trades());
  EXPECT_DOUBLE_EQ(r.state.sizing_multiplier(), 1.0);
  EXPECT_EQ(r.state.day_open_equity, usd("100000"));
  EXPECT_EQ(r.state.week_start, day(11));
}

TEST(CircuitBreakers, DailyLossHaltsNewTrades) {
  BreakerRun r;
  r.at(11, 14, "100000");
  const auto events = r.at(11, 18, "96800");  // 3,200 lost = 3.2 % >= 3 %
  ASSERT_EQ(events.size(), 1u);
  const auto& e = events[0];
  EXPECT_EQ(e.kind, "breaker_tripped");
  EXPECT_EQ(e.breaker, "daily_loss");
  EXPECT_EQ(e.action, "halt_new_trades");
  EXPECT_NEAR(e.measured, 3.2, 1e-9);
  EXPECT_DOUBLE_EQ(e.threshold, 3);
  EXPECT_EQ(e.reason, "daily loss 3.2 % (3,200 USD) >= 3 % threshold: halt_new_trades");
  EXPECT_EQ(e.at, sys_days{day(11)} + hours{18});
  EXPECT_FALSE(e.lifted_by.has_value());
  EXPECT_TRUE(r.state.halts_new_trades());
  EXPECT_FALSE(r.state.halts_all_bots());
  EXPECT_EQ(r.state.halt_reason(), "daily_loss: " + e.reason);
  EXPECT_EQ(r.state.find(Breaker::DailyLoss)->since, e.at);
  // Still down the same day: tripped once, no repeat event.
  EXPECT_TRUE(r.at(11, 19, "96500").empty());
}

TEST(CircuitBreakers, DailyLossLiftsOnTheNextTradingDay) {
  BreakerRun r;
  r.at(11, 14, "100000");
  r.at(11, 18, "96800");
  const auto events = r.at(12, 14, "96900");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, "breaker_lifted");
  EXPECT_EQ(events[0].breaker, "daily_loss");
  EXPECT_EQ(events[0].action, "halt_new_trades");
  EXPECT_EQ(events[0].reason, "new trading day 2024-03-12");
  EXPECT_EQ(events[0].lifted_by, "rule");
  EXPECT_FALSE(r.state.halts_new_trades());
  EXPECT_EQ(r.state.day_open_equity, usd("96800"));  // the last equity seen before the day changed
}

TEST(CircuitBreakers, AnOvernightGapCountsAgainstTheNewDay) {
  BreakerRun r;
  r.at(11, 20, "100000");
  const auto events = r.at(12, 9, "96900");  // 3.1 % below Monday's last equity
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].breaker, "daily_loss");
  EXPECT_EQ(events[0].reason, "daily loss 3.1 % (3,100 USD) >= 3 % threshold: halt_new_trades");
}

TEST(CircuitBreakers, WeeklyLossReducesSizingUntilTheNextWeek) {
  BreakerRun r;
  r.at(11, 14, "100000");
  r.at(11, 20, "98000");                      // Mon -2 %
  r.at(12, 20, "96500");                      // Tue -1.53 %, week -3.5 %
  const auto events = r.at(13, 20, "94900");  // Wed -1.66 %, week -5.1 %
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].breaker, "weekly_loss");
  EXPECT_EQ(events[0].action, "reduce_sizing_50");
  EXPECT_EQ(events[0].reason, "weekly loss 5.1 % (5,100 USD) >= 5 % threshold: reduce_sizing_50");
  EXPECT_DOUBLE_EQ(r.state.sizing_multiplier(), 0.5);
  EXPECT_FALSE(r.state.halts_new_trades());    // sizing is reduced, trading goes on
  EXPECT_TRUE(r.at(14, 20, "95000").empty());  // a new day is not a new week
  EXPECT_TRUE(r.state.is_tripped(Breaker::WeeklyLoss));
  const auto monday = r.at(18, 14, "95100");
  ASSERT_EQ(monday.size(), 1u);
  EXPECT_EQ(monday[0].kind, "breaker_lifted");
  EXPECT_EQ(monday[0].breaker, "weekly_loss");
  EXPECT_EQ(monday[0].reason, "new week from 2024-03-18");
  EXPECT_DOUBLE_EQ(r.state.sizing_multiplier(), 1.0);
  EXPECT_EQ(r.state.week_open_equity, usd("95000"));
}

TEST(CircuitBreakers, DrawdownFromPeakHaltsAllBotsAndLiftsAtHalfTheThreshold) {
  BreakerRun r;
  r.policy.circuit_breakers.daily_loss.threshold_pct = 0;  // disabled: isolate the drawdown
  r.policy.circuit_breakers.weekly_loss.threshold_pct = 0;
  r.at(11, 14, "100000");
  r.at(12, 14, "110000");
  EXPECT_EQ(r.state.peak_equity, usd("110000"));
  const auto tripped = r.at(13, 14, "96000");  // 14,000 / 110,000 = 12.73 %
  ASSERT_EQ(tripped.size(), 1u);
  EXPECT_EQ(tripped[0].breaker, "drawdown_from_peak");
  EXPECT_EQ(tripped[0].action, "halt_all_bots");
  EXPECT_NEAR(tripped[0].measured, 14000.0 / 110000.0 * 100.0, 1e-12);
  EXPECT_EQ(tripped[0].reason,
            "drawdown 12.73 % from peak 110,000 USD >= 12 % threshold: halt_all_bots");
  EXPECT_TRUE(r.state.halts_all_bots());
  EXPECT_TRUE(r.state.halts_new_trades());
  EXPECT_TRUE(r.at(14, 14, "102000").empty());  // 7.27 %: recovering, not recovered
  const auto lifted = r.at(15, 14, "103500");   // 6,500 / 110,000 = 5.91 % <= 6 %
  ASSERT_EQ(lifted.size(), 1u);
  EXPECT_EQ(lifted[0].kind, "breaker_lifted");
  EXPECT_EQ(lifted[0].reason, "equity recovered: drawdown 5.91 % <= 6 % (half the 12 % threshold)");
  EXPECT_DOUBLE_EQ(lifted[0].threshold, 6);
  EXPECT_FALSE(r.state.halts_all_bots());
}

TEST(CircuitBreakers, HighVolMultiplierFollowsVix) {
  BreakerRun r;
  const auto tripped = r.at(11, 14, "100000", {std::nullopt, 32.5});
  ASSERT_EQ(tripped.size(), 1u);
  EXPECT_EQ(tripped[0].breaker, "high_vol");
  EXPECT_EQ(tripped[0].action, "sizing_multiplier_0.5");
  EXPECT_DOUBLE_EQ(tripped[0].measured, 32.5);
  EXPECT_DOUBLE_EQ(tripped[0].threshold, 30);
  EXPECT_EQ(tripped[0].reason, "VIX 32.5 > 30: new positions sized x0.5");
  EXPECT_DOUBLE_EQ(r.state.sizing_multiplier(), 0.5);
  EXPECT_FALSE(r.state.halts_new_trades());
  EXPECT_TRUE(r.at(11, 15, "100000", {std::nullopt, std::nullopt}).empty());  // unknown: keep
  EXPECT_TRUE(r.state.is_tripped(Breaker::HighVol));
  const auto lifted = r.at(11, 16, "100000", {std::nullopt, 30.0});
  ASSERT_EQ(lifted.size(), 1u);
  EXPECT_EQ(lifted[0].reason, "VIX 30 <= 30");
  EXPECT_DOUBLE_EQ(r.state.sizing_multiplier(), 1.0);
}

TEST(CircuitBreakers, CrisisRegimeHaltsAllBotsUntilItLeaves) {
  BreakerRun r;
  const auto tripped = r.at(11, 14, "100000", {MacroRegime::Crisis, std::nullopt});
  ASSERT_EQ(tripped.size(), 1u);
  EXPECT_EQ(tripped[0].breaker, "crisis_halt");
  EXPECT_EQ(tripped[0].action, "halt_all_bots");
  EXPECT_EQ(tripped[0].reason, "macro regime crisis: halt_all_bots");
  EXPECT_TRUE(r.state.halts_all_bots());
  EXPECT_TRUE(r.at(12, 14, "100000", {}).empty());  // regime unknown: stays halted
  EXPECT_TRUE(r.state.halts_all_bots());
  const auto lifted = r.at(13, 14, "100000", {MacroRegime::RiskOff, std::nullopt});
  ASSERT_EQ(lifted.size(), 1u);
  EXPECT_EQ(lifted[0].reason, "macro regime risk_off is not a crisis regime");
  EXPECT_FALSE(r.state.halts_all_bots());
}

TEST(CircuitBreakers, BreakersCompoundTheirSizingMultipliers) {
  // Weekly loss (x0.5) and high vol (x0.5): new positions at a quarter.
  BreakerRun r;
  r.policy.circuit_breakers.daily_loss.threshold_pct = 0;
  r.at(11, 14, "100000");
  r.at(11, 20, "94000", {std::nullopt, 35.0});
  EXPECT_TRUE(r.state.is_tripped(Breaker::WeeklyLoss));
  EXPECT_TRUE(r.state.is_tripped(Breaker::HighVol));
  EXPECT_DOUBLE_EQ(r.state.sizing_multiplier(), 0.25);
}

TEST(CircuitBreakers, LiftsComeBeforeTripsInOneEvaluation) {
  BreakerRun r;
  r.at(11, 14, "100000");
  r.at(11, 18, "96800");  // daily trips
  const auto events = r.at(12, 14, "96800", {MacroRegime::Crisis, std::nullopt});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "breaker_lifted");
  EXPECT_EQ(events[0].breaker, "daily_loss");
  EXPECT_EQ(events[1].kind, "breaker_tripped");
  EXPECT_EQ(events[1].breaker, "crisis_halt");
}

TEST(CircuitBreakers, HumanLiftHoldsUntilTheConditionClears) {
  BreakerRun r;
  r.at(11, 14, "100000");
  r.at(11, 18, "96800");
  const Timestamp t = sys_days{day(11)} + hours{18} + minutes{5};
  const auto lifted = lift(r.state, Breaker::DailyLoss, "alice", t);
  ASSERT_EQ(lifted.events.size(), 1u);
  const auto& e = lifted.events[0];
  EXPECT_EQ(e.kind, "breaker_lifted");
  EXPECT_EQ(e.breaker, "daily_loss");
  EXPECT_EQ(e.lifted_by, "alice");
  EXPECT_EQ(e.reason, "lifted by alice");
  EXPECT_NEAR(e.measured, 3.2, 1e-9);
  EXPECT_EQ(e.at, t);
  r.state = lifted.state;
  EXPECT_FALSE(r.state.halts_new_trades());
  EXPECT_TRUE(r.state.is_overridden(Breaker::DailyLoss));
  // Same day, still (even further) down: the human's decision stands.
  EXPECT_TRUE(r.at(11, 19, "96500").empty());
  // Next day the breaker is armed again, and a new 3 % loss trips it.
  EXPECT_TRUE(r.at(12, 14, "96500").empty());
  EXPECT_FALSE(r.state.is_overridden(Breaker::DailyLoss));
  // 3,000 / 96,500 = 3.11 % today; and 6.5 % since Monday's open, so weekly trips too.
  const auto again = r.at(12, 18, "93500");
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[0].breaker, "daily_loss");
  EXPECT_EQ(again[1].breaker, "weekly_loss");
}

TEST(CircuitBreakers, HumanLiftOfDrawdownRearmsWhenEquityRecovers) {
  BreakerRun r;
  r.policy.circuit_breakers.daily_loss.threshold_pct = 0;
  r.policy.circuit_breakers.weekly_loss.threshold_pct = 0;
  r.at(11, 14, "100000");
  r.at(12, 14, "87000");  // 13 %
  r.state = lift(r.state, Breaker::DrawdownFromPeak, "bob", sys_days{day(12)} + hours{15}).state;
  EXPECT_TRUE(r.at(13, 14, "86000").empty());  // deeper, but lifted by bob
  EXPECT_TRUE(r.at(14, 14, "95000").empty());  // 5 %: recovered, re-armed silently
  EXPECT_FALSE(r.state.is_overridden(Breaker::DrawdownFromPeak));
  EXPECT_EQ(r.at(15, 14, "87500").size(), 1u);  // 12.5 % trips again
}

TEST(CircuitBreakers, LiftingABreakerThatIsNotTrippedChangesNothing) {
  BreakerRun r;
  r.at(11, 14, "100000");
  const auto same = lift(r.state, Breaker::CrisisHalt, "alice", sys_days{day(11)} + hours{15});
  EXPECT_TRUE(same.events.empty());
  EXPECT_EQ(same.state, r.state);
}

TEST(CircuitBreakers, DisabledBreakersNeverTrip) {
  BreakerRun r;
  r.policy.circuit_breakers = {};
  r.at(11, 14, "100000");
  EXPECT_TRUE(r.at(11, 18, "50000", {MacroRegime::Crisis, 80.0}).empty());
}

TEST(CircuitBreakers, TimeNeverRunsBackwards) {
  BreakerRun r;
  r.at(12, 14, "100000");
  EXPECT_THROW(r.at(12, 13, "100000"), std::invalid_argument);
  auto odd = snap(12, 15, "100000");
  odd.trading_day = day(11);
  EXPECT_THROW(evaluate(r.state, odd, {}, r.policy), std::invalid_argument);
}

TEST(CircuitBreakers, BreakerNamesAreStable) {
  EXPECT_EQ(all_names<Breaker>(),
            (std::vector<std::string_view>{"daily_loss", "weekly_loss", "drawdown_from_peak",
                                           "high_vol", "crisis_halt"}));
}

}  // namespace
}  // namespace dorado::risk
