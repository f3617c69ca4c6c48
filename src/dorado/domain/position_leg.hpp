#pragma once
// The open quantity of one instrument and the exact bookkeeping around it.
//
// Bookkeeping rules (all amounts exact micro-units):
// - cost_basis is signed like the quantity: what opening the open quantity
//   cost, negative for a short (opening a short takes in a credit).
// - A fill that adds to the position (or opens it) adds its value to the basis.
// - A fill that reduces it removes the pro-rata share of the basis,
//   basis x closed / open (rounded half to even when it does not divide), and
//   books realized P&L = value of the closed quantity at the fill price,
//   signed like the position, minus that share. Closing the last unit removes
//   the whole remaining basis, so over a round trip realized P&L equals the
//   cash taken in minus the cash paid out, to the micro-unit, whatever the
//   intermediate roundings.
// - A fill larger than the open quantity closes it and opens the rest the
//   other way at the fill price (a flip).
// - Fees are kept apart: realized_pnl() is gross, net_realized_pnl() subtracts
//   every fee paid on the leg, opening fees included.
#include <optional>

#include "dorado/domain/fill.hpp"
#include "dorado/domain/instrument.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/quantity.hpp"

namespace dorado {

class PositionLeg {
 public:
  explicit PositionLeg(Instrument instrument);

  // Books the fill and returns the gross P&L it realized (zero when it only
  // adds). Throws std::logic_error if the fill is for another instrument, its
  // fee is in another currency, or its quantity is not positive.
  Money apply(const Fill& fill);

  const Instrument& instrument() const { return instrument_; }
  // Signed: positive long, negative short.
  Quantity quantity() const { return quantity_; }
  bool is_flat() const { return quantity_.is_zero(); }
  Money cost_basis() const { return cost_basis_; }
  Money realized_pnl() const { return realized_pnl_; }
  Money fees() const { return fees_; }
  Money net_realized_pnl() const { return realized_pnl_ - fees_; }

  // |cost basis| / (|quantity| x multiplier): the price paid for a long, the
  // price received for a short, rounded half to even to a micro-unit when the
  // fills average to a finer price (P&L never uses the rounded figure).
  // nullopt when flat.
  std::optional<Price> average_price() const;

  // Signed value of the open quantity at `mark`, and its P&L against the basis.
  Money market_value(Price mark) const;
  Money unrealized_pnl(Price mark) const { return market_value(mark) - cost_basis_; }

 private:
  Money book(const Fill& fill);
  Money value_at(Price price, Quantity quantity) const;

  Instrument instrument_;
  Quantity quantity_;
  Money cost_basis_;
  Money realized_pnl_;
  Money fees_;
};

}  // namespace dorado
