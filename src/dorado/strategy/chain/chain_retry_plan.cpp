#include "dorado/strategy/chain/chain_retry_plan.hpp"

#include <stdexcept>

namespace dorado::strategy {

ChainRetryStep ChainRetryPlan::after_failure(int failures, Timestamp failed_at,
                                             const std::string& why) {
  if (failures < 1)
    throw std::invalid_argument("chain retry plan: failures must be at least 1, got " +
                                std::to_string(failures));
  ChainRetryStep step;
  step.failures = failures;
  step.alert = failures == kAlertAfter;
  const auto index = static_cast<std::size_t>(failures - 1);
  if (index < kDelays.size()) {
    step.retry_at = failed_at + kDelays[index];
    step.sentence = "chain check failed " + std::to_string(failures) + " time" +
                    (failures == 1 ? "" : "s") + " (" + why + "); retrying in " +
                    std::to_string(kDelays[index].count()) + " s" +
                    (step.alert ? ", trader alerted" : "");
  } else {
    step.give_up = ReasonCode::ChainRetriesExhausted;
    step.sentence = "chain check failed " + std::to_string(failures) + " times (" + why +
                    "); giving up on this underlying for the scan";
  }
  return step;
}

}  // namespace dorado::strategy
