// The in-process cache's own promises: TTLs on the injected clock, to the
// microsecond, and no growth from keys that expired unread.
#include "dorado/cache/memory_cache.hpp"

#include <gtest/gtest.h>

#include "dorado/calendar/simulated_clock.hpp"

namespace dorado::cache {
namespace {

using namespace std::chrono_literals;

class MemoryCacheTest : public ::testing::Test {
 protected:
  calendar::SimulatedClock clock_{
      Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 6 / 12}}};
  MemoryCache cache_{clock_};
};

TEST_F(MemoryCacheTest, KeyExpiresExactlyWhenItsTtlHasPassed) {
  cache_.set("quotes:SPY", "512.30", 15s);
  clock_.advance(15s - 1us);
  EXPECT_EQ(cache_.get("quotes:SPY"), "512.30");
  clock_.advance(1us);
  EXPECT_EQ(cache_.get("quotes:SPY"), std::nullopt);
}

TEST_F(MemoryCacheTest, LockExpiresOnTheSimulatedClock) {
  const auto token = cache_.try_acquire("locks:order:1", 30s);
  ASSERT_TRUE(token);
  clock_.advance(29s);
  EXPECT_EQ(cache_.try_acquire("locks:order:1", 30s), std::nullopt);
  EXPECT_TRUE(cache_.extend("locks:order:1", *token, 30s));  // now expires at 59 s
  clock_.advance(30s - 1us);
  EXPECT_EQ(cache_.try_acquire("locks:order:1", 30s), std::nullopt);
  clock_.advance(1us);
  EXPECT_TRUE(cache_.try_acquire("locks:order:1", 30s));
}

TEST_F(MemoryCacheTest, ExpiredKeysDoNotAccumulate) {
  for (int i = 0; i < 5000; ++i) cache_.set("quotes:" + std::to_string(i), "1", 1s);
  EXPECT_EQ(cache_.size(), 5000u);
  clock_.advance(1s);
  cache_.set("bot:state:1", "idle");
  EXPECT_EQ(cache_.size(), 1u);
}

TEST_F(MemoryCacheTest, EachCacheIsSeparate) {
  MemoryCache other{clock_};
  cache_.set("k", "v");
  EXPECT_EQ(other.get("k"), std::nullopt);
}

}  // namespace
}  // namespace dorado::cache
