#pragma once
// Every macro feature on every trading day, as of that day's close; NaN where
// a feature is not defined yet (its inputs start later, its window is still
// filling, or the input is absent). model_history() cuts the finite block a
// model trains and infers on.
#include <Eigen/Dense>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/time.hpp"
#include "dorado/regime/feature_history.hpp"

namespace dorado::regime::features {

struct FeatureFrame {
  std::vector<Date> dates;         // trading days, ascending
  std::vector<std::string> names;  // one per column
  Eigen::MatrixXd values;          // dates x names, NaN where undefined

  // The column of `name`, or -1.
  Eigen::Index column(std::string_view name) const;
  // The first row from which column `c` is finite on every later day, or
  // dates.size() when its last day is not finite.
  std::size_t defined_from(Eigen::Index c) const;
};

// Which columns a model uses, and how long a feature must have been defined
// before the end of training to be used.
struct ModelFeatureChoice {
  std::vector<std::string> wanted;  // in this order; absent names are skipped
  Date train_last{};                // the last training day
  std::size_t min_training_days = 756;
};

// The wanted columns defined on at least `min_training_days` trading days up
// to `train_last` and on every day after, from the first day they all are to
// the frame's end. Throws std::invalid_argument naming the problem when no
// wanted column qualifies.
FeatureHistory model_history(const FeatureFrame& frame, const ModelFeatureChoice& choice);

}  // namespace dorado::regime::features
