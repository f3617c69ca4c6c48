#pragma once
// What the venue knows about one order, found by its client order id: the
// order as accepted (order.status is the venue's current status), the fills
// so far and, for a rejection, cancellation or expiry by the venue, why.
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/fill.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/order.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/domain/reason_code.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::ports {

struct OrderReport {
  Order order;
  // The venue's own id (IBKR permId, OANDA order id, Hyperliquid oid, "P000001" on paper).
  std::string venue_order_id;
  // Units of the order filled so far (combos for a combo).
  Quantity filled_quantity;
  // Average fill price per unit of the order in the order's limit-price
  // convention (a combo's signed net price; see domain/order.hpp); nullopt
  // before the first fill.
  std::optional<Price> average_price;
  // One per leg per execution, in execution order.
  std::vector<Fill> fills;
  Money commission{Currency{"USD"}};
  // Set when the venue rejected, cancelled or expired the order itself.
  std::optional<ReasonCode> reason;
  std::string message;
  Timestamp accepted_at{};
  Timestamp updated_at{};

  OrderStatus status() const { return order.status; }
  Quantity remaining() const { return order.quantity - filled_quantity; }
  bool is_working() const { return dorado::is_working(order.status); }

  friend bool operator==(const OrderReport&, const OrderReport&) = default;
};

}  // namespace dorado::ports
