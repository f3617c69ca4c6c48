#include "dorado/regime/daily_feature_columns.hpp"

#include <cmath>

#include "dorado/quant/ta/indicators.hpp"

namespace dorado::regime {

std::vector<double> log_change(const std::vector<double>& x, std::size_t lag) {
  std::vector<double> out(x.size(), quant::ta::kUndefined);
  for (std::size_t i = lag; i < x.size(); ++i) out[i] = std::log(x[i] / x[i - lag]);
  return out;
}

std::vector<double> ratio(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = a[i] / b[i];
  return out;
}

void trading_days(std::span<const Bar> bars, std::vector<Date>& dates,
                  std::vector<double>& closes) {
  for (const auto& bar : bars) {
    dates.push_back(bar.date());
    closes.push_back(bar.close);
  }
}

void fill_columns(const std::vector<FeatureColumn>& columns, std::size_t days,
                  Eigen::MatrixXd& values, std::vector<std::string>& names) {
  values.resize(static_cast<Eigen::Index>(days), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t f = 0; f < columns.size(); ++f) {
    names.push_back(columns[f].first);
    for (std::size_t i = 0; i < days; ++i)
      values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(f)) = columns[f].second[i];
  }
}

}  // namespace dorado::regime
