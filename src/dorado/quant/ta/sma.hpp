#pragma once
// Simple moving average: the mean of the last `period` values, defined from
// index period - 1. Both forms keep a compensated running window sum, adding
// the difference between the value entering and the value leaving the window
// (one compensated add per bar); a 20-year series ends with the accuracy it
// started with (checked against direct long-double means in the tests).
#include <cstddef>
#include <span>

#include "dorado/quant/ta/compensated_sum.hpp"
#include "dorado/quant/ta/rolling_window.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

Series sma(std::span<const double> values, std::size_t period);

class Sma {
 public:
  explicit Sma(std::size_t period);

  double update(double x);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }
  std::size_t period() const { return window_.capacity(); }

 private:
  RollingWindow window_;
  CompensatedSum sum_;
  double value_ = kUndefined;
};

}  // namespace dorado::quant::ta
