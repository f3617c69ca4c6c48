#pragma once
// What scoring says about one candidate: either a score in [0, 1] with the
// components it was summed from (each in [0, 1], kept on the Candidate so a
// human can see why it ranked where it did), or an exclusion with its reason
// code, the measured numbers and a sentence ("short_call spread 23.5 % >
// 15 % max"). Exclusions are expected outcomes, returned, never thrown.
#include <map>
#include <optional>
#include <string>

#include "dorado/domain/candidate.hpp"
#include "dorado/domain/reason_code.hpp"

namespace dorado::engine {

struct ScoreCard {
  double score = 0.0;                        // sum of weight x component
  std::map<std::string, double> components;  // by the weight's name in scoring_weights.yaml

  friend bool operator==(const ScoreCard&, const ScoreCard&) = default;
};

struct ScoringExclusion {
  ReasonCode reason = ReasonCode::InternalError;
  std::map<std::string, double> measured;
  std::string sentence;

  friend bool operator==(const ScoringExclusion&, const ScoringExclusion&) = default;
};

// Exactly one of the two is set.
struct ScoringOutcome {
  std::optional<ScoreCard> card;
  std::optional<ScoringExclusion> exclusion;

  bool excluded() const { return exclusion.has_value(); }

  friend bool operator==(const ScoringOutcome&, const ScoringOutcome&) = default;
};

// Writes the outcome onto the candidate: score and components, or the
// exclusion's reason as the candidate's rejection (score 0, no components).
void apply_score(Candidate& candidate, const ScoringOutcome& outcome);

}  // namespace dorado::engine
