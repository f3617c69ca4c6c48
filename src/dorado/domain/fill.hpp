#pragma once
// An execution report for one leg of an order. Price and fee are exact; the
// quantity is in the leg's instrument units (for a combo of 2 with a ratio-1
// leg, 2 contracts of that leg).
#include <cstddef>
#include <string>

#include "dorado/domain/instrument.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/notional.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/domain/side.hpp"
#include "dorado/domain/time.hpp"

namespace dorado {

struct Fill {
  std::string client_order_id;
  std::size_t leg_index = 0;  // index into Order::legs
  Instrument instrument;
  Side side = Side::Buy;
  Quantity quantity;  // positive
  Price price;
  Money fee;  // positive: paid
  Timestamp time{};

  // price x quantity x multiplier, positive.
  Money value() const {
    return notional(price, quantity, instrument.multiplier, instrument.currency);
  }
  // Cash in (positive) or out (negative), fee included: a sale brings cash in.
  Money cash_flow() const { return (side == Side::Sell ? value() : -value()) - fee; }

  friend bool operator==(const Fill&, const Fill&) = default;
};

}  // namespace dorado
