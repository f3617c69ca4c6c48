#include "dorado/domain/position_leg.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "dorado/domain/notional.hpp"

namespace dorado {

PositionLeg::PositionLeg(Instrument instrument)
    : instrument_(std::move(instrument)),
      cost_basis_(instrument_.currency),
      realized_pnl_(instrument_.currency),
      fees_(instrument_.currency) {}

Money PositionLeg::value_at(Price price, Quantity quantity) const {
  return notional(price, quantity, instrument_.multiplier, instrument_.currency);
}

Money PositionLeg::apply(const Fill& fill) {
  // Book on a copy and commit only if every step succeeded (an overflow
  // midway must not leave half a fill booked).
  PositionLeg next = *this;
  const Money realized = next.book(fill);
  *this = std::move(next);
  return realized;
}

Money PositionLeg::book(const Fill& fill) {
  if (fill.instrument.symbol != instrument_.symbol)
    throw std::logic_error("fill for " + fill.instrument.symbol + " applied to the position in " +
                           instrument_.symbol);
  if (fill.fee.currency() != instrument_.currency)
    throw std::logic_error("fill fee " + fill.fee.to_string() + " is not in the currency of " +
                           instrument_.symbol + " (" + std::string(instrument_.currency.code()) +
                           ")");
  if (!fill.quantity.is_positive())
    throw std::logic_error("fill quantity must be positive, got " + fill.quantity.to_string());

  fees_ += fill.fee;
  const Quantity change = fill.side == Side::Buy ? fill.quantity : -fill.quantity;
  const bool adds = quantity_.is_zero() || quantity_.is_negative() == change.is_negative();
  if (adds) {
    const Money value = value_at(fill.price, fill.quantity);
    cost_basis_ += fill.side == Side::Buy ? value : -value;
    quantity_ += change;
    return Money(instrument_.currency);
  }

  const Quantity open = quantity_.abs();
  const Quantity closed = fill.quantity < open ? fill.quantity : open;
  const Money removed_basis =
      closed == open ? cost_basis_
                     : Money::from_micros(micro_units::multiply_divide(
                                              cost_basis_.micros(), closed.micros(), open.micros()),
                                          instrument_.currency);
  const Money closed_value = value_at(fill.price, closed);
  const Money realized = (quantity_.is_positive() ? closed_value : -closed_value) - removed_basis;
  realized_pnl_ += realized;
  cost_basis_ -= removed_basis;
  quantity_ += fill.side == Side::Buy ? closed : -closed;

  const Quantity reopened = fill.quantity - closed;
  if (reopened.is_positive()) {  // flip: the rest opens the other way at the fill price
    const Money value = value_at(fill.price, reopened);
    cost_basis_ = fill.side == Side::Buy ? value : -value;
    quantity_ = fill.side == Side::Buy ? reopened : -reopened;
  }
  return realized;
}

std::optional<Price> PositionLeg::average_price() const {
  if (quantity_.is_zero()) return std::nullopt;
  const std::int64_t divisor =
      micro_units::multiply(quantity_.abs().micros(), instrument_.multiplier);
  return Price::from_micros(
      micro_units::multiply_divide(cost_basis_.abs().micros(), micro_units::kPerUnit, divisor));
}

Money PositionLeg::market_value(Price mark) const {
  const Money value = value_at(mark, quantity_.abs());
  return quantity_.is_negative() ? -value : value;
}

}  // namespace dorado
