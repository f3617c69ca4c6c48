#include "dorado/regime/walk_forward.hpp"

#include <stdexcept>

#include "dorado/regime/macro_regime_filter.hpp"

namespace dorado::regime {

namespace {

bool new_month(Date before, Date day) {
  return before.year() != day.year() || before.month() != day.month();
}

Eigen::VectorXd day_row(const FeatureHistory& history, std::size_t day) {
  return history.values.row(static_cast<Eigen::Index>(day)).transpose();
}

// Warms a filter on days [0, from) and returns the readings of [from, to).
std::vector<MacroRegimeReading> run_filter(const MacroRegimeModel& model,
                                           const FeatureHistory& history, std::size_t from,
                                           std::size_t to) {
  MacroRegimeFilter filter(model);
  for (std::size_t day = 0; day < from; ++day)
    filter.update(history.dates[day], day_row(history, day));
  std::vector<MacroRegimeReading> out;
  out.reserve(to - from);
  for (std::size_t day = from; day < to; ++day)
    out.push_back(filter.update(history.dates[day], day_row(history, day)));
  return out;
}

}  // namespace

void RetrainSchedule::validate() const {
  if (min_training_days < 1)
    throw std::invalid_argument("retrain schedule: min_training_days must be at least 1");
  if (months_between < 1)
    throw std::invalid_argument("retrain schedule: months_between must be at least 1");
}

std::vector<std::size_t> retrain_days(const std::vector<Date>& dates,
                                      const RetrainSchedule& schedule) {
  schedule.validate();
  std::vector<std::size_t> out;
  std::size_t boundaries_since = 0;
  for (std::size_t day = std::max<std::size_t>(schedule.min_training_days, 1); day < dates.size();
       ++day) {
    if (!new_month(dates[day - 1], dates[day])) continue;
    if (out.empty() || ++boundaries_since == schedule.months_between) {
      out.push_back(day);
      boundaries_since = 0;
    }
  }
  return out;
}

WalkForwardRun walk_forward(const FeatureHistory& history, const MacroModelConfig& config,
                            const RetrainSchedule& schedule, const MacroRegimeModel* previous) {
  history.validate();
  config.validate();
  const auto days = retrain_days(history.dates, schedule);
  WalkForwardRun run;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::size_t from = days[i];
    const std::size_t to = i + 1 < days.size() ? days[i + 1] : history.days();
    const MacroRegimeModel* prior = run.latest ? &*run.latest : previous;
    MacroRegimeModel model = train_macro_model(history.head(from), config, prior);
    auto readings = run_filter(model, history, from, to);
    run.readings.insert(run.readings.end(), readings.begin(), readings.end());
    run.retrains.push_back(
        {history.dates[from], model.version, model.window, model.state_names, model.metrics});
    run.latest = std::move(model);
  }
  return run;
}

std::vector<MacroRegimeReading> readings_after_training(const MacroRegimeModel& model,
                                                        const FeatureHistory& history) {
  history.validate();
  if (history.names != model.feature_names)
    throw std::invalid_argument(
        "readings_after_training: the history's features differ from the model's");
  return run_filter(model, history, history.days_through(model.window.last), history.days());
}

}  // namespace dorado::regime
