#include "dorado/venue/paper/cash_requirement.hpp"

#include <algorithm>
#include <map>

#include "dorado/domain/notional.hpp"

namespace dorado::venue::paper {
namespace {

// Shares of exposure (quantity x multiplier, in micro-units of a share).
std::int64_t exposure_micros(const PositionLeg& leg) {
  return micro_units::multiply(leg.quantity().micros(), leg.instrument().multiplier);
}

}  // namespace

// V is walked strike by strike from S = 0: V(0) is the puts' value there,
// and between kinks V moves by slope x distance, the slope rising at each
// strike by the exposure of the options struck there. One pass over the
// sorted strikes instead of valuing every leg at every strike.
GroupRequirement group_requirement(const std::vector<const PositionLeg*>& legs,
                                   std::optional<Price> underlying_mark) {
  if (legs.empty()) return {Money(kUsd), false};
  const Currency currency = legs.front()->instrument().currency;
  Money value(currency);                       // V at the current point
  std::int64_t slope = 0;                      // dV/dS just above the current point, share micros
  std::map<Price, std::int64_t> slope_change;  // at each strike
  for (const PositionLeg* leg : legs) {
    const Instrument& i = leg->instrument();
    const std::int64_t exposure = exposure_micros(*leg);
    if (!i.option) {
      slope += exposure;  // shares: worth S each, nothing at 0
      continue;
    }
    const Price strike = i.option->strike;
    slope_change[strike] += exposure;
    if (i.option->right == OptionRight::Put) {
      value += notional(strike, leg->quantity(), i.multiplier, currency);
      slope -= exposure;
    }
  }
  const bool uncovered = [&] {
    std::int64_t final_slope = slope;
    for (const auto& [strike, change] : slope_change) final_slope += change;
    return final_slope < 0;
  }();
  if (uncovered) {
    Price top = slope_change.empty() ? Price{} : slope_change.rbegin()->first;
    if (underlying_mark && *underlying_mark > top) top = *underlying_mark;
    // 150 %: top x 3 / 2, exact to the micro-unit with half-even rounding.
    slope_change.try_emplace(Price::from_micros(micro_units::multiply_divide(top.micros(), 3, 2)),
                             0);
  }
  Money worst = std::min(Money(currency), value);
  Price at;
  for (const auto& [strike, change] : slope_change) {
    value += notional(strike - at, Quantity::from_micros(slope), 1, currency);
    worst = std::min(worst, value);
    slope += change;
    at = strike;
  }
  return {-worst, uncovered};
}

}  // namespace dorado::venue::paper
