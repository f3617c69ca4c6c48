#pragma once
// Literal dates and UTC instants for calendar tests.
#include <chrono>

#include "dorado/domain/time.hpp"

namespace dorado::calendar::test {

inline Date date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline Timestamp utc(int y, unsigned m, unsigned d, int hour, int minute, int second = 0) {
  return Timestamp{std::chrono::sys_days{date(y, m, d)} + std::chrono::hours{hour} +
                   std::chrono::minutes{minute} + std::chrono::seconds{second}};
}

}  // namespace dorado::calendar::test
