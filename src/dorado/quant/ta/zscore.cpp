#include "dorado/quant/ta/zscore.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::quant::ta {
namespace {

std::size_t checked_window(std::size_t window) {
  if (window < 2)
    throw std::invalid_argument("z-score window must be at least 2, got " + std::to_string(window));
  return window;
}

}  // namespace

double zscore(double x, double mean, double sample_variance) {
  const double sd = std::sqrt(sample_variance);
  const double level = std::abs(mean) > 1.0 ? std::abs(mean) : 1.0;
  if (!(sd > 1e-12 * level)) return 0.0;
  return (x - mean) / sd;
}

Series rolling_zscore(std::span<const double> values, std::size_t window) {
  checked_window(window);
  Series out(values.size(), kUndefined);
  const double n = static_cast<double>(window);
  for (std::size_t t = window - 1; t < values.size(); ++t) {
    const auto w = values.subspan(t + 1 - window, window);
    double shifted = 0.0;
    for (double x : w) shifted += x - w[0];
    const double mean = w[0] + shifted / n;
    double squares = 0.0;
    for (double x : w) squares += (x - mean) * (x - mean);
    out[t] = zscore(values[t], mean, squares / (n - 1.0));
  }
  return out;
}

RollingZScore::RollingZScore(std::size_t window)
    : window_(checked_window(window)), moments_(window) {}

double RollingZScore::update(double x) {
  moments_.push(x);
  if (moments_.full()) value_ = zscore(x, moments_.mean(), moments_.sample_variance());
  return value_;
}

}  // namespace dorado::quant::ta
