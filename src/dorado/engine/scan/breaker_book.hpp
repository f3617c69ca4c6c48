#pragma once
// The circuit breakers between runs. The store's risk_events are the record:
// a trip stays open until its lift is written. A scan rebuilds the breaker
// state from the open trips, evaluates it against the account and the
// market of the scan date (risk::evaluate), and writes what changed: new
// trips appended, lifted trips closed and their lift appended. Running the
// same scan twice writes nothing the second time.
//
// The period anchors (day and week opening equity, peak) are not in
// risk_events; the rebuilt state anchors them at the scan's own equity and
// trade date, so loss breakers neither trip nor lift from a rebuild alone;
// the volatility and crisis breakers read the market of the day.
#include <vector>

#include "dorado/config/risk_policy.hpp"
#include "dorado/ports/store.hpp"
#include "dorado/risk/circuit_breakers.hpp"

namespace dorado::engine {

risk::CircuitBreakerState breaker_state_from(const std::vector<ports::RiskEventRecord>& open,
                                             const config::RiskPolicy& policy, Date trading_day,
                                             const Money& equity);

ports::RiskEventRecord risk_event_record(const risk::RiskEvent& event);

struct BreakerCheck {
  risk::CircuitBreakerState state;              // after the evaluation
  std::vector<ports::RiskEventRecord> written;  // appended by this run
};

// Reads the open trips, evaluates and writes the changes (in one transaction).
BreakerCheck check_breakers(ports::Store& store, const config::RiskPolicy& policy,
                            const risk::AccountSnapshot& account,
                            const risk::MarketConditions& market);

}  // namespace dorado::engine
