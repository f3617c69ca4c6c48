#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "dorado/calendar/simulated_clock.hpp"
#include "dorado/calendar/system_clock.hpp"
#include "test_time.hpp"

namespace dorado::calendar {
namespace {

using namespace std::chrono_literals;
using test::utc;

TEST(SimulatedClock, StandsStillUntilMoved) {
  SimulatedClock clock{utc(2024, 6, 12, 13, 30)};
  EXPECT_EQ(clock.now(), utc(2024, 6, 12, 13, 30));
  EXPECT_EQ(clock.now(), utc(2024, 6, 12, 13, 30));
  clock.advance(90s);
  EXPECT_EQ(clock.now(), utc(2024, 6, 12, 13, 31, 30));
  clock.advance(1us);
  EXPECT_EQ(clock.now(), utc(2024, 6, 12, 13, 31, 30) + 1us);
  clock.set(utc(2020, 1, 1, 0, 0));
  EXPECT_EQ(clock.now(), utc(2020, 1, 1, 0, 0));
}

TEST(SimulatedClock, RefusesToRunBackwardsThroughAdvance) {
  SimulatedClock clock{utc(2024, 6, 12, 13, 30)};
  EXPECT_THROW(clock.advance(-1s), std::invalid_argument);
  EXPECT_EQ(clock.now(), utc(2024, 6, 12, 13, 30));
}

TEST(SimulatedClock, ConcurrentAdvancesAllCount) {
  SimulatedClock clock{utc(2024, 1, 1, 0, 0)};
  const ports::Clock& port = clock;
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&] {
      for (int j = 0; j < 1000; ++j) {
        clock.advance(1ms);
        (void)port.now();
      }
    });
  for (auto& w : workers) w.join();
  EXPECT_EQ(clock.now(), utc(2024, 1, 1, 0, 0, 4));
}

TEST(SystemClock, ReadsTheWallClockInUtc) {
  const SystemClock clock;
  const auto before =
      std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
  const Timestamp t = clock.now();
  const auto after =
      std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
  EXPECT_LE(before, t);
  EXPECT_LE(t, after);
}

}  // namespace
}  // namespace dorado::calendar
