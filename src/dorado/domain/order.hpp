#pragma once
// An order: one leg, or a multi-leg combo sent as one order (so the venue
// fills all legs or none). The client order id is derived from the candidate
// so that a resend after a crash is recognisable (DESIGN.md section 5.7).
//
// Limit price convention, exact:
// - single leg: the price per unit, positive; the leg's side says buy or sell.
// - combo: the net price per combo unit, sum of ratio x leg price with buy
//   legs added and sell legs subtracted. Positive is a net debit paid,
//   negative a net credit received: an iron condor sold for 1.60 has limit
//   price -1.60. (This is how IBKR quotes combo orders.)
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/leg.hpp"
#include "dorado/domain/order_status.hpp"
#include "dorado/domain/order_type.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/domain/time_in_force.hpp"

namespace dorado {

struct Order {
  std::string client_order_id;
  std::vector<Leg> legs;
  // Units of the order: contracts for a single leg, combos for a combo.
  Quantity quantity;
  OrderType type = OrderType::Limit;
  std::optional<Price> limit_price;
  TimeInForce time_in_force = TimeInForce::Day;
  OrderStatus status = OrderStatus::New;

  bool is_combo() const { return legs.size() > 1; }

  // Every inconsistency, as sentences; empty when the order can be sent.
  // Checked before an order is persisted: a malformed order is a programmer
  // or configuration error upstream, reported whole rather than one at a time.
  std::vector<std::string> problems() const;

  friend bool operator==(const Order&, const Order&) = default;
};

// The combo net price of `legs` at `leg_prices` (same order): sum of ratio x
// price, buys positive, sells negative (see the convention above). Throws
// std::invalid_argument if the sizes differ.
Price net_price(const std::vector<Leg>& legs, const std::vector<Price>& leg_prices);

}  // namespace dorado
