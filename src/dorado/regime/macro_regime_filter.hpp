#pragma once
// The daily macro regime reading from a trained model, one day at a time:
// raw features -> scaler -> PCA -> online HMM filter (hmm_filter.hpp). Only
// filtered probabilities are used, so a reading never depends on later days.
//
// Transition alert rule (thresholds from the model's TransitionAlertRule):
//  - the leading regime differs from the previous reading's, or
//  - the leading probability is below `confidence_floor` (0.6) while another
//    regime's probability rose by at least `rise` (0.15) over the 3-day trend.
// The reason names the regimes and the numbers.
#include <Eigen/Dense>
#include <deque>
#include <optional>

#include "dorado/regime/hmm_filter.hpp"
#include "dorado/regime/macro_regime_model.hpp"
#include "dorado/regime/macro_regime_reading.hpp"

namespace dorado::regime {

class MacroRegimeFilter {
 public:
  explicit MacroRegimeFilter(MacroRegimeModel model);

  // `raw_features` in the model's feature order. Throws std::invalid_argument
  // for a wrong size, a non-finite value or a date not after the previous
  // one; the filter is unchanged then.
  MacroRegimeReading update(Date date, const Eigen::VectorXd& raw_features);

  const MacroRegimeModel& model() const { return model_; }
  // Filtered probabilities per HMM state after the last update.
  const Eigen::VectorXd& state_probabilities() const { return filter_.probabilities(); }
  std::size_t days() const { return filter_.observations(); }

 private:
  RegimeProbabilities by_regime(const Eigen::VectorXd& state_probabilities) const;

  MacroRegimeModel model_;
  HmmFilter filter_;
  std::deque<RegimeProbabilities> recent_;  // up to the last 3 readings, oldest first
  std::optional<MacroRegime> previous_leader_;
  std::optional<Date> previous_date_;
  std::vector<FeatureImportance> importances_;
};

}  // namespace dorado::regime
