#include "dorado/risk/circuit_breakers.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "dorado/risk/amount_text.hpp"

namespace dorado::risk {
namespace {

using std::chrono::sys_days;

Date monday_of(Date day) {
  const std::chrono::weekday wd{sys_days{day}};
  return Date{sys_days{day} - std::chrono::days{wd.iso_encoding() - 1}};
}

// Percent lost since `open`; 0 when `open` is not positive.
double loss_pct(const Money& open, const Money& now) {
  if (!open.is_positive()) return 0.0;
  return (open - now).to_double() / open.to_double() * 100.0;
}

template <typename T>
void sort_by_breaker(std::vector<T>& v) {
  std::sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.breaker < b.breaker; });
}

struct Evaluation {
  CircuitBreakerState state;
  std::vector<RiskEvent> lifts;
  std::vector<RiskEvent> trips;
  Timestamp at;

  // Removes a trip (event) and an override (silently): the condition cleared.
  void clear(Breaker b, double measured, double threshold, const std::string& why) {
    auto& t = state.tripped;
    const auto it = std::find_if(t.begin(), t.end(), [&](const auto& x) { return x.breaker == b; });
    if (it != t.end()) {
      lifts.push_back({at, "breaker_lifted", std::string(name_of(b)), it->action_name(), measured,
                       threshold, why, "rule"});
      t.erase(it);
    }
    std::erase_if(state.overrides, [&](const HumanOverride& o) { return o.breaker == b; });
  }

  void trip(Breaker b, std::optional<config::BreakerAction> action, double multiplier,
            double measured, double threshold, const std::string& why) {
    if (state.is_tripped(b) || state.is_overridden(b)) return;
    TrippedBreaker tb{b, action, multiplier, at, measured, threshold, why};
    trips.push_back({at, "breaker_tripped", std::string(name_of(b)), tb.action_name(), measured,
                     threshold, why, std::nullopt});
    state.tripped.push_back(std::move(tb));
    sort_by_breaker(state.tripped);
  }

  void trip_action(Breaker b, const config::LossBreaker& lb, double measured,
                   const std::string& why) {
    const double multiplier = lb.action == config::BreakerAction::ReduceSizing50 ? 0.5 : 1.0;
    trip(b, lb.action, multiplier, measured, lb.threshold_pct,
         why + ": " + std::string(name_of(lb.action)));
  }
};

void roll_periods(Evaluation& ev, const AccountSnapshot& acct) {
  auto& s = ev.state;
  if (s.trading_day && acct.trading_day < *s.trading_day)
    throw std::invalid_argument("trading day " + to_iso_date(acct.trading_day) +
                                " is before the last one evaluated, " +
                                to_iso_date(*s.trading_day));
  if (s.trading_day == acct.trading_day) return;
  const Money anchor = s.last_equity.value_or(acct.equity);
  if (s.trading_day)
    ev.clear(Breaker::DailyLoss, 0, 0, "new trading day " + to_iso_date(acct.trading_day));
  s.trading_day = acct.trading_day;
  s.day_open_equity = anchor;
  const Date week = monday_of(acct.trading_day);
  if (s.week_start == week) return;
  if (s.week_start) ev.clear(Breaker::WeeklyLoss, 0, 0, "new week from " + to_iso_date(week));
  s.week_start = week;
  s.week_open_equity = anchor;
}

void loss_breakers(Evaluation& ev, const AccountSnapshot& acct, const config::RiskPolicy& p) {
  const auto& cb = p.circuit_breakers;
  const auto& s = ev.state;
  const auto check = [&](Breaker b, const config::LossBreaker& lb, const Money& open,
                         const char* what) {
    const double loss = loss_pct(open, acct.equity);
    if (lb.threshold_pct > 0 && loss >= lb.threshold_pct)
      ev.trip_action(b, lb, loss,
                     std::string(what) + " " + format_pct(loss) + " % (" +
                         format_money(open - acct.equity) + ") >= " + format_pct(lb.threshold_pct) +
                         " % threshold");
  };
  check(Breaker::DailyLoss, cb.daily_loss, *s.day_open_equity, "daily loss");
  check(Breaker::WeeklyLoss, cb.weekly_loss, *s.week_open_equity, "weekly loss");
}

void drawdown_breaker(Evaluation& ev, const AccountSnapshot& acct, const config::RiskPolicy& p) {
  const auto& lb = p.circuit_breakers.drawdown_from_peak;
  auto& s = ev.state;
  if (!s.peak_equity || acct.equity > *s.peak_equity) s.peak_equity = acct.equity;
  const double dd = loss_pct(*s.peak_equity, acct.equity);
  if (!(lb.threshold_pct > 0)) return;
  const double recovered = lb.threshold_pct / 2.0;
  if (dd <= recovered)
    ev.clear(Breaker::DrawdownFromPeak, dd, recovered,
             "equity recovered: drawdown " + format_pct(dd) + " % <= " + format_pct(recovered) +
                 " % (half the " + format_pct(lb.threshold_pct) + " % threshold)");
  if (dd >= lb.threshold_pct)
    ev.trip_action(Breaker::DrawdownFromPeak, lb, dd,
                   "drawdown " + format_pct(dd) + " % from peak " + format_money(*s.peak_equity) +
                       " >= " + format_pct(lb.threshold_pct) + " % threshold");
}

void high_vol_breaker(Evaluation& ev, const MarketConditions& m, const config::RiskPolicy& p) {
  const auto& hv = p.circuit_breakers.high_vol;
  if (!m.vix || !(hv.vix_above > 0)) return;
  if (*m.vix <= hv.vix_above)
    ev.clear(Breaker::HighVol, *m.vix, hv.vix_above,
             "VIX " + format_pct(*m.vix) + " <= " + format_pct(hv.vix_above));
  else
    ev.trip(Breaker::HighVol, std::nullopt, hv.sizing_multiplier, *m.vix, hv.vix_above,
            "VIX " + format_pct(*m.vix) + " > " + format_pct(hv.vix_above) +
                ": new positions sized x" + format_pct(hv.sizing_multiplier));
}

void crisis_breaker(Evaluation& ev, const MarketConditions& m, const config::RiskPolicy& p) {
  const auto& ch = p.circuit_breakers.crisis_halt;
  if (!m.macro_regime || ch.macro_regimes.empty()) return;
  const std::string regime(name_of(*m.macro_regime));
  const bool crisis =
      std::find(ch.macro_regimes.begin(), ch.macro_regimes.end(), regime) != ch.macro_regimes.end();
  if (!crisis)
    ev.clear(Breaker::CrisisHalt, 0, 1, "macro regime " + regime + " is not a crisis regime");
  else
    ev.trip(Breaker::CrisisHalt, ch.action, 1.0, 1, 1,
            "macro regime " + regime + ": " + std::string(name_of(ch.action)));
}

}  // namespace

std::string TrippedBreaker::action_name() const {
  if (action) return std::string(name_of(*action));
  return "sizing_multiplier_" + format_pct(sizing_multiplier);
}

bool TrippedBreaker::halts_new_trades() const {
  return action == config::BreakerAction::HaltNewTrades ||
         action == config::BreakerAction::HaltAllBots;
}

const TrippedBreaker* CircuitBreakerState::find(Breaker b) const {
  const auto it = std::find_if(tripped.begin(), tripped.end(),
                               [&](const TrippedBreaker& t) { return t.breaker == b; });
  return it == tripped.end() ? nullptr : &*it;
}

bool CircuitBreakerState::is_overridden(Breaker b) const {
  return std::any_of(overrides.begin(), overrides.end(),
                     [&](const HumanOverride& o) { return o.breaker == b; });
}

bool CircuitBreakerState::halts_new_trades() const {
  return std::any_of(tripped.begin(), tripped.end(),
                     [](const TrippedBreaker& t) { return t.halts_new_trades(); });
}

bool CircuitBreakerState::halts_all_bots() const {
  return std::any_of(tripped.begin(), tripped.end(),
                     [](const TrippedBreaker& t) { return t.halts_all_bots(); });
}

double CircuitBreakerState::sizing_multiplier() const {
  double m = 1.0;
  for (const auto& t : tripped) m *= t.sizing_multiplier;
  return m;
}

std::optional<std::string> CircuitBreakerState::halt_reason() const {
  for (const auto& t : tripped)
    if (t.halts_new_trades()) return std::string(name_of(t.breaker)) + ": " + t.reason;
  return std::nullopt;
}

BreakerUpdate evaluate(const CircuitBreakerState& state, const AccountSnapshot& account,
                       const MarketConditions& market, const config::RiskPolicy& policy) {
  if (state.last_evaluated && account.at < *state.last_evaluated)
    throw std::invalid_argument("account snapshot at " + to_iso8601(account.at) +
                                " is older than the last evaluation, " +
                                to_iso8601(*state.last_evaluated));
  Evaluation ev{state, {}, {}, account.at};
  roll_periods(ev, account);
  loss_breakers(ev, account, policy);
  drawdown_breaker(ev, account, policy);
  high_vol_breaker(ev, market, policy);
  crisis_breaker(ev, market, policy);
  ev.state.last_evaluated = account.at;
  ev.state.last_equity = account.equity;

  // Each list is already in Breaker order: the breakers are evaluated in it.
  BreakerUpdate out{std::move(ev.state), std::move(ev.lifts)};
  out.events.insert(out.events.end(), ev.trips.begin(), ev.trips.end());
  return out;
}

BreakerUpdate lift(const CircuitBreakerState& state, Breaker breaker, const std::string& who,
                   Timestamp at) {
  const TrippedBreaker* t = state.find(breaker);
  if (!t) return {state, {}};
  RiskEvent event{at,
                  "breaker_lifted",
                  std::string(name_of(breaker)),
                  t->action_name(),
                  t->measured,
                  t->threshold,
                  "lifted by " + who,
                  who};
  CircuitBreakerState next = state;
  std::erase_if(next.tripped, [&](const TrippedBreaker& x) { return x.breaker == breaker; });
  next.overrides.push_back({breaker, who, at});
  sort_by_breaker(next.overrides);
  return {std::move(next), {std::move(event)}};
}

}  // namespace dorado::risk
