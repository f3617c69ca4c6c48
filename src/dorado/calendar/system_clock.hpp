#pragma once
// The wall clock. The only place in Dorado that calls system_clock::now().
#include <chrono>

#include "dorado/ports/clock.hpp"

namespace dorado::calendar {

class SystemClock final : public ports::Clock {
 public:
  Timestamp now() const override {
    return std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
  }
};

}  // namespace dorado::calendar
