#include "dorado/data/synthetic/regime_chain.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::data::synthetic {
namespace {

// Expected duration and the exit split of each row, in MacroRegime order.
struct RegimeRow {
  double duration;
  std::array<double, kRegimeCount> exit_share;
};

constexpr std::array<RegimeRow, kRegimeCount> kRows{{
    {150.0, {0.0, 0.40, 0.50, 0.10, 0.0, 0.0}},  // risk_on
    {120.0, {0.50, 0.0, 0.50, 0.0, 0.0, 0.0}},   // goldilocks
    {40.0, {0.25, 0.20, 0.0, 0.45, 0.10, 0.0}},  // transition
    {60.0, {0.0, 0.0, 0.30, 0.0, 0.25, 0.45}},   // risk_off
    {35.0, {0.0, 0.0, 0.0, 0.25, 0.0, 0.75}},    // crisis
    {70.0, {0.50, 0.30, 0.20, 0.0, 0.0, 0.0}},   // recovery
}};

TransitionMatrix documented_matrix() {
  TransitionMatrix m{};
  for (std::size_t from = 0; from < kRegimeCount; ++from) {
    const double leave = 1.0 / kRows[from].duration;
    for (std::size_t to = 0; to < kRegimeCount; ++to) {
      m[from][to] = from == to ? 1.0 - leave : leave * kRows[from].exit_share[to];
    }
  }
  return m;
}

}  // namespace

RegimeChain::RegimeChain() : RegimeChain(documented_matrix()) {}

RegimeChain::RegimeChain(const TransitionMatrix& matrix) : matrix_(matrix) {
  for (std::size_t from = 0; from < kRegimeCount; ++from) {
    double sum = 0.0;
    for (const double p : matrix_[from]) {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw std::invalid_argument("transition matrix row " +
                                    std::string(name_of(static_cast<MacroRegime>(from))) +
                                    " has an entry outside [0, 1]");
      }
      sum += p;
    }
    if (std::fabs(sum - 1.0) > 1e-12) {
      throw std::invalid_argument("transition matrix row " +
                                  std::string(name_of(static_cast<MacroRegime>(from))) +
                                  " sums to " + std::to_string(sum) + ", not 1");
    }
  }
}

double RegimeChain::expected_duration(MacroRegime r) const {
  return 1.0 / (1.0 - probability(r, r));
}

std::array<double, kRegimeCount> RegimeChain::stationary_distribution() const {
  std::array<double, kRegimeCount> pi{};
  pi.fill(1.0 / kRegimeCount);
  for (int iteration = 0; iteration < 200000; ++iteration) {
    std::array<double, kRegimeCount> next{};
    for (std::size_t from = 0; from < kRegimeCount; ++from) {
      for (std::size_t to = 0; to < kRegimeCount; ++to) next[to] += pi[from] * matrix_[from][to];
    }
    double change = 0.0;
    for (std::size_t i = 0; i < kRegimeCount; ++i) change += std::fabs(next[i] - pi[i]);
    pi = next;
    if (change < 1e-15) break;
  }
  return pi;
}

MacroRegime RegimeChain::next(MacroRegime from, RandomStream& stream) const {
  const double u = stream.uniform();
  const auto& row = matrix_[regime_index(from)];
  double cumulative = 0.0;
  for (std::size_t to = 0; to < kRegimeCount; ++to) {
    cumulative += row[to];
    if (u < cumulative) return static_cast<MacroRegime>(to);
  }
  return from;  // u beyond the row's rounded sum: stay
}

std::vector<MacroRegime> RegimeChain::simulate(MacroRegime first, std::size_t days,
                                               RandomStream& stream) const {
  std::vector<MacroRegime> path;
  path.reserve(days);
  if (days == 0) return path;
  path.push_back(first);
  while (path.size() < days) path.push_back(next(path.back(), stream));
  return path;
}

}  // namespace dorado::data::synthetic
