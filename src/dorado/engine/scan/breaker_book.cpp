#include "dorado/engine/scan/breaker_book.hpp"

#include <algorithm>

namespace dorado::engine {
namespace {

double multiplier_of(risk::Breaker breaker, const std::optional<config::BreakerAction>& action,
                     const config::RiskPolicy& policy) {
  if (breaker == risk::Breaker::HighVol) return policy.circuit_breakers.high_vol.sizing_multiplier;
  return action == config::BreakerAction::ReduceSizing50 ? 0.5 : 1.0;
}

Date monday_of(Date day) {
  using namespace std::chrono;
  const sys_days d{day};
  const weekday wd{d};
  return Date{d - days{(wd.c_encoding() + 6) % 7}};
}

}  // namespace

risk::CircuitBreakerState breaker_state_from(const std::vector<ports::RiskEventRecord>& open,
                                             const config::RiskPolicy& policy, Date trading_day,
                                             const Money& equity) {
  risk::CircuitBreakerState s;
  s.trading_day = trading_day;
  s.week_start = monday_of(trading_day);
  s.day_open_equity = s.week_open_equity = s.peak_equity = s.last_equity = equity;
  for (const auto& e : open) {
    const auto breaker = e.breaker ? parse_name<risk::Breaker>(*e.breaker) : std::nullopt;
    if (!breaker || s.is_tripped(*breaker)) continue;  // not a breaker row, or already counted
    risk::TrippedBreaker t;
    t.breaker = *breaker;
    t.action = parse_name<config::BreakerAction>(e.action);
    t.sizing_multiplier = multiplier_of(*breaker, t.action, policy);
    t.since = e.at;
    t.measured = e.measured.value_or(0.0);
    t.threshold = e.threshold.value_or(0.0);
    t.reason = e.reason;
    s.tripped.push_back(t);
  }
  std::sort(s.tripped.begin(), s.tripped.end(),
            [](const auto& a, const auto& b) { return a.breaker < b.breaker; });
  return s;
}

ports::RiskEventRecord risk_event_record(const risk::RiskEvent& event) {
  ports::RiskEventRecord r;
  r.at = event.at;
  r.kind = event.kind;
  r.breaker = event.breaker;
  r.action = event.action;
  r.measured = event.measured;
  r.threshold = event.threshold;
  r.reason = event.reason;
  if (event.lifted_by) {
    r.lifted_at = event.at;
    r.lifted_by = event.lifted_by;
  }
  return r;
}

BreakerCheck check_breakers(ports::Store& store, const config::RiskPolicy& policy,
                            const risk::AccountSnapshot& account,
                            const risk::MarketConditions& market) {
  BreakerCheck out{{}, {}};
  store.transaction([&](ports::Store& s) {
    const auto open = s.open_risk_events();
    const auto state = breaker_state_from(open, policy, account.trading_day, account.equity);
    auto update = risk::evaluate(state, account, market, policy);
    for (const auto& event : update.events) {
      auto record = risk_event_record(event);
      if (event.kind == "breaker_lifted") {
        for (const auto& trip : open)
          if (trip.breaker == event.breaker)
            s.lift_risk_event(trip.id, event.at, event.lifted_by.value_or("rule"));
        if (!record.lifted_at) {
          record.lifted_at = event.at;
          record.lifted_by = "rule";
        }
      }
      out.written.push_back(s.append_risk_event(record));
    }
    out.state = std::move(update.state);
  });
  return out;
}

}  // namespace dorado::engine
