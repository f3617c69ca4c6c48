#pragma once
// Rolling z-score: how many standard deviations the latest value sits from
// the mean of the last `window` values, the latest included:
//   z[t] = (x[t] - mean) / sd,  sd = sqrt(sum (x - mean)^2 / (window - 1))
// The standard deviation is the SAMPLE one (n - 1; pandas' rolling().std()),
// not the population one (n). Defined from index window - 1; needs window >= 2.
// A flat window (sd below 1e-12 of the mean's magnitude, or exactly 0) reads
// z = 0: the value is the mean.
#include <array>
#include <cstddef>
#include <span>

#include "dorado/quant/ta/rolling_moments.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

// The quarter, half-year and year windows the regime features use.
inline constexpr std::array<std::size_t, 3> kZScoreWindows{63, 126, 252};

Series rolling_zscore(std::span<const double> values, std::size_t window);

class RollingZScore {
 public:
  explicit RollingZScore(std::size_t window);

  double update(double x);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }
  std::size_t window() const { return window_; }

 private:
  std::size_t window_;
  RollingMoments moments_;
  double value_ = kUndefined;
};

// (x - mean) / sd with the flat-window rule above.
double zscore(double x, double mean, double sample_variance);

}  // namespace dorado::quant::ta
