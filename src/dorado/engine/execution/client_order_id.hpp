#pragma once
// The client order id of an order path (DESIGN.md 5.7): derived from the bot,
// the candidate and the attempt, never random, so that after a crash the same
// order is recognised by the venue (which refuses a second order under an id
// it knows) and by reconciliation. "spy-ic-01-c42-a1" is bot spy-ic-01's
// first attempt at candidate 42. A new attempt (a new approval after a
// cancelled order) is a new id, so it is a new order by design.
#include <cstdint>
#include <string>

namespace dorado::engine {

// Throws std::invalid_argument for an empty bot id, a candidate id that is not
// positive or an attempt below 1.
std::string client_order_id(const std::string& bot_id, std::int64_t candidate_id, int attempt);

}  // namespace dorado::engine
