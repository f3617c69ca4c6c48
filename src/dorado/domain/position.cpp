#include "dorado/domain/position.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace dorado {

Money Position::apply(const Fill& fill) {
  if (fill.instrument.currency != currency_)
    throw std::logic_error("fill for " + fill.instrument.symbol + " is in " +
                           std::string(fill.instrument.currency.code()) +
                           " but the position is in " + std::string(currency_.code()));
  auto it = std::find_if(legs_.begin(), legs_.end(), [&](const PositionLeg& leg) {
    return leg.instrument().symbol == fill.instrument.symbol;
  });
  if (it != legs_.end()) return it->apply(fill);
  // A new leg joins the position only once its first fill has been booked.
  PositionLeg leg(fill.instrument);
  const Money realized = leg.apply(fill);
  legs_.push_back(std::move(leg));
  return realized;
}

const PositionLeg* Position::leg(std::string_view symbol) const {
  for (const auto& leg : legs_)
    if (leg.instrument().symbol == symbol) return &leg;
  return nullptr;
}

bool Position::is_flat() const {
  return std::all_of(legs_.begin(), legs_.end(), [](const PositionLeg& l) { return l.is_flat(); });
}

Money Position::cost_basis() const {
  Money total(currency_);
  for (const auto& leg : legs_) total += leg.cost_basis();
  return total;
}

Money Position::realized_pnl() const {
  Money total(currency_);
  for (const auto& leg : legs_) total += leg.realized_pnl();
  return total;
}

Money Position::fees() const {
  Money total(currency_);
  for (const auto& leg : legs_) total += leg.fees();
  return total;
}

}  // namespace dorado
