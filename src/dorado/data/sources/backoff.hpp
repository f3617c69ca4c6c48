#pragma once
// How long to wait before the next attempt. Exponential backoff with jitter
// drawn from a seeded generator, so a test (and a replayed run) sees the same
// waits for the same seed, while concurrent fetchers still spread out.
//
// Retry-After is the server telling us exactly when to come back (seconds, or
// an HTTP-date); it replaces the computed backoff.
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>

#include "dorado/domain/time.hpp"

namespace dorado::data {

struct BackoffPolicy {
  std::chrono::milliseconds initial{500};
  std::chrono::milliseconds max{30'000};
  // Each wait is drawn from [base * (1 - jitter), base]; 0 gives exact doubling.
  double jitter = 0.5;
  std::uint64_t seed = 0x5EED'D0AD'0000'0001ULL;
};

class Backoff {
 public:
  explicit Backoff(BackoffPolicy policy);

  // The wait after the `retry`-th failure (0 for the first): min(max, initial * 2^retry),
  // shrunk by the jitter factor.
  std::chrono::milliseconds wait_before_retry(int retry);

 private:
  BackoffPolicy policy_;
  std::mt19937_64 generator_;
};

// The wait a Retry-After header asks for, relative to `now`: "120" -> 120 s;
// "Wed, 21 Oct 2015 07:28:00 GMT" -> that instant minus now (0 if already past).
// nullopt when the value is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, Timestamp now);

}  // namespace dorado::data
