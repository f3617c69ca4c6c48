#pragma once
// The outcome of one gate for one underlying: a value, never an exception
// (DESIGN.md section 5.1). Measured values are kept by name so that the
// journal shows why ("iv_rank": 18, "min_iv_rank": 30), and the sentence
// says it for a human ("IV rank 18 < 30 min"). std::map keeps the names in a
// fixed order, so the journal is byte-identical from run to run.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "dorado/domain/reason_code.hpp"

namespace dorado {

struct GateResult {
  std::string gate;  // e.g. "iv_rank", "regime", "adx"
  bool passed = false;
  std::optional<ReasonCode> reason;  // set exactly when the gate failed
  std::map<std::string, double> measured;
  std::string sentence;

  static GateResult pass(std::string gate, std::map<std::string, double> measured,
                         std::string sentence) {
    return GateResult{std::move(gate), true, std::nullopt, std::move(measured),
                      std::move(sentence)};
  }
  // Throws std::logic_error if `reason` is not a failure code (e.g. `selected`).
  static GateResult fail(std::string gate, ReasonCode reason,
                         std::map<std::string, double> measured, std::string sentence) {
    if (!is_failure(reason))
      throw std::logic_error("gate " + gate + " failed with '" + std::string(name_of(reason)) +
                             "', which is not a failure reason");
    return GateResult{std::move(gate), false, reason, std::move(measured), std::move(sentence)};
  }

  friend bool operator==(const GateResult&, const GateResult&) = default;
};

}  // namespace dorado
