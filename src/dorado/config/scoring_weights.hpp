#pragma once
// scoring_weights.yaml: how candidates are ranked before selection.
#include <optional>

namespace dorado::config {

struct ScoringWeights {
  // Premium-selling candidates; sum to 1.
  struct Options {
    double data_quality = 0;
    double credit_to_width = 0;
    double sr_alignment = 0;
    double dte_preference = 0;
    double spread_tightness = 0;
  } weights;

  // Dropped before scoring when any of these fails.
  struct Exclusions {
    std::optional<double> min_data_quality;  // 0..1
    std::optional<double> max_spread_pct;
    std::optional<int> min_open_interest;
    std::optional<double> min_credit_to_width;
  } exclusions;

  // Directional (FX, crypto) candidates; sum to 1.
  struct Directional {
    double reward_risk_atr = 0;
    double trend_strength = 0;
    double regime_confidence = 0;
  } directional_weights;
};

}  // namespace dorado::config
