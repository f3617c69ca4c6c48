#pragma once
// Per-unit figures times a quantity, exactly: a Money or share count per unit
// of a structure times a (possibly fractional) number of units, rounded half
// to even to a micro-unit when the product has more decimals.
#include "dorado/domain/micro_units.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"

namespace dorado::risk {

inline Money times(const Money& per_unit, Quantity quantity) {
  return Money::from_micros(
      micro_units::multiply_divide(per_unit.micros(), quantity.micros(), micro_units::kPerUnit),
      per_unit.currency());
}

inline Quantity times(Quantity per_unit, Quantity quantity) {
  return Quantity::from_micros(
      micro_units::multiply_divide(per_unit.micros(), quantity.micros(), micro_units::kPerUnit));
}

}  // namespace dorado::risk
