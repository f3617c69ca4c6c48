#pragma once
#include "dorado/domain/enum_names.hpp"

namespace dorado {

enum class AssetClass { EquityOptions, Fx, Crypto };

template <>
struct EnumNames<AssetClass> {
  static constexpr std::array<std::pair<AssetClass, std::string_view>, 3> table{{
      {AssetClass::EquityOptions, "equity_options"},
      {AssetClass::Fx, "fx"},
      {AssetClass::Crypto, "crypto"},
  }};
};

}  // namespace dorado
