#pragma once
// One open position as the venue holds it: per instrument (venues do not
// know about structures; the engine groups legs into an iron condor), with
// exact basis and realized P&L (domain PositionLeg) and the current mark.
#include <optional>

#include "dorado/domain/money.hpp"
#include "dorado/domain/position_leg.hpp"
#include "dorado/domain/price.hpp"

namespace dorado::ports {

struct VenuePosition {
  PositionLeg leg;
  // The venue's mark (mid of the quote); nullopt when it has no quote.
  std::optional<Price> mark;

  // Signed value at the mark, or at cost when there is no mark.
  Money market_value() const { return mark ? leg.market_value(*mark) : leg.cost_basis(); }
  Money unrealized_pnl() const { return market_value() - leg.cost_basis(); }
};

}  // namespace dorado::ports
