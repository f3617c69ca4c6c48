#pragma once
// A position: one instrument, or the legs of a multi-leg structure (an iron
// condor is four PositionLegs) booked together so that its P&L reads as one
// trade. Each leg keeps its own exact basis and realized P&L (see
// position_leg.hpp); the position sums them. All legs share one currency.
#include <string_view>
#include <vector>

#include "dorado/domain/fill.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/position_leg.hpp"

namespace dorado {

class Position {
 public:
  explicit Position(Currency currency) : currency_(currency) {}

  // Books the fill on the leg of its instrument, opening the leg on its first
  // fill; returns the gross P&L the fill realized. Throws std::logic_error if
  // the fill's instrument is in another currency (see also PositionLeg::apply).
  Money apply(const Fill& fill);

  Currency currency() const { return currency_; }
  const std::vector<PositionLeg>& legs() const { return legs_; }
  // nullptr if no fill has touched `symbol`.
  const PositionLeg* leg(std::string_view symbol) const;

  // Flat when every leg is (and when nothing was ever filled).
  bool is_flat() const;
  // Signed sum over legs: positive a net debit paid, negative a net credit.
  Money cost_basis() const;
  Money realized_pnl() const;
  Money fees() const;
  Money net_realized_pnl() const { return realized_pnl() - fees(); }

 private:
  Currency currency_;
  std::vector<PositionLeg> legs_;
};

}  // namespace dorado
