#pragma once
// A seeded generator whose draws are the same on every platform and standard
// library (std::uniform_real_distribution is implementation-defined), so a
// seed names one training run everywhere.
#include <cstdint>
#include <random>

namespace dorado::regime {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Uniform index in [0, n), n > 0.
  std::size_t index(std::size_t n) {
    return std::min(n - 1, static_cast<std::size_t>(uniform() * static_cast<double>(n)));
  }

 private:
  std::mt19937_64 engine_;
};

// Independent, well-spread seeds for restart r of a run seeded `seed`.
constexpr std::uint64_t derived_seed(std::uint64_t seed, std::uint64_t r) {
  std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (r + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace dorado::regime
