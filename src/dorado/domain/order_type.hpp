#pragma once
#include "dorado/domain/enum_names.hpp"

namespace dorado {

enum class OrderType { Market, Limit };

template <>
struct EnumNames<OrderType> {
  static constexpr std::array<std::pair<OrderType, std::string_view>, 2> table{{
      {OrderType::Market, "market"},
      {OrderType::Limit, "limit"},
  }};
};

}  // namespace dorado
