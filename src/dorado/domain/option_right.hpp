#pragma once
#include "dorado/domain/enum_names.hpp"

namespace dorado {

enum class OptionRight { Call, Put };

template <>
struct EnumNames<OptionRight> {
  static constexpr std::array<std::pair<OptionRight, std::string_view>, 2> table{{
      {OptionRight::Call, "call"},
      {OptionRight::Put, "put"},
  }};
};

}  // namespace dorado
