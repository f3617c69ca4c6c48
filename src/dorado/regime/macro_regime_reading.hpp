#pragma once
// One day's output of the macro Regime Radar.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "dorado/domain/regime.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::regime {

// Indexed by MacroRegime (risk_on, goldilocks, transition, risk_off, crisis,
// recovery); a regime the model has no state for stays 0.
using RegimeProbabilities = std::array<double, 6>;

struct FeatureImportance {
  std::string feature;
  double share = 0.0;  // shares of one reading sum to 1
};

struct MacroRegimeReading {
  Date date{};
  MacroRegime regime = MacroRegime::Transition;  // the leading filtered regime
  RegimeProbabilities probabilities{};           // filtered, as of the close of `date`
  double confidence = 0.0;                       // = probabilities[regime]
  // probabilities - those of 3 readings earlier (of the first reading while
  // fewer than 3 came before; zeros on the first).
  RegimeProbabilities trend_3d{};
  bool transition_alert = false;
  std::string alert_reason;                    // empty without an alert
  std::vector<FeatureImportance> importances;  // largest share first
};

inline double probability_of(const RegimeProbabilities& p, MacroRegime r) {
  return p[static_cast<std::size_t>(r)];
}

}  // namespace dorado::regime
