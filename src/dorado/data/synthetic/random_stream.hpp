#pragma once
// The synthetic market's only source of randomness. Byte-identical output
// for a seed needs a generator whose sequence is fixed by the standard
// (std::mt19937_64 is) and transformations we own: std::uniform_real_distribution
// and std::normal_distribution are implementation-defined, so they are not used.
//
// uniform(): the top 53 bits of one 64-bit draw, centred in its cell, so the
// result lies strictly inside (0, 1).
// normal(): the inverse normal CDF of one uniform (Wichura 1988, algorithm
// AS241 PPND16, relative accuracy about 1e-16). One draw per normal keeps the
// stream position predictable. The transform uses std::log and std::sqrt;
// sqrt is exact under IEEE 754 and glibc's log is accurate to below one ulp,
// so results agree bit for bit wherever the same libm runs.
#include <cstdint>
#include <random>
#include <string_view>

namespace dorado::data::synthetic {

class RandomStream {
 public:
  explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next_u64() { return engine_(); }
  double uniform();
  double normal();
  // True with probability p (p outside [0, 1] is clamped).
  bool bernoulli(double p) { return uniform() < p; }
  // An integer in [0, n), n > 0, by rejection so there is no modulo bias.
  std::uint64_t below(std::uint64_t n);

 private:
  std::mt19937_64 engine_;
};

// SplitMix64 finaliser: a well-mixed 64-bit function of its input.
std::uint64_t mix64(std::uint64_t x);
// An independent seed for a named sub-stream ("bars", "chain:SPY:2024-03-15"):
// FNV-1a of the tag mixed with the master seed, so a stream never depends on
// the order in which other streams were used.
std::uint64_t derive_seed(std::uint64_t master_seed, std::string_view tag);

// The standard normal quantile function (AS241 PPND16); p in (0, 1).
double inverse_normal_cdf(double p);

}  // namespace dorado::data::synthetic
