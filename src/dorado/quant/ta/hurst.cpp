#include "dorado/quant/ta/hurst.hpp"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace dorado::quant::ta {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::size_t smallest_lag(HurstMethod method) {
  return method == HurstMethod::Dfa ? 3 : 2;
}

// OLS slope of y on x; NaN with fewer than two points.
double slope(std::span<const double> x, std::span<const double> y) {
  const std::size_t n = x.size();
  if (n < 2) return kUndefined;
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0.0, sxx = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  return sxy / sxx;
}

struct Extremes {
  double low;
  double high;
};

// min and max over j = 1..lag of Y_j = (p[j] - p[0]) - j * mean, the
// cumulative deviations of a chunk. The hot loop of rolling R/S: two lanes at a
// time with SSE2 (part of every x86-64) and two accumulators each to hide the
// latency of max/min; plain code elsewhere. Same numbers either way: every Y_j
// is computed with the same operations, and min/max are exact.
Extremes cumulative_extremes(const double* p, const double* steps, std::size_t lag, double mean) {
  const double base = p[0];
  double high = -kInfinity, low = kInfinity;
  std::size_t j = 1;
#if defined(__SSE2__)
  const __m128d vbase = _mm_set1_pd(base);
  const __m128d vmean = _mm_set1_pd(mean);
  __m128d high_a = _mm_set1_pd(-kInfinity), high_b = high_a;
  __m128d low_a = _mm_set1_pd(kInfinity), low_b = low_a;
  for (; j + 3 <= lag; j += 4) {
    const __m128d y_a = _mm_sub_pd(_mm_sub_pd(_mm_loadu_pd(p + j), vbase),
                                   _mm_mul_pd(_mm_loadu_pd(steps + j), vmean));
    const __m128d y_b = _mm_sub_pd(_mm_sub_pd(_mm_loadu_pd(p + j + 2), vbase),
                                   _mm_mul_pd(_mm_loadu_pd(steps + j + 2), vmean));
    high_a = _mm_max_pd(high_a, y_a);
    high_b = _mm_max_pd(high_b, y_b);
    low_a = _mm_min_pd(low_a, y_a);
    low_b = _mm_min_pd(low_b, y_b);
  }
  alignas(16) double lanes[2];
  _mm_store_pd(lanes, _mm_max_pd(high_a, high_b));
  high = std::max(lanes[0], lanes[1]);
  _mm_store_pd(lanes, _mm_min_pd(low_a, low_b));
  low = std::min(lanes[0], lanes[1]);
#endif
  for (; j <= lag; ++j) {
    const double y = (p[j] - base) - steps[j] * mean;
    high = y > high ? y : high;
    low = y < low ? y : low;
  }
  return {low, high};
}

}  // namespace

std::vector<std::size_t> hurst_lags(std::size_t min_lag, std::size_t max_lag) {
  std::vector<std::size_t> lags;
  if (min_lag == 0) return lags;
  for (int k = 0;; ++k) {
    const auto lag =
        static_cast<std::size_t>(static_cast<double>(min_lag) * std::pow(2.0, k / 2.0));
    if (lag > max_lag) break;
    if (lags.empty() || lags.back() != lag) lags.push_back(lag);
  }
  return lags;
}

HurstEstimator::HurstEstimator(std::size_t sample_size, const HurstOptions& options)
    : sample_size_(sample_size), method_(options.method) {
  const std::size_t max_lag = options.max_lag == 0 ? sample_size / 2 : options.max_lag;
  if (options.min_lag < smallest_lag(method_))
    throw std::invalid_argument("Hurst min_lag must be at least " +
                                std::to_string(smallest_lag(method_)) + ", got " +
                                std::to_string(options.min_lag));
  if (max_lag > sample_size)
    throw std::invalid_argument("Hurst max_lag " + std::to_string(max_lag) +
                                " exceeds the sample size " + std::to_string(sample_size));
  lags_ = hurst_lags(options.min_lag, max_lag);
  if (lags_.size() < 2)
    throw std::invalid_argument("Hurst estimate needs at least two lags between min_lag " +
                                std::to_string(options.min_lag) + " and max_lag " +
                                std::to_string(max_lag) + " for a sample of " +
                                std::to_string(sample_size));
  for (std::size_t lag : lags_) log_lags_.push_back(std::log(static_cast<double>(lag)));
  profile_.resize(sample_size + 1);
  squares_.resize(sample_size + 1);
  steps_.resize(lags_.back() + 1);
  for (std::size_t j = 0; j < steps_.size(); ++j) steps_[j] = static_cast<double>(j);
  xs_.reserve(lags_.size());
  ys_.reserve(lags_.size());
}

double HurstEstimator::rescaled_range(std::size_t lag) const {
  const std::size_t chunks = sample_size_ / lag;
  const std::size_t start = sample_size_ - chunks * lag;
  const double n = static_cast<double>(lag);
  const double* steps = steps_.data();
  double total = 0.0;
  std::size_t used = 0;
  for (std::size_t c = 0; c < chunks; ++c) {
    const std::size_t s = start + c * lag;
    const double* p = profile_.data() + s;  // p[j] - p[0]: sum of the chunk's first j values
    const double sum = p[lag] - p[0];
    const double mean = sum / n;
    const double squares = (squares_[s + lag] - squares_[s]) - sum * mean;
    if (!(squares > 0.0)) continue;  // no variation: the chunk says nothing
    const auto [low, high] = cumulative_extremes(p, steps, lag, mean);
    const double range = high - low;
    total += range / std::sqrt(squares / n);
    ++used;
  }
  return used > 0 ? total / static_cast<double>(used) : kUndefined;
}

double HurstEstimator::fluctuation(std::size_t lag) const {
  const std::size_t boxes = sample_size_ / lag;
  const std::size_t start = sample_size_ - boxes * lag;
  const double n = static_cast<double>(lag);
  const double t_mean = (n - 1.0) / 2.0;
  const double t_spread = n * (n * n - 1.0) / 12.0;  // sum (t - t_mean)^2
  double residuals = 0.0;
  for (std::size_t b = 0; b < boxes; ++b) {
    const double* y = profile_.data() + start + b * lag;
    double sum = 0.0;
    for (std::size_t i = 0; i < lag; ++i) sum += y[i];
    const double y_mean = sum / n;
    double sty = 0.0;
    for (std::size_t i = 0; i < lag; ++i)
      sty += (static_cast<double>(i) - t_mean) * (y[i] - y_mean);
    const double beta = sty / t_spread;
    for (std::size_t i = 0; i < lag; ++i) {
      const double e = y[i] - y_mean - beta * (static_cast<double>(i) - t_mean);
      residuals += e * e;
    }
  }
  const double f = std::sqrt(residuals / (static_cast<double>(boxes) * n));
  return f > 0.0 ? f : kUndefined;
}

double HurstEstimator::estimate(std::span<const double> increments) {
  if (increments.size() != sample_size_)
    throw std::invalid_argument("Hurst estimator built for " + std::to_string(sample_size_) +
                                " increments, given " + std::to_string(increments.size()));
  double sum = 0.0;
  for (double x : increments) sum += x;
  const double mean = sum / static_cast<double>(sample_size_);
  if (method_ == HurstMethod::Dfa) {
    double y = 0.0;
    for (std::size_t i = 0; i < sample_size_; ++i) profile_[i] = y += increments[i] - mean;
  } else {
    double y = 0.0, q = 0.0;
    profile_[0] = squares_[0] = 0.0;
    for (std::size_t i = 0; i < sample_size_; ++i) {
      const double d = increments[i] - mean;
      profile_[i + 1] = y += d;
      squares_[i + 1] = q += d * d;
    }
  }
  xs_.clear();
  ys_.clear();
  for (std::size_t k = 0; k < lags_.size(); ++k) {
    const double statistic =
        method_ == HurstMethod::Dfa ? fluctuation(lags_[k]) : rescaled_range(lags_[k]);
    if (!is_defined(statistic) || !(statistic > 0.0)) continue;
    xs_.push_back(log_lags_[k]);
    ys_.push_back(std::log(statistic));
  }
  return slope(xs_, ys_);
}

double hurst_exponent(std::span<const double> increments, const HurstOptions& options) {
  HurstEstimator estimator(increments.size(), options);
  return estimator.estimate(increments);
}

Series rolling_hurst(std::span<const double> closes, std::size_t window,
                     const HurstOptions& options) {
  HurstEstimator estimator(window, options);
  Series out(closes.size(), kUndefined);
  if (closes.size() <= window) return out;
  std::vector<double> returns(closes.size());
  for (std::size_t i = 1; i < closes.size(); ++i) returns[i] = std::log(closes[i] / closes[i - 1]);
  for (std::size_t t = window; t < closes.size(); ++t)
    out[t] = estimator.estimate(std::span<const double>(returns).subspan(t + 1 - window, window));
  return out;
}

RollingHurst::RollingHurst(std::size_t window, const HurstOptions& options)
    : estimator_(window, options), returns_(window), scratch_(window) {}

double RollingHurst::update(double close) {
  if (is_defined(previous_close_)) {
    returns_.push(std::log(close / previous_close_));
    if (returns_.full()) {
      returns_.copy_to(scratch_.data());
      value_ = estimator_.estimate(scratch_);
    }
  }
  previous_close_ = close;
  return value_;
}

}  // namespace dorado::quant::ta
