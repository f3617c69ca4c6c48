#pragma once
// The hidden macro regime of the synthetic market: a Markov chain stepping
// once per NYSE trading day. The true path is kept so regime models can be
// scored against it.
//
// Transition matrix (rows: from, columns: to, per trading day). The diagonal
// is 1 - 1/d for the expected duration d in trading days; the rest of each row
// splits 1/d over the plausible successors:
//
//   from \ to    risk_on goldilocks transition risk_off crisis recovery   d
//   risk_on         .    0.40/d     0.50/d     0.10/d     -       -     150
//   goldilocks    0.50/d    .       0.50/d       -        -       -     120
//   transition    0.25/d  0.20/d      .        0.45/d   0.10/d    -      40
//   risk_off        -       -       0.30/d       .      0.25/d  0.45/d   60
//   crisis          -       -         -        0.25/d     .     0.75/d   35
//   recovery      0.50/d  0.30/d    0.20/d       -        -       .      70
//
// Calm regimes last half a year or so; transitions are short; a crisis lasts
// about seven weeks and ends in recovery three times out of four. The
// stationary mix is roughly 38 % risk_on, 25 % goldilocks, 13 % transition,
// 11 % risk_off, 3 % crisis, 10 % recovery (see stationary_distribution()).
#include <array>
#include <cstddef>
#include <vector>

#include "dorado/data/synthetic/random_stream.hpp"
#include "dorado/domain/regime.hpp"

namespace dorado::data::synthetic {

inline constexpr std::size_t kRegimeCount = 6;

using TransitionMatrix = std::array<std::array<double, kRegimeCount>, kRegimeCount>;

constexpr std::size_t regime_index(MacroRegime r) {
  return static_cast<std::size_t>(r);
}

class RegimeChain {
 public:
  // The documented matrix above.
  RegimeChain();
  // Any row-stochastic matrix; throws std::invalid_argument naming the bad row
  // (negative entry, or a row not summing to 1 within 1e-12).
  explicit RegimeChain(const TransitionMatrix& matrix);

  const TransitionMatrix& matrix() const { return matrix_; }
  double probability(MacroRegime from, MacroRegime to) const {
    return matrix_[regime_index(from)][regime_index(to)];
  }
  // Expected days in a regime once entered: 1 / (1 - p_stay).
  double expected_duration(MacroRegime r) const;
  // The long-run share of days in each regime (power iteration).
  std::array<double, kRegimeCount> stationary_distribution() const;

  // One step: a single uniform draw picks the next regime by inverse CDF
  // over the row, in the order of MacroRegime.
  MacroRegime next(MacroRegime from, RandomStream& stream) const;
  // `days` regimes starting with `first` (first is the path's day 0).
  std::vector<MacroRegime> simulate(MacroRegime first, std::size_t days,
                                    RandomStream& stream) const;

 private:
  TransitionMatrix matrix_;
};

}  // namespace dorado::data::synthetic
