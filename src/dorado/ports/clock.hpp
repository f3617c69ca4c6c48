#pragma once
// The one way Dorado learns the time. Nothing reads the wall clock directly
// (DESIGN.md section 6): the daemon injects a system clock, replay and tests a
// simulated one, so the same inputs give the same decisions.
#include "dorado/domain/time.hpp"

namespace dorado::ports {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant, UTC, microsecond resolution.
  virtual Timestamp now() const = 0;
};

}  // namespace dorado::ports
