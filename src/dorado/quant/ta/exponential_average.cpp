#include "dorado/quant/ta/exponential_average.hpp"

namespace dorado::quant::ta {
namespace {

double ema_alpha(std::size_t period) {
  require_positive(period, "EMA period");
  return 2.0 / (static_cast<double>(period) + 1.0);
}

double wilder_alpha(std::size_t period) {
  require_positive(period, "Wilder smoothing period");
  return 1.0 / static_cast<double>(period);
}

// Array form of the same recurrence, written out rather than folding the
// streaming object so the two are checked against each other.
Series seeded_exponential(std::span<const double> values, std::size_t period, double alpha) {
  Series out(values.size(), kUndefined);
  if (values.size() < period) return out;
  double sum = 0.0;
  for (std::size_t i = 0; i < period; ++i) sum += values[i];
  double value = sum / static_cast<double>(period);
  out[period - 1] = value;
  for (std::size_t i = period; i < values.size(); ++i) {
    value += alpha * (values[i] - value);
    out[i] = value;
  }
  return out;
}

}  // namespace

SeededExponentialAverage::SeededExponentialAverage(std::size_t period, double alpha)
    : period_(period), alpha_(alpha) {
  require_positive(period, "exponential average period");
}

double SeededExponentialAverage::update(double x) {
  if (seen_ < period_) {
    seed_sum_ += x;
    if (++seen_ == period_) value_ = seed_sum_ / static_cast<double>(period_);
    return value_;
  }
  value_ += alpha_ * (x - value_);
  return value_;
}

Ema::Ema(std::size_t period) : SeededExponentialAverage(period, ema_alpha(period)) {}

WilderAverage::WilderAverage(std::size_t period)
    : SeededExponentialAverage(period, wilder_alpha(period)) {}

Series ema(std::span<const double> values, std::size_t period) {
  return seeded_exponential(values, period, ema_alpha(period));
}

Series wilder_average(std::span<const double> values, std::size_t period) {
  return seeded_exponential(values, period, wilder_alpha(period));
}

}  // namespace dorado::quant::ta
