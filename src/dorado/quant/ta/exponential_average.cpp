#include "dorado/quant/ta/exponential_average.hpp"

namespace dorado::quant::ta {
namespace {

// Array form of the same recurrence, written out rather than folding the
// streaming object so the two are checked against each other.
Series seeded_exponential(std::span<const double> values, std::size_t period, SmoothingWeights w) {
  Series out(values.size(), kUndefined);
  if (values.size() < period) return out;
  double sum = 0.0;
  for (std::size_t i = 0; i < period; ++i) sum += values[i];
  double value = sum / static_cast<double>(period);
  out[period - 1] = value;
  for (std::size_t i = period; i < values.size(); ++i) {
    value = w.keep * value + w.take * values[i];
    out[i] = value;
  }
  return out;
}

}  // namespace

SmoothingWeights SmoothingWeights::ema(std::size_t period) {
  require_positive(period, "EMA period");
  const double n = static_cast<double>(period);
  return {2.0 / (n + 1.0), (n - 1.0) / (n + 1.0)};
}

SmoothingWeights SmoothingWeights::wilder(std::size_t period) {
  require_positive(period, "Wilder smoothing period");
  const double n = static_cast<double>(period);
  return {1.0 / n, (n - 1.0) / n};
}

SeededExponentialAverage::SeededExponentialAverage(std::size_t period, SmoothingWeights weights)
    : period_(period), weights_(weights) {
  require_positive(period, "exponential average period");
}

double SeededExponentialAverage::update(double x) {
  if (seen_ < period_) {
    seed_sum_ += x;
    if (++seen_ == period_) value_ = seed_sum_ / static_cast<double>(period_);
    return value_;
  }
  value_ = weights_.keep * value_ + weights_.take * x;
  return value_;
}

Ema::Ema(std::size_t period) : SeededExponentialAverage(period, SmoothingWeights::ema(period)) {}

WilderAverage::WilderAverage(std::size_t period)
    : SeededExponentialAverage(period, SmoothingWeights::wilder(period)) {}

Series ema(std::span<const double> values, std::size_t period) {
  return seeded_exponential(values, period, SmoothingWeights::ema(period));
}

Series wilder_average(std::span<const double> values, std::size_t period) {
  return seeded_exponential(values, period, SmoothingWeights::wilder(period));
}

}  // namespace dorado::quant::ta
