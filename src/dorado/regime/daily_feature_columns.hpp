#pragma once
// The pieces the daily feature tables (fx, crypto) share: the close-to-close
// transforms both compute and the assembly of named columns into the days x
// features matrix (NaN while a column warms up).
#include <Eigen/Dense>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dorado/domain/bar.hpp"

namespace dorado::regime {

using FeatureColumn = std::pair<std::string, std::vector<double>>;

// log(x[i] / x[i - lag]); NaN for the first `lag` days.
std::vector<double> log_change(const std::vector<double>& x, std::size_t lag);
// a[i] / b[i], day by day.
std::vector<double> ratio(const std::vector<double>& a, const std::vector<double>& b);
// The bars' trading days and closes, in bar order.
void trading_days(std::span<const Bar> bars, std::vector<Date>& dates, std::vector<double>& closes);
// Each column's name into `names` and its values into the matching column of
// `values` (resized to days x columns).
void fill_columns(const std::vector<FeatureColumn>& columns, std::size_t days,
                  Eigen::MatrixXd& values, std::vector<std::string>& names);

}  // namespace dorado::regime
