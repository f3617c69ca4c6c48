#include "dorado/engine/scoring/directional_score.hpp"

#include <algorithm>

namespace dorado::engine {
namespace {

double clamp01(double x) {
  return std::clamp(x, 0.0, 1.0);
}

double scaled(double value, double floor, double full) {
  return full > floor ? clamp01((value - floor) / (full - floor)) : 0.0;
}

}  // namespace

double reward_risk_component(std::optional<double> reward_to_risk,
                             const ScoringSettings& settings) {
  if (!reward_to_risk || !(settings.reward_risk_full > 0.0)) return 0.0;
  return clamp01(*reward_to_risk / settings.reward_risk_full);
}

double trend_strength_component(const DirectionalScoringInput& input,
                                const ScoringSettings& settings) {
  const auto by_adx = [&] { return scaled(*input.adx, settings.adx_floor, settings.adx_full); };
  const auto by_hurst = [&] {
    return scaled(*input.hurst, settings.hurst_floor, settings.hurst_full);
  };
  if (input.trend_measure == TrendMeasure::Hurst) {
    if (input.hurst) return by_hurst();
    if (input.adx) return by_adx();
  } else {
    if (input.adx) return by_adx();
    if (input.hurst) return by_hurst();
  }
  return 0.0;
}

double regime_confidence_component(std::optional<double> regime_confidence) {
  return regime_confidence ? clamp01(*regime_confidence) : 0.0;
}

ScoringOutcome score_directional(const DirectionalScoringInput& input,
                                 const config::ScoringWeights& weights,
                                 const ScoringSettings& settings) {
  const auto& w = weights.directional_weights;
  ScoreCard card;
  const double reward_risk = reward_risk_component(input.reward_to_risk, settings);
  const double trend = trend_strength_component(input, settings);
  const double regime = regime_confidence_component(input.regime_confidence);
  card.components = {
      {"reward_risk_atr", reward_risk}, {"trend_strength", trend}, {"regime_confidence", regime}};
  card.score =
      w.reward_risk_atr * reward_risk + w.trend_strength * trend + w.regime_confidence * regime;
  return {std::move(card), std::nullopt};
}

}  // namespace dorado::engine
