#include "dorado/cache/keys.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "dorado/cache/lock_token.hpp"
#include "dorado/cache/open_cache.hpp"
#include "dorado/calendar/simulated_clock.hpp"

namespace dorado::cache {
namespace {

using namespace std::chrono_literals;

TEST(CacheKeys, SpelledAsThePrd) {
  EXPECT_EQ(keys::bot_state("spy-ic-01"), "bot:state:spy-ic-01");
  EXPECT_EQ(keys::macro_regime(), "regime:macro:current");
  EXPECT_EQ(keys::fx_regime(), "regime:fx:current");
  EXPECT_EQ(keys::crypto_regime(), "regime:crypto:current");
  EXPECT_EQ(keys::correlation_regime(), "regime:correlation");
  EXPECT_EQ(keys::quote("SPY"), "quotes:SPY");
  EXPECT_EQ(keys::order_lock("c-20240612-0001"), "locks:order:c-20240612-0001");
  EXPECT_EQ(keys::circuit_breaker("daily_loss"), "circuit_breaker:daily_loss");
}

TEST(CacheKeys, DefaultTtls) {
  EXPECT_EQ(keys::kQuoteTtl, 15s);
  EXPECT_EQ(keys::kOrderLockTtl, 30s);
  EXPECT_EQ(keys::kBotStateTtl, 24h);
  EXPECT_EQ(keys::kRegimeTtl, 26h);
  EXPECT_EQ(keys::kCircuitBreakerTtl, 24h);
  EXPECT_LT(keys::kQuoteTtl, keys::kBotStateTtl);
}

TEST(CacheKeys, EmptyIdIsAProgrammingError) {
  EXPECT_THROW((void)keys::bot_state(""), std::invalid_argument);
  EXPECT_THROW((void)keys::quote(""), std::invalid_argument);
  EXPECT_THROW((void)keys::order_lock(""), std::invalid_argument);
  try {
    (void)keys::circuit_breaker("");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "cache key circuit_breaker:{name}: empty name");
  }
}

TEST(LockToken, RandomHexAndNeverRepeated) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto token = new_lock_token();
    ASSERT_EQ(token.value.size(), 32u);
    EXPECT_EQ(token.value.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(token.value);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(OpenCache, MemoryByDefaultAndUnknownSchemesRefused) {
  calendar::SimulatedClock clock{Timestamp{}};
  const auto cache = open_cache(kDefaultCacheUrl, clock);
  cache->set("k", "v");
  EXPECT_EQ(cache->get("k"), "v");
  try {
    (void)open_cache("memcached://localhost:11211", clock);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "unknown cache URL scheme \"memcached\" (expected memory:// or "
                 "redis://host:port[/db])");
  }
  EXPECT_THROW((void)open_cache("redis://", clock), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::cache
