#include "dorado/quant/ta/rsi.hpp"

#include <algorithm>

namespace dorado::quant::ta {

Series rsi(std::span<const double> values, std::size_t period) {
  require_positive(period, "RSI period");
  Series out(values.size(), kUndefined);
  if (values.size() <= period) return out;
  const double n = static_cast<double>(period);
  double gain = 0.0;
  double loss = 0.0;
  for (std::size_t i = 1; i <= period; ++i) {
    const double change = values[i] - values[i - 1];
    gain += std::max(change, 0.0);
    loss += std::max(-change, 0.0);
  }
  gain /= n;
  loss /= n;
  const auto w = SmoothingWeights::wilder(period);
  // The smoothing is a serial recurrence; the RSI of each bar is not. Keep
  // the averages in a first pass (gains in `out`) and divide in a second,
  // vectorisable one: the divisions, not the recurrence, bound a one-pass loop.
  Series losses(values.size());
  out[period] = gain;
  losses[period] = loss;
  for (std::size_t i = period + 1; i < values.size(); ++i) {
    const double change = values[i] - values[i - 1];
    gain = w.keep * gain + w.take * std::max(change, 0.0);   // branch-free: the sign
    loss = w.keep * loss + w.take * std::max(-change, 0.0);  // of a change is a coin toss
    out[i] = gain;
    losses[i] = loss;
  }
  for (std::size_t i = period; i < values.size(); ++i)
    out[i] = relative_strength_index(out[i], losses[i]);
  return out;
}

Rsi::Rsi(std::size_t period) : gains_(period), losses_(period) {}

double Rsi::update(double x) {
  if (is_defined(previous_)) {
    const double change = x - previous_;
    gains_.update(std::max(change, 0.0));
    losses_.update(std::max(-change, 0.0));
    if (gains_.ready()) value_ = relative_strength_index(gains_.value(), losses_.value());
  }
  previous_ = x;
  return value_;
}

}  // namespace dorado::quant::ta
