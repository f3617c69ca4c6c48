// One suite, every backend: what any ports::Cache must do. Memory runs on a
// SimulatedClock; Redis runs against the server at DORADO_TEST_REDIS_URL
// (scripts/with-test-services.sh), with a key prefix unique to each test.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <thread>
#include <vector>

#include "dorado/cache/lock_token.hpp"
#include "dorado/cache/open_cache.hpp"
#include "dorado/calendar/simulated_clock.hpp"
#include "support/test_services.hpp"

namespace dorado::cache {
namespace {

using namespace std::chrono_literals;
using ports::Cache;
using ports::LockToken;
using ports::Ttl;

class CacheContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (redis()) {
      DORADO_SERVICE_URL_OR_SKIP(url, "DORADO_TEST_REDIS_URL");
      url_ = url;
    } else {
      url_ = "memory://";
    }
    cache_ = open_cache(url_, clock_);
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    prefix_ = "dorado-test:" + std::string(info->name()) + ":" + new_lock_token().value + ":";
  }

  void TearDown() override {
    if (!cache_) return;
    for (const auto& k : keys_) cache_->del(k);
  }

  bool redis() const { return GetParam() == "redis"; }

  // A key unique to this test run, deleted afterwards.
  std::string key(std::string_view name) {
    keys_.push_back(prefix_ + std::string(name));
    return keys_.back();
  }

  // A TTL that this test lets run out: simulated seconds for memory, a real
  // fraction of a second for Redis.
  Ttl short_ttl() const { return redis() ? Ttl{150} : Ttl{5000}; }

  // Lets `ttl` pass. Redis expires a key once its own clock is past the
  // deadline, so sleeping longer than the TTL is enough: no polling needed.
  void let_pass(Ttl ttl) {
    if (redis())
      std::this_thread::sleep_for(ttl + 50ms);
    else
      clock_.advance(ttl);
  }

  // Another client of the same cache: a second connection for Redis, the
  // same object for the in-process cache (which is shared by threads).
  std::shared_ptr<Cache> another_client() {
    if (redis()) return open_cache(url_, clock_);
    return cache_;
  }

  calendar::SimulatedClock clock_{
      Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 6 / 12}}};
  std::string url_;
  std::shared_ptr<Cache> cache_;
  std::string prefix_;
  std::vector<std::string> keys_;
};

TEST_P(CacheContract, SetGetDelExists) {
  const auto k = key("bot:state:1");
  EXPECT_EQ(cache_->get(k), std::nullopt);
  EXPECT_FALSE(cache_->exists(k));
  EXPECT_FALSE(cache_->del(k));

  cache_->set(k, "idle");
  EXPECT_EQ(cache_->get(k), "idle");
  EXPECT_TRUE(cache_->exists(k));

  cache_->set(k, "scanning");
  EXPECT_EQ(cache_->get(k), "scanning");

  EXPECT_TRUE(cache_->del(k));
  EXPECT_EQ(cache_->get(k), std::nullopt);
  EXPECT_FALSE(cache_->exists(k));
  EXPECT_FALSE(cache_->del(k));
}

TEST_P(CacheContract, EmptyValueIsAValueNotAMiss) {
  const auto k = key("empty");
  cache_->set(k, "");
  EXPECT_EQ(cache_->get(k), std::string{});
  EXPECT_TRUE(cache_->exists(k));
}

TEST_P(CacheContract, KeysAndValuesAreBinarySafe) {
  using namespace std::string_literals;
  const auto k = key("quotes:%s %d\0nul\r\n*1"s);
  const std::string value = "\0\x01\xff\r\n$-1\r\n%s"s;
  cache_->set(k, value);
  EXPECT_EQ(cache_->get(k), value);
  EXPECT_EQ(cache_->get(key("quotes:%s %d")), std::nullopt);  // not truncated at the NUL
  EXPECT_TRUE(cache_->del(k));
}

TEST_P(CacheContract, TtlExpiresTheKeyAndOnlyThatKey) {
  const auto quote = key("quotes:SPY");
  const auto state = key("bot:state:1");
  const auto forever = key("regime:macro:current");
  cache_->set(quote, "512.30", short_ttl());
  cache_->set(state, "idle", 1h);
  cache_->set(forever, "expansion");
  EXPECT_EQ(cache_->get(quote), "512.30");

  let_pass(short_ttl());

  EXPECT_EQ(cache_->get(quote), std::nullopt);
  EXPECT_FALSE(cache_->exists(quote));
  EXPECT_EQ(cache_->get(state), "idle");
  EXPECT_EQ(cache_->get(forever), "expansion");
}

TEST_P(CacheContract, SetWithoutTtlClearsAnEarlierTtl) {
  const auto k = key("circuit_breaker:daily_loss");
  cache_->set(k, "tripped", short_ttl());
  cache_->set(k, "tripped-until-reset");
  let_pass(short_ttl());
  EXPECT_EQ(cache_->get(k), "tripped-until-reset");
}

TEST_P(CacheContract, LockIsExclusiveUntilReleased) {
  const auto lock = key("locks:order:42");
  const auto token = cache_->try_acquire(lock, 30s);
  ASSERT_TRUE(token);
  EXPECT_EQ(token->value.size(), 32u);
  EXPECT_TRUE(cache_->exists(lock));
  EXPECT_EQ(cache_->try_acquire(lock, 30s), std::nullopt);

  EXPECT_FALSE(cache_->release(lock, LockToken{"forged"}));
  EXPECT_EQ(cache_->try_acquire(lock, 30s), std::nullopt);  // still held

  EXPECT_TRUE(cache_->release(lock, *token));
  EXPECT_FALSE(cache_->exists(lock));
  EXPECT_FALSE(cache_->release(lock, *token));  // releasing twice does nothing

  const auto again = cache_->try_acquire(lock, 30s);
  ASSERT_TRUE(again);
  EXPECT_NE(again->value, token->value);
}

TEST_P(CacheContract, ExpiredLockCanBeTakenAndTheStaleTokenCannotTouchIt) {
  const auto lock = key("locks:order:7");
  const auto stale = cache_->try_acquire(lock, short_ttl());
  ASSERT_TRUE(stale);
  let_pass(short_ttl());

  const auto fresh = cache_->try_acquire(lock, 1h);
  ASSERT_TRUE(fresh);
  EXPECT_NE(fresh->value, stale->value);

  EXPECT_FALSE(cache_->release(lock, *stale));
  EXPECT_FALSE(cache_->extend(lock, *stale, 1h));
  EXPECT_EQ(cache_->get(lock), fresh->value);  // the new holder keeps it
  EXPECT_EQ(cache_->try_acquire(lock, 1h), std::nullopt);

  EXPECT_TRUE(cache_->release(lock, *fresh));
  EXPECT_FALSE(cache_->exists(lock));
}

TEST_P(CacheContract, ExtendKeepsTheLockPastItsFirstTtl) {
  const auto lock = key("locks:order:9");
  const auto token = cache_->try_acquire(lock, short_ttl());
  ASSERT_TRUE(token);
  EXPECT_TRUE(cache_->extend(lock, *token, 1h));
  let_pass(short_ttl());
  EXPECT_EQ(cache_->try_acquire(lock, 1h), std::nullopt);
  EXPECT_TRUE(cache_->release(lock, *token));
}

TEST_P(CacheContract, ExtendOrReleaseOfAFreeLockFails) {
  const auto lock = key("locks:order:never");
  const LockToken made_up = new_lock_token();
  EXPECT_FALSE(cache_->extend(lock, made_up, 1h));
  EXPECT_FALSE(cache_->release(lock, made_up));
  EXPECT_FALSE(cache_->exists(lock));  // extend did not create it
}

TEST_P(CacheContract, ConcurrentAcquirersExactlyOneWins) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 20;
  std::vector<std::shared_ptr<Cache>> clients;
  for (int i = 0; i < kThreads; ++i) clients.push_back(another_client());

  for (int round = 0; round < kRounds; ++round) {
    const auto lock = key("locks:order:race-" + std::to_string(round));
    std::atomic<int> winners{0};
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i)
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        if (clients[static_cast<std::size_t>(i)]->try_acquire(lock, 1h)) ++winners;
      });
    for (auto& t : threads) t.join();
    EXPECT_EQ(winners.load(), 1) << "round " << round;
  }
}

TEST_P(CacheContract, ProgrammingErrorsAreRefusedAndChangeNothing) {
  const auto k = key("k");
  cache_->set(k, "v");
  EXPECT_THROW(cache_->set("", "v"), std::invalid_argument);
  EXPECT_THROW(cache_->get(""), std::invalid_argument);
  EXPECT_THROW(cache_->set(k, "w", Ttl{0}), std::invalid_argument);
  EXPECT_THROW(cache_->set(k, "w", Ttl{-5}), std::invalid_argument);
  EXPECT_THROW((void)cache_->try_acquire(k, Ttl{0}), std::invalid_argument);
  EXPECT_THROW((void)cache_->release(k, LockToken{}), std::invalid_argument);
  EXPECT_THROW((void)cache_->extend(k, LockToken{"x"}, Ttl{0}), std::invalid_argument);
  EXPECT_EQ(cache_->get(k), "v");
}

INSTANTIATE_TEST_SUITE_P(Backends, CacheContract, ::testing::Values("memory", "redis"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace dorado::cache
