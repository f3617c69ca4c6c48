#pragma once
// The cash value of a quantity at a price: price x quantity x contract
// multiplier, in the instrument's currency. Exact whenever the quantity is
// whole (options, FX units); with a fractional quantity the product can have
// up to twelve decimals and is rounded half to even to a micro-unit.
#include <cstdint>

#include "dorado/domain/money.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/quantity.hpp"

namespace dorado {

inline Money notional(Price price, Quantity quantity, std::int64_t multiplier, Currency currency) {
  const std::int64_t per_unit = micro_units::multiply(price.micros(), multiplier);
  return Money::from_micros(
      micro_units::multiply_divide(per_unit, quantity.micros(), micro_units::kPerUnit), currency);
}

}  // namespace dorado
