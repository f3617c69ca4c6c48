#pragma once
// Scoring of directional candidates (FX and crypto momentum): three
// components in [0, 1], summed with `directional_weights` of
// scoring_weights.yaml. clamp01(x) = min(max(x, 0), 1).
//
//   reward_risk_atr    r = target distance / stop distance (both in ATR
//                      multiples from the entry); clamp01(r / reward_risk_full)
//                      (3:1 scores 1); no target scores 0.
//   trend_strength     the template's own trend measure: Hurst when its
//                      signal has hurst_entry_min (crypto),
//                      clamp01((H - hurst_floor) / (hurst_full - hurst_floor))
//                      (0.5, a random walk, scores 0; 0.7 scores 1); else ADX,
//                      clamp01((ADX - adx_floor) / (adx_full - adx_floor))
//                      (20 scores 0, 40 scores 1); the other measure when the
//                      template's own is missing; 0 when both are.
//   regime_confidence  the published regime's probability of its label when
//                      the regime gate checked a fresh reading; 0 under the
//                      allow-all fallback (no regime vouches for the trade).
//
// Directional candidates have no exclusions of their own here: the resolver
// rejects a missing ATR or a funding rate against the trade, the risk checks
// the size.
#include <optional>

#include "dorado/config/scoring_weights.hpp"
#include "dorado/engine/scoring/score_card.hpp"
#include "dorado/engine/scoring/scoring_settings.hpp"

namespace dorado::engine {

enum class TrendMeasure { Adx, Hurst };

struct DirectionalScoringInput {
  std::optional<double> reward_to_risk;
  std::optional<double> adx;
  std::optional<double> hurst;
  TrendMeasure trend_measure = TrendMeasure::Adx;
  std::optional<double> regime_confidence;  // nullopt under allow-all

  friend bool operator==(const DirectionalScoringInput&, const DirectionalScoringInput&) = default;
};

double reward_risk_component(std::optional<double> reward_to_risk,
                             const ScoringSettings& settings = {});
double trend_strength_component(const DirectionalScoringInput& input,
                                const ScoringSettings& settings = {});
double regime_confidence_component(std::optional<double> regime_confidence);

ScoringOutcome score_directional(const DirectionalScoringInput& input,
                                 const config::ScoringWeights& weights,
                                 const ScoringSettings& settings = {});

}  // namespace dorado::engine
