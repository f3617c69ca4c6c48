#include "dorado/regime/feature_history.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>

namespace dorado::regime {

void FeatureHistory::validate() const {
  if (values.rows() != static_cast<Eigen::Index>(dates.size()) ||
      values.cols() != static_cast<Eigen::Index>(names.size()))
    throw std::invalid_argument("FeatureHistory: " + std::to_string(dates.size()) + " dates and " +
                                std::to_string(names.size()) + " names but a " +
                                std::to_string(values.rows()) + "x" +
                                std::to_string(values.cols()) + " matrix");
  if (names.empty()) throw std::invalid_argument("FeatureHistory: no features");
  if (std::set<std::string>(names.begin(), names.end()).size() != names.size())
    throw std::invalid_argument("FeatureHistory: feature names must be distinct");
  for (std::size_t i = 1; i < dates.size(); ++i)
    if (!(dates[i - 1] < dates[i]))
      throw std::invalid_argument("FeatureHistory: dates must be strictly increasing (" +
                                  to_iso_date(dates[i - 1]) + " then " + to_iso_date(dates[i]) +
                                  ")");
  for (Eigen::Index r = 0; r < values.rows(); ++r)
    if (!values.row(r).allFinite())
      throw std::invalid_argument("FeatureHistory: non-finite feature on " +
                                  to_iso_date(dates[static_cast<std::size_t>(r)]));
}

FeatureHistory FeatureHistory::head(std::size_t count) const {
  count = std::min(count, dates.size());
  return {std::vector<Date>(dates.begin(), dates.begin() + static_cast<std::ptrdiff_t>(count)),
          names, values.topRows(static_cast<Eigen::Index>(count))};
}

std::size_t FeatureHistory::days_through(Date last) const {
  return static_cast<std::size_t>(std::upper_bound(dates.begin(), dates.end(), last) -
                                  dates.begin());
}

}  // namespace dorado::regime
