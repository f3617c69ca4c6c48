#pragma once
// Rate of change in percent over `period` bars:
//   ROC[t] = 100 * (x[t] / x[t - period] - 1)
// defined from index `period`. Inputs are prices (non-zero).
#include <cstddef>
#include <span>

#include "dorado/quant/ta/rolling_window.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

Series rate_of_change(std::span<const double> values, std::size_t period);

class RateOfChange {
 public:
  explicit RateOfChange(std::size_t period);

  double update(double x);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }

 private:
  RollingWindow window_;  // period + 1 values: x[t - period] .. x[t]
  double value_ = kUndefined;
};

}  // namespace dorado::quant::ta
