#pragma once
// A risk check's outcome is the same value as a gate's (domain GateResult): the
// check's name, pass or fail, the reason code when it failed, the measured
// numbers by name and a sentence for a human ("max loss 2,450 USD > 2,000 USD
// (2 % of 100,000)"). One type means the journal, the CLI and the approval
// payload show gates and risk checks alike.
#include <vector>

#include "dorado/domain/gate_result.hpp"

namespace dorado::risk {

using CheckResult = GateResult;

inline std::vector<CheckResult> failures_of(const std::vector<CheckResult>& checks) {
  std::vector<CheckResult> out;
  for (const auto& c : checks)
    if (!c.passed) out.push_back(c);
  return out;
}

inline bool all_passed(const std::vector<CheckResult>& checks) {
  for (const auto& c : checks)
    if (!c.passed) return false;
  return true;
}

}  // namespace dorado::risk
