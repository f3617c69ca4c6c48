#pragma once
// Circuit breakers as a persistent state value. Evaluation is a pure function
// of (state, account snapshot, market conditions, policy) -> (new state,
// risk events); the engine persists the state (cache key circuit_breaker:*,
// store risk_events) and feeds it back next time.
//
// Breakers and their default actions (risk_policy.yaml):
//   daily_loss          loss since the day's opening equity >= threshold % -> halt_new_trades
//   weekly_loss         loss since the week's opening equity >= threshold % -> reduce_sizing_50
//   drawdown_from_peak  equity below the peak by >= threshold %            -> halt_all_bots
//   high_vol            VIX > vix_above                 -> new sizes x sizing_multiplier
//   crisis_halt         macro regime in crisis_halt.macro_regimes          -> halt_all_bots
// A threshold <= 0 (or an empty regime list) disables the breaker.
//
// Actions pause rather than kill: halt_new_trades stops new entries (open
// positions are still managed), halt_all_bots pauses every bot's entries and
// its automatic actions until lifted (exits still run: closing risk is never
// blocked), reduce_sizing_50 halves every new size. Nothing is closed or
// deleted by a breaker.
//
// Periods: the engine gives each snapshot its trading day (from the venue's
// calendar; the risk layer reads no clock). The day's opening equity is the
// last equity seen before the day changed (the first snapshot's own equity at
// the start), so an overnight gap counts against the new day; the week is the
// ISO week (Monday to Sunday) of the trading day, anchored the same way.
//
// Lift by rule (Dorado's rules):
//   daily_loss          at the first snapshot of a new trading day
//   weekly_loss         at the first snapshot of a new ISO week
//   drawdown_from_peak  when the drawdown is back to half the threshold or less
//                       (12 % trips, 6 % lifts: hysteresis, so it does not flap)
//   high_vol            when VIX is back at or below vix_above
//   crisis_halt         when the macro regime is known and not a crisis regime
// An unknown VIX or regime (nullopt) neither trips nor lifts.
//
// Lift by the human: lift(state, breaker, who, at). The breaker then stays
// disarmed until the condition that would have lifted it by rule occurs (new
// day, new week, drawdown back under half the threshold, VIX back down, the
// regime out of crisis); then it is armed again. So a trader who accepts a
// 3.5 % daily loss and resumes trading is not halted again the same day by
// that same loss, but is protected again tomorrow.
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/risk_policy.hpp"
#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/regime.hpp"
#include "dorado/domain/time.hpp"
#include "dorado/risk/risk_event.hpp"

namespace dorado::risk {

enum class Breaker { DailyLoss, WeeklyLoss, DrawdownFromPeak, HighVol, CrisisHalt };

}  // namespace dorado::risk

namespace dorado {

template <>
struct EnumNames<risk::Breaker> {
  static constexpr std::array<std::pair<risk::Breaker, std::string_view>, 5> table{{
      {risk::Breaker::DailyLoss, "daily_loss"},
      {risk::Breaker::WeeklyLoss, "weekly_loss"},
      {risk::Breaker::DrawdownFromPeak, "drawdown_from_peak"},
      {risk::Breaker::HighVol, "high_vol"},
      {risk::Breaker::CrisisHalt, "crisis_halt"},
  }};
};

}  // namespace dorado

namespace dorado::risk {

struct TrippedBreaker {
  Breaker breaker = Breaker::DailyLoss;
  std::optional<config::BreakerAction> action;  // nullopt for high_vol
  double sizing_multiplier = 1;                 // high_vol's multiplier; 0.5 for reduce_sizing_50
  Timestamp since{};
  double measured = 0;
  double threshold = 0;
  std::string reason;

  std::string action_name() const;
  bool halts_new_trades() const;
  bool halts_all_bots() const { return action == config::BreakerAction::HaltAllBots; }

  friend bool operator==(const TrippedBreaker&, const TrippedBreaker&) = default;
};

// A breaker the human lifted while its condition still held.
struct HumanOverride {
  Breaker breaker = Breaker::DailyLoss;
  std::string who;
  Timestamp at{};
  friend bool operator==(const HumanOverride&, const HumanOverride&) = default;
};

struct CircuitBreakerState {
  std::optional<Timestamp> last_evaluated;
  std::optional<Date> trading_day;
  std::optional<Date> week_start;  // Monday of the trading day's ISO week
  std::optional<Money> day_open_equity;
  std::optional<Money> week_open_equity;
  std::optional<Money> peak_equity;
  std::optional<Money> last_equity;
  std::vector<TrippedBreaker> tripped;   // in Breaker order
  std::vector<HumanOverride> overrides;  // in Breaker order

  const TrippedBreaker* find(Breaker b) const;
  bool is_tripped(Breaker b) const { return find(b) != nullptr; }
  bool is_overridden(Breaker b) const;
  bool halts_new_trades() const;
  bool halts_all_bots() const;
  // Product of the tripped breakers' multipliers (high_vol x 0.5 per
  // reduce_sizing_50): two independent alarms compound. 1 when none.
  double sizing_multiplier() const;
  // The first halting breaker's reason, for the selection screen.
  std::optional<std::string> halt_reason() const;

  friend bool operator==(const CircuitBreakerState&, const CircuitBreakerState&) = default;
};

struct AccountSnapshot {
  Timestamp at{};
  Date trading_day{};
  Money equity;
};

// Unknown (nullopt) means "no fresh reading": the breaker neither trips nor lifts.
struct MarketConditions {
  std::optional<MacroRegime> macro_regime;
  std::optional<double> vix;
};

struct BreakerUpdate {
  CircuitBreakerState state;
  std::vector<RiskEvent> events;  // in Breaker order, lifts before trips
};

// Throws std::invalid_argument if the snapshot is older than the last one
// evaluated (time never runs backwards in the engine) or the equity's
// currency differs from the state's.
BreakerUpdate evaluate(const CircuitBreakerState& state, const AccountSnapshot& account,
                       const MarketConditions& market, const config::RiskPolicy& policy);

// The human lifts a tripped breaker. A breaker that is not tripped gives the
// state back unchanged and no event.
BreakerUpdate lift(const CircuitBreakerState& state, Breaker breaker, const std::string& who,
                   Timestamp at);

}  // namespace dorado::risk
