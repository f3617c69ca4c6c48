#include "dorado/regime/macro_regime_filter.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace dorado::regime {

namespace {

std::string percent(double p) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", p);
  return text;
}

}  // namespace

MacroRegimeFilter::MacroRegimeFilter(MacroRegimeModel model)
    : model_(std::move(model)), filter_(model_.hmm) {
  for (std::size_t f = 0; f < model_.feature_names.size(); ++f)
    importances_.push_back(
        {model_.feature_names[f], model_.feature_importance[static_cast<Eigen::Index>(f)]});
  std::stable_sort(importances_.begin(), importances_.end(),
                   [](const auto& a, const auto& b) { return a.share > b.share; });
}

RegimeProbabilities MacroRegimeFilter::by_regime(const Eigen::VectorXd& p) const {
  RegimeProbabilities out{};
  for (std::size_t k = 0; k < model_.state_names.size(); ++k)
    out[static_cast<std::size_t>(model_.state_names[k])] += p[static_cast<Eigen::Index>(k)];
  return out;
}

MacroRegimeReading MacroRegimeFilter::update(Date date, const Eigen::VectorXd& raw_features) {
  if (previous_date_ && !(*previous_date_ < date))
    throw std::invalid_argument("MacroRegimeFilter: " + to_iso_date(date) +
                                " is not after the previous reading's " +
                                to_iso_date(*previous_date_));
  if (raw_features.size() != static_cast<Eigen::Index>(model_.feature_names.size()))
    throw std::invalid_argument("MacroRegimeFilter: expected " +
                                std::to_string(model_.feature_names.size()) + " features, got " +
                                std::to_string(raw_features.size()));
  if (!raw_features.allFinite())
    throw std::invalid_argument("MacroRegimeFilter: features of " + to_iso_date(date) +
                                " must be finite");
  const Eigen::VectorXd& p = filter_.update(model_.project_row(raw_features));

  MacroRegimeReading reading;
  reading.date = date;
  reading.probabilities = by_regime(p);
  const auto leader = std::max_element(reading.probabilities.begin(), reading.probabilities.end());
  reading.regime = static_cast<MacroRegime>(leader - reading.probabilities.begin());
  reading.confidence = *leader;
  const RegimeProbabilities& base = recent_.empty() ? reading.probabilities : recent_.front();
  for (std::size_t r = 0; r < reading.probabilities.size(); ++r)
    reading.trend_3d[r] = reading.probabilities[r] - base[r];

  const auto& rule = model_.config.alert;
  if (previous_leader_ && *previous_leader_ != reading.regime) {
    reading.transition_alert = true;
    reading.alert_reason = "leading regime changed from " +
                           std::string(name_of(*previous_leader_)) + " to " +
                           std::string(name_of(reading.regime));
  } else if (reading.confidence < rule.confidence_floor) {
    const auto leading = static_cast<std::size_t>(reading.regime);
    std::size_t riser = leading == 0 ? 1 : 0;
    for (std::size_t r = 0; r < reading.trend_3d.size(); ++r)
      if (r != leading && reading.trend_3d[r] > reading.trend_3d[riser]) riser = r;
    const auto rising = static_cast<MacroRegime>(riser);
    if (reading.trend_3d[riser] >= rule.rise) {
      reading.transition_alert = true;
      reading.alert_reason = std::string(name_of(reading.regime)) + " at " +
                             percent(reading.confidence) + " while " +
                             std::string(name_of(rising)) + " rose " +
                             percent(reading.trend_3d[riser]) + " over 3 days";
    }
  }
  reading.importances = importances_;

  recent_.push_back(reading.probabilities);
  if (recent_.size() > 3) recent_.pop_front();
  previous_leader_ = reading.regime;
  previous_date_ = date;
  return reading;
}

}  // namespace dorado::regime
