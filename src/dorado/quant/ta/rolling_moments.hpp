#pragma once
// Mean and sample variance of the last `window` values, updated in O(1)
// amortised. The sums are kept compensated and about a shift K (a recent
// mean), and are recomputed from the window every `window` pushes with K moved
// to the current mean: this keeps var = (S2 - S1^2/n) / (n - 1) free of the
// cancellation that plain sums of x and x^2 suffer when the level (a price of
// 110) is large against the spread (a standard deviation of 0.5).
#include <cstddef>

#include "dorado/quant/ta/compensated_sum.hpp"
#include "dorado/quant/ta/rolling_window.hpp"

namespace dorado::quant::ta {

class RollingMoments {
 public:
  explicit RollingMoments(std::size_t window) : values_(window) {}

  void push(double x);
  std::size_t count() const { return values_.size(); }
  bool full() const { return values_.full(); }
  double newest() const { return values_.newest(); }
  double mean() const;
  // Sum of squared deviations / (n - 1); 0 for fewer than two values.
  double sample_variance() const;

 private:
  void recentre();

  RollingWindow values_;
  double shift_ = 0.0;
  CompensatedSum sum_;          // of (x - shift)
  CompensatedSum sum_squares_;  // of (x - shift)^2
  std::size_t pushes_since_recentre_ = 0;
};

}  // namespace dorado::quant::ta
