#pragma once
// After strikes are chosen the engine re-requests the legs' quotes before
// sending the order (PRD 3.1); when a leg's delta moved more than 0.02 the
// market has moved under the resolution and the template must be resolved
// again. Pure: compares the first resolution with a resolution made on the
// re-quoted chain, leg by leg (by role).
#include <string>
#include <vector>

#include "dorado/strategy/chain/chain_quality_limits.hpp"
#include "dorado/strategy/resolve/resolution.hpp"

namespace dorado::strategy {

struct LegDrift {
  std::string role;
  double strike_before = 0.0;
  double strike_after = 0.0;
  double delta_before = 0.0;
  double delta_after = 0.0;
  double moved = 0.0;  // |delta_after - delta_before|
};

struct RequoteDrift {
  std::vector<LegDrift> legs;
  bool needs_reresolve = false;
  std::string sentence;
};

// A leg missing from `requoted`, or struck elsewhere, also needs a fresh resolution.
RequoteDrift requote_drift(const ResolutionDetail& original, const ResolutionDetail& requoted,
                           const ChainQualityLimits& limits = {});

}  // namespace dorado::strategy
