#pragma once
// A concrete trade proposal produced by the scan for one bot and underlying:
// the legs, what it pays or costs, how bad it can get, how it scored (with
// the components, so a human can see why), every gate it went through, and
// the hash of the configuration that produced it (so a decision can be
// traced to the exact config).
//
// Money figures are per one unit of the structure (one iron condor), in cash
// (multiplier applied); sizing decides how many units.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/gate_result.hpp"
#include "dorado/domain/leg.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/reason_code.hpp"
#include "dorado/domain/time.hpp"

namespace dorado {

struct Candidate {
  std::string bot_id;
  std::string underlying;
  std::string strategy;  // template name, e.g. "iron_condor"
  std::vector<Leg> legs;
  // Positive: a net credit received (an iron condor sold for 1.60 -> 160.00).
  // Negative: a net debit paid.
  Money net_credit;
  // The most the structure can lose, positive (a 10-wide condor for 1.60 -> 840.00).
  Money max_loss;
  double score = 0.0;
  std::map<std::string, double> score_components;
  std::vector<GateResult> gate_results;
  // Set when the candidate was not selected: the first reason that stopped it.
  std::optional<ReasonCode> rejection;
  std::string config_hash;
  Timestamp as_of{};

  bool is_credit() const { return net_credit.is_positive(); }
  bool is_rejected() const { return rejection.has_value(); }
  bool passed_all_gates() const {
    return std::all_of(gate_results.begin(), gate_results.end(),
                       [](const GateResult& g) { return g.passed; });
  }
  // The first failed gate in cascade order, if any.
  const GateResult* first_failed_gate() const {
    const auto it = std::find_if(gate_results.begin(), gate_results.end(),
                                 [](const GateResult& g) { return !g.passed; });
    return it == gate_results.end() ? nullptr : &*it;
  }
  // Credit (or debit) per unit of maximum loss; nullopt when max loss is not positive.
  std::optional<double> reward_to_risk() const {
    if (!max_loss.is_positive()) return std::nullopt;
    return net_credit.to_double() / max_loss.to_double();
  }

  friend bool operator==(const Candidate&, const Candidate&) = default;
};

}  // namespace dorado
