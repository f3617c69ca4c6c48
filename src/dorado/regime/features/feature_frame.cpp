#include "dorado/regime/features/feature_frame.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dorado::regime::features {

Eigen::Index FeatureFrame::column(std::string_view name) const {
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<Eigen::Index>(it - names.begin());
}

std::size_t FeatureFrame::defined_from(Eigen::Index c) const {
  std::size_t first = dates.size();
  for (std::size_t r = dates.size(); r-- > 0;) {
    if (!std::isfinite(values(static_cast<Eigen::Index>(r), c))) break;
    first = r;
  }
  return first;
}

FeatureHistory model_history(const FeatureFrame& frame, const ModelFeatureChoice& choice) {
  const std::size_t train_end = static_cast<std::size_t>(
      std::upper_bound(frame.dates.begin(), frame.dates.end(), choice.train_last) -
      frame.dates.begin());
  std::vector<Eigen::Index> columns;
  std::size_t start = 0;
  for (const auto& name : choice.wanted) {
    const Eigen::Index c = frame.column(name);
    if (c < 0) continue;
    const std::size_t from = frame.defined_from(c);
    if (from + choice.min_training_days > train_end) continue;
    columns.push_back(c);
    start = std::max(start, from);
  }
  if (columns.empty())
    throw std::invalid_argument("macro features: none of the model's " +
                                std::to_string(choice.wanted.size()) + " features is defined on " +
                                std::to_string(choice.min_training_days) + " trading days up to " +
                                to_iso_date(choice.train_last));
  FeatureHistory h;
  h.dates.assign(frame.dates.begin() + static_cast<std::ptrdiff_t>(start), frame.dates.end());
  h.values.resize(static_cast<Eigen::Index>(h.dates.size()),
                  static_cast<Eigen::Index>(columns.size()));
  for (std::size_t j = 0; j < columns.size(); ++j) {
    h.names.push_back(frame.names[static_cast<std::size_t>(columns[j])]);
    h.values.col(static_cast<Eigen::Index>(j)) =
        frame.values.col(columns[j]).tail(static_cast<Eigen::Index>(h.dates.size()));
  }
  return h;
}

}  // namespace dorado::regime::features
