#pragma once
// The three stages of the gate cascade, cheapest first (DESIGN.md section
// 5.1): the regime reading is a cache lookup, the volatility gates read a
// handful of numbers, the technical gates need the indicators over the daily
// bars and, for options, the short strikes the chain would give.
#include <array>
#include <string_view>
#include <utility>

#include "dorado/domain/enum_names.hpp"

namespace dorado::strategy {

enum class GateStage { Regime, Volatility, Technical };

}  // namespace dorado::strategy

template <>
struct dorado::EnumNames<dorado::strategy::GateStage> {
  using G = dorado::strategy::GateStage;
  static constexpr std::array<std::pair<G, std::string_view>, 3> table{{
      {G::Regime, "regime"},
      {G::Volatility, "volatility"},
      {G::Technical, "technical"},
  }};
};
