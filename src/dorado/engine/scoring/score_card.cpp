#include "dorado/engine/scoring/score_card.hpp"

namespace dorado::engine {

void apply_score(Candidate& candidate, const ScoringOutcome& outcome) {
  if (outcome.card) {
    candidate.score = outcome.card->score;
    candidate.score_components = outcome.card->components;
    return;
  }
  candidate.score = 0.0;
  candidate.score_components.clear();
  if (outcome.exclusion) candidate.rejection = outcome.exclusion->reason;
}

}  // namespace dorado::engine
