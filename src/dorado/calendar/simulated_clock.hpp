#pragma once
// A clock that moves only when told to: replay steps it through history and
// tests step it past TTLs and session boundaries. Thread-safe, because the
// engine's workers read it while the replay driver advances it.
//
// Header-only on purpose: other areas' tests (e.g. the cache's) use it without
// linking the calendar library.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>

#include "dorado/ports/clock.hpp"

namespace dorado::calendar {

class SimulatedClock final : public ports::Clock {
 public:
  explicit SimulatedClock(Timestamp start) : micros_(start.time_since_epoch().count()) {}

  Timestamp now() const override {
    return Timestamp{std::chrono::microseconds{micros_.load(std::memory_order_acquire)}};
  }

  // Jumps to `t`, forwards or backwards (a replay may restart a day).
  void set(Timestamp t) { micros_.store(t.time_since_epoch().count(), std::memory_order_release); }

  // Moves forward by `step`; time never runs backwards through advance().
  void advance(std::chrono::microseconds step) {
    if (step.count() < 0)
      throw std::invalid_argument("SimulatedClock::advance: negative step of " +
                                  std::to_string(step.count()) + " us");
    micros_.fetch_add(step.count(), std::memory_order_acq_rel);
  }

 private:
  std::atomic<Timestamp::rep> micros_;
};

}  // namespace dorado::calendar
