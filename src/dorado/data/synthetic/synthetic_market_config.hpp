#pragma once
// Everything that decides the synthetic market. The same config (seed
// included) gives byte-identical series and chains.
#include <chrono>
#include <cstdint>

#include "dorado/domain/regime.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::data::synthetic {

// Rates at which option chains are spoiled the way real venue chains are
// (DESIGN.md 5.3). Each spoiled contract or expiration is recorded, so tests
// can check that the chain validation finds exactly these.
struct ChainProblemRates {
  double missing_greeks = 0.01;       // per contract: delta, gamma, theta, vega and IV absent
  double stale_greeks = 0.02;         // per contract: greeks of the previous session's close
  double zero_bids = 0.01;            // per contract that had a bid: bid forced to 0
  double partial_expirations = 0.03;  // per expiration: a block of strikes missing

  static ChainProblemRates none() { return {0.0, 0.0, 0.0, 0.0}; }
};

struct SyntheticMarketConfig {
  std::uint64_t seed = 42;
  // Inclusive; both inside the NYSE calendar's coverage (2000-2035).
  Date first_day{std::chrono::year{2005}, std::chrono::January, std::chrono::day{1}};
  Date last_day{std::chrono::year{2024}, std::chrono::December, std::chrono::day{31}};
  MacroRegime initial_regime = MacroRegime::Goldilocks;
  // Continuously compounded, for option pricing.
  double risk_free_rate = 0.02;
  ChainProblemRates chain_problems{};
};

}  // namespace dorado::data::synthetic
