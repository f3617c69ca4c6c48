#pragma once
// One row of the store's risk_events table, as the circuit breakers produce
// it; the engine writes it (no IO here). kind "breaker_tripped" or
// "breaker_lifted"; action is the breaker's action name (halt_new_trades,
// halt_all_bots, reduce_sizing_50, or "sizing_multiplier_0.5" for high vol);
// lifted_by is "rule" or the human who lifted it.
#include <optional>
#include <string>

#include "dorado/domain/time.hpp"

namespace dorado::risk {

struct RiskEvent {
  Timestamp at{};
  std::string kind;
  std::string breaker;
  std::string action;
  double measured = 0;
  double threshold = 0;
  std::string reason;
  std::optional<std::string> lifted_by;

  friend bool operator==(const RiskEvent&, const RiskEvent&) = default;
};

}  // namespace dorado::risk
