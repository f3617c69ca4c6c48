#include "dorado/venue/paper/cash_requirement.hpp"

#include <algorithm>
#include <set>

#include "dorado/domain/notional.hpp"

namespace dorado::venue::paper {
namespace {

Price intrinsic(const OptionContractId& id, Price underlying) {
  const Price value =
      id.right == OptionRight::Call ? underlying - id.strike : id.strike - underlying;
  return value.is_negative() ? Price{} : value;
}

// The group's value if the underlying ends at `s`.
Money value_at(const std::vector<const PositionLeg*>& legs, Price s, Currency currency) {
  Money total(currency);
  for (const PositionLeg* leg : legs) {
    const Instrument& i = leg->instrument();
    const Price unit_value = i.option ? intrinsic(*i.option, s) : s;
    total += notional(unit_value, leg->quantity(), i.multiplier, currency);
  }
  return total;
}

// Shares gained per unit rise of the underlying far above every strike.
std::int64_t upside_slope_micros(const std::vector<const PositionLeg*>& legs) {
  std::int64_t slope = 0;
  for (const PositionLeg* leg : legs) {
    const Instrument& i = leg->instrument();
    if (i.option && i.option->right == OptionRight::Put) continue;
    slope += leg->quantity().micros() * i.multiplier;
  }
  return slope;
}

}  // namespace

GroupRequirement group_requirement(const std::vector<const PositionLeg*>& legs,
                                   std::optional<Price> underlying_mark) {
  if (legs.empty()) return {Money(kUsd), false};
  const Currency currency = legs.front()->instrument().currency;
  std::set<Price> points{Price{}};
  for (const PositionLeg* leg : legs)
    if (leg->instrument().option) points.insert(leg->instrument().option->strike);
  const bool uncovered = upside_slope_micros(legs) < 0;
  if (uncovered) {
    Price top = *points.rbegin();
    if (underlying_mark && *underlying_mark > top) top = *underlying_mark;
    // 150 %: top x 3 / 2, exact to the micro-unit with half-even rounding.
    points.insert(Price::from_micros(micro_units::multiply_divide(top.micros(), 3, 2)));
  }
  Money worst(currency);
  for (const Price s : points) worst = std::min(worst, value_at(legs, s, currency));
  return {-worst, uncovered};
}

}  // namespace dorado::venue::paper
