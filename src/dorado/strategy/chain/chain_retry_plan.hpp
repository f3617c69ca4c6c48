#pragma once
// What to do after an option chain failed validation (missing greeks, a
// partial chain, stale greeks, no chain at all), PRD 3.1: retry after 60 s,
// then 120 s, then 300 s; the third failure also alerts the trader; a fourth
// failure gives up on the underlying for this scan (chain_retries_exhausted).
// A pure value: the engine counts failures per underlying and applies it.
#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "dorado/domain/reason_code.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::strategy {

struct ChainRetryStep {
  int failures = 0;                   // validations failed so far, this one included
  std::optional<Timestamp> retry_at;  // nullopt: no more retries
  bool alert = false;                 // tell the trader now
  std::optional<ReasonCode> give_up;  // set with retry_at unset: chain_retries_exhausted
  std::string sentence;
};

class ChainRetryPlan {
 public:
  static constexpr std::array<std::chrono::seconds, 3> kDelays{
      std::chrono::seconds{60}, std::chrono::seconds{120}, std::chrono::seconds{300}};
  // The failure after which the trader is alerted.
  static constexpr int kAlertAfter = 3;

  // `failures` counts this failure (1 for the first); `failed_at` is when it
  // happened; `why` is the defect's sentence, repeated in the step's.
  // Throws std::invalid_argument when failures < 1.
  static ChainRetryStep after_failure(int failures, Timestamp failed_at, const std::string& why);
};

}  // namespace dorado::strategy
