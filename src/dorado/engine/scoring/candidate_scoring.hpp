#pragma once
// Scoring of what the resolver produced: reads the figures of a
// ResolvedCandidate (legs with their quotes and greeks, tier-2 option
// figures, tier-3 pipeline figures, momentum figures) into the scoring
// inputs and scores them with premium_score.hpp or directional_score.hpp.
// The template variant is the one the resolver used (detail.regime).
#include <optional>

#include "dorado/config/scoring_weights.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/engine/scoring/directional_score.hpp"
#include "dorado/engine/scoring/premium_score.hpp"
#include "dorado/engine/scoring/score_card.hpp"
#include "dorado/engine/scoring/scoring_settings.hpp"
#include "dorado/strategy/gates/gate_cascade.hpp"
#include "dorado/strategy/resolve/resolution.hpp"

namespace dorado::engine {

// `strategy` is the template as loaded (with its regime variants).
PremiumScoringInput premium_scoring_input(const strategy::ResolvedCandidate& resolved,
                                          const config::StrategyTemplate& strategy,
                                          const ScoringSettings& settings = {});
DirectionalScoringInput directional_scoring_input(const strategy::ResolvedCandidate& resolved,
                                                  const config::StrategyTemplate& strategy,
                                                  std::optional<double> regime_confidence);

// The confidence of the regime the cascade checked; nullopt under allow-all
// or when the regime stage did not run.
std::optional<double> regime_confidence_of(const strategy::GateCascadeResult& cascade);

// Premium or directional by the resolution (option figures or momentum figures).
ScoringOutcome score_candidate(const strategy::ResolvedCandidate& resolved,
                               const config::StrategyTemplate& strategy,
                               const config::ScoringWeights& weights,
                               std::optional<double> regime_confidence,
                               const ScoringSettings& settings = {});

}  // namespace dorado::engine
