#pragma once
// One leg of an order or candidate: what to trade, which way, and how many
// per unit of the order (an iron condor is four legs of ratio 1; a 1x2
// ratio spread has ratios 1 and 2).
#include <cstdint>

#include "dorado/domain/instrument.hpp"
#include "dorado/domain/side.hpp"

namespace dorado {

struct Leg {
  Instrument instrument;
  Side side = Side::Buy;
  std::int64_t ratio = 1;

  friend bool operator==(const Leg&, const Leg&) = default;
};

}  // namespace dorado
