#pragma once
// Hurst exponent of a series of increments (log returns, not prices): 0.5 for
// independent increments, above 0.5 when they persist (trend), below when they
// revert.
//
// Lag set: the distinct integers floor(min_lag * 2^(k/2)), k = 0, 1, 2, ...,
// not above max_lag (two lags per octave; 8, 11, 16, 22, 32, 45, 64, 90 for
// min_lag 8 and max_lag 126). max_lag = 0 means half the sample (at least two
// chunks or boxes per lag). At least two lags are needed; fewer is a
// configuration error and throws std::invalid_argument.
//
// For each lag L the sample is cut into k = floor(N / L) consecutive chunks
// aligned to its END (the newest increment is always used; the N mod L oldest
// are dropped), and the exponent is the ordinary least-squares slope of
// ln(statistic) on ln(L) over the lags, with equal weights:
//
// Rescaled range (R/S, Hurst 1951; Mandelbrot-Wallis): per chunk, mean m,
//   Y_j = sum_{i<=j} (x_i - m), R = max Y - min Y over j = 1..L, S = the
//   population standard deviation (divide by L); statistic = mean of R/S over
//   the chunks with S > 0 (a chunk with no variation says nothing).
//   Known small-sample bias: R/S over-estimates H for short chunks; for white
//   noise with N = 252 and the default lags 8..90 it reads 0.578 on average
//   (2,000 simulated samples), not 0.5 (Anis & Lloyd 1976 give the expected
//   R/S of independent increments; Peters 1994 the correction). Compare R/S
//   readings with each other or with that baseline, not with 0.5.
//
// Detrended fluctuation analysis (DFA-1, Peng et al. 1994): profile
//   y_j = sum_{i<=j} (x_i - mean x) over the whole sample; per box of L points
//   an OLS straight line is fitted and removed; statistic F(L) =
//   sqrt(mean of the squared residuals over all boxes). Much less biased than
//   R/S on short samples: 0.494 on average for the same white noise.
//
// NaN when the data leave fewer than two usable lags (e.g. a flat price).
#include <cstddef>
#include <span>
#include <vector>

#include "dorado/quant/ta/rolling_window.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

enum class HurstMethod { RescaledRange, Dfa };

struct HurstOptions {
  HurstMethod method = HurstMethod::RescaledRange;
  std::size_t min_lag = 8;
  std::size_t max_lag = 0;  // 0: half the sample
};

std::vector<std::size_t> hurst_lags(std::size_t min_lag, std::size_t max_lag);

// Fixed sample size and lag set, with its scratch memory: estimating one
// window allocates nothing. O(N * number of lags) per estimate. R/S works on
// running sums of the demeaned sample (chunk sums and squares are differences,
// the cumulative deviations one subtraction each), which removes the serial
// add chains from the inner loop; R/S is invariant to the shift.
class HurstEstimator {
 public:
  HurstEstimator(std::size_t sample_size, const HurstOptions& options = {});

  // `increments` must hold exactly sample_size() values.
  double estimate(std::span<const double> increments);

  std::size_t sample_size() const { return sample_size_; }
  const std::vector<std::size_t>& lags() const { return lags_; }

 private:
  double rescaled_range(std::size_t lag) const;
  double fluctuation(std::size_t lag) const;

  std::size_t sample_size_;
  HurstMethod method_;
  std::vector<std::size_t> lags_;
  std::vector<double> log_lags_;
  std::vector<double> profile_;  // DFA: the profile; R/S: running sum of x - mean, from 0
  std::vector<double> squares_;  // R/S: running sum of (x - mean)^2, from 0
  std::vector<double> steps_;    // 0, 1, 2, ... as doubles
  std::vector<double> xs_, ys_;  // regression scratch
};

double hurst_exponent(std::span<const double> increments, const HurstOptions& options = {});

// Rolling Hurst of a price series: the estimate over the last `window` log
// returns ln(close[i] / close[i-1]); defined from index `window` (window + 1
// closes). Streaming costs O(window) memory and O(window * lags) per bar: the
// statistic of a window is not updatable from the previous window's.
Series rolling_hurst(std::span<const double> closes, std::size_t window,
                     const HurstOptions& options = {});

class RollingHurst {
 public:
  RollingHurst(std::size_t window, const HurstOptions& options = {});

  double update(double close);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }

 private:
  HurstEstimator estimator_;
  RollingWindow returns_;
  std::vector<double> scratch_;
  double previous_close_ = kUndefined;
  double value_ = kUndefined;
};

}  // namespace dorado::quant::ta
