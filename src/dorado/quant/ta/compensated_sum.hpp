#pragma once
// Neumaier's compensated summation. Running window sums add a new value and
// subtract an old one forever; plain summation drifts with the length of the
// history, the compensated sum stays within a few ulps of the exact window
// sum however long the series is.
#include <cmath>

namespace dorado::quant::ta {

class CompensatedSum {
 public:
  void add(double x) {
    const double t = sum_ + x;
    if (std::abs(sum_) >= std::abs(x))
      compensation_ += (sum_ - t) + x;
    else
      compensation_ += (x - t) + sum_;
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }
  void reset() { sum_ = compensation_ = 0.0; }

 private:
  double sum_ = 0.0;
  double compensation_ = 0.0;
};

}  // namespace dorado::quant::ta
