#include "dorado/data/sources/backoff.hpp"

#include <gtest/gtest.h>

#include "source_test_support.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono_literals;

TEST(Backoff, WithoutJitterDoublesUpToTheMaximum) {
  Backoff backoff({.initial = 250ms, .max = 1500ms, .jitter = 0.0, .seed = 1});
  EXPECT_EQ(backoff.wait_before_retry(0), 250ms);
  EXPECT_EQ(backoff.wait_before_retry(1), 500ms);
  EXPECT_EQ(backoff.wait_before_retry(2), 1000ms);
  EXPECT_EQ(backoff.wait_before_retry(3), 1500ms);
  EXPECT_EQ(backoff.wait_before_retry(200), 1500ms);  // no overflow
}

TEST(Backoff, JitterStaysWithinItsBandAndIsSeeded) {
  const BackoffPolicy policy{.initial = 1000ms, .max = 60'000ms, .jitter = 0.5, .seed = 42};
  Backoff a(policy), b(policy);
  auto other_seed = policy;
  other_seed.seed = 43;
  Backoff c(other_seed);
  bool differs = false;
  for (int retry = 0; retry < 6; ++retry) {
    const auto base = std::chrono::milliseconds{1000 << retry};
    const auto wait = a.wait_before_retry(retry);
    EXPECT_GE(wait, base / 2) << retry;
    EXPECT_LE(wait, base) << retry;
    EXPECT_EQ(wait, b.wait_before_retry(retry)) << "same seed, same waits";
    differs = differs || wait != c.wait_before_retry(retry);
  }
  EXPECT_TRUE(differs);
}

TEST(RetryAfter, SecondsAndHttpDates) {
  const Timestamp now = test::test_now();  // Wed, 10 Jul 2024 12:00:00 GMT
  EXPECT_EQ(parse_retry_after("120", now), 120'000ms);
  EXPECT_EQ(parse_retry_after(" 0 ", now), 0ms);
  EXPECT_EQ(parse_retry_after("Wed, 10 Jul 2024 12:00:05 GMT", now), 5000ms);
  EXPECT_EQ(parse_retry_after("Wednesday, 10-Jul-24 12:01:00 GMT", now), 60'000ms);  // RFC 850
  EXPECT_EQ(parse_retry_after("Wed Jul 10 12:00:30 2024", now), 30'000ms);           // asctime
  EXPECT_EQ(parse_retry_after("Tue, 09 Jul 2024 12:00:00 GMT", now), 0ms);           // in the past
  EXPECT_EQ(parse_retry_after("-5", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("", now), std::nullopt);
}

}  // namespace
}  // namespace dorado::data
