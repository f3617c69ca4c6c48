#include "dorado/quant/ta/rsi.hpp"

namespace dorado::quant::ta {

double relative_strength_index(double average_gain, double average_loss) {
  const double total = average_gain + average_loss;
  // Dividing first keeps a monotone rise at exactly 100: gain / gain is 1.
  return total > 0.0 ? 100.0 * (average_gain / total) : 50.0;
}

Series rsi(std::span<const double> values, std::size_t period) {
  require_positive(period, "RSI period");
  Series out(values.size(), kUndefined);
  if (values.size() <= period) return out;
  const double n = static_cast<double>(period);
  double gain = 0.0;
  double loss = 0.0;
  for (std::size_t i = 1; i <= period; ++i) {
    const double change = values[i] - values[i - 1];
    (change > 0.0 ? gain : loss) += change > 0.0 ? change : -change;
  }
  gain /= n;
  loss /= n;
  out[period] = relative_strength_index(gain, loss);
  for (std::size_t i = period + 1; i < values.size(); ++i) {
    const double change = values[i] - values[i - 1];
    gain += ((change > 0.0 ? change : 0.0) - gain) / n;
    loss += ((change < 0.0 ? -change : 0.0) - loss) / n;
    out[i] = relative_strength_index(gain, loss);
  }
  return out;
}

Rsi::Rsi(std::size_t period) : gains_(period), losses_(period) {}

double Rsi::update(double x) {
  if (is_defined(previous_)) {
    const double change = x - previous_;
    gains_.update(change > 0.0 ? change : 0.0);
    losses_.update(change < 0.0 ? -change : 0.0);
    if (gains_.ready()) value_ = relative_strength_index(gains_.value(), losses_.value());
  }
  previous_ = x;
  return value_;
}

}  // namespace dorado::quant::ta
