#pragma once
#include "dorado/domain/enum_names.hpp"

namespace dorado {

enum class Side { Buy, Sell };

template <>
struct EnumNames<Side> {
  static constexpr std::array<std::pair<Side, std::string_view>, 2> table{{
      {Side::Buy, "buy"},
      {Side::Sell, "sell"},
  }};
};

// +1 for a buy (quantity added), -1 for a sell.
constexpr int sign_of(Side side) {
  return side == Side::Buy ? 1 : -1;
}
constexpr Side opposite(Side side) {
  return side == Side::Buy ? Side::Sell : Side::Buy;
}

}  // namespace dorado
