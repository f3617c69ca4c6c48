#pragma once
#include "dorado/domain/enum_names.hpp"

namespace dorado {

// day: cancelled by the venue at the session close; gtc: good till cancelled;
// ioc: immediate or cancel (fill what is available now, cancel the rest).
enum class TimeInForce { Day, Gtc, Ioc };

template <>
struct EnumNames<TimeInForce> {
  static constexpr std::array<std::pair<TimeInForce, std::string_view>, 3> table{{
      {TimeInForce::Day, "day"},
      {TimeInForce::Gtc, "gtc"},
      {TimeInForce::Ioc, "ioc"},
  }};
};

}  // namespace dorado
