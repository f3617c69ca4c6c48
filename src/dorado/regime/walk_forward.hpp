#pragma once
// Expanding-window retraining on a monthly schedule, inferring out of sample.
//
// A retrain happens on the first trading day of a month once at least
// `min_training_days` days precede it, then on the first trading day of every
// `months_between`-th month after that. The model retrained on day r sees
// days [0, r) only (day r's features close after the decision to retrain) and
// produces the readings of days r .. next retrain - 1. Each new model
// inherits state names from the one before (regime_naming.hpp), and its
// filter is first run over the days it was trained on, so probabilities,
// trends and alerts continue without a cold start.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dorado/regime/feature_history.hpp"
#include "dorado/regime/macro_regime_model.hpp"
#include "dorado/regime/macro_regime_reading.hpp"

namespace dorado::regime {

struct RetrainSchedule {
  std::size_t min_training_days = 504;  // two years
  std::size_t months_between = 1;
  void validate() const;  // both at least 1; throws std::invalid_argument
};

// The day indices at which retrains happen.
std::vector<std::size_t> retrain_days(const std::vector<Date>& dates,
                                      const RetrainSchedule& schedule);

struct RetrainRecord {
  Date effective{};  // first day inferred by this model
  std::string version;
  TrainingWindow window;
  std::vector<MacroRegime> state_names;
  ModelMetrics metrics;
};

struct WalkForwardRun {
  std::vector<MacroRegimeReading> readings;  // every day from the first retrain on
  std::vector<RetrainRecord> retrains;
  std::optional<MacroRegimeModel> latest;  // empty when no retrain was due
};

// `previous` (optional) names the first model's states.
WalkForwardRun walk_forward(const FeatureHistory& history, const MacroModelConfig& config,
                            const RetrainSchedule& schedule,
                            const MacroRegimeModel* previous = nullptr);

// Out-of-sample readings of every day after `model.window.last`; the filter
// first runs over the days up to it. (`regime update --train-to DATE`.)
std::vector<MacroRegimeReading> readings_after_training(const MacroRegimeModel& model,
                                                        const FeatureHistory& history);

}  // namespace dorado::regime
