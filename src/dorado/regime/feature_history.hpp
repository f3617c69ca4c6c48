#pragma once
// The macro model's input: one row of raw (unscaled) features per trading
// day, as of that day's close. The feature pipeline builds it; the model only
// reads it.
#include <Eigen/Dense>
#include <cstddef>
#include <string>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::regime {

struct FeatureHistory {
  std::vector<Date> dates;         // strictly increasing
  std::vector<std::string> names;  // one per column, distinct
  Eigen::MatrixXd values;          // dates x names, finite

  // Throws std::invalid_argument naming the first problem.
  void validate() const;
  std::size_t days() const { return dates.size(); }
  // The first `count` days.
  FeatureHistory head(std::size_t count) const;
  // How many days fall on or before `last`.
  std::size_t days_through(Date last) const;
};

}  // namespace dorado::regime
