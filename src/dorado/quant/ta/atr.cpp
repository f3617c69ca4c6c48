#include "dorado/quant/ta/atr.hpp"

#include "dorado/quant/ta/true_range.hpp"

namespace dorado::quant::ta {

Series atr(std::span<const Bar> bars, std::size_t period) {
  require_positive(period, "ATR period");
  Series out(bars.size(), kUndefined);
  if (bars.size() < period) return out;
  const double n = static_cast<double>(period);
  const auto w = SmoothingWeights::wilder(period);
  double sum = bars[0].high - bars[0].low;
  for (std::size_t i = 1; i < period; ++i) sum += true_range(bars[i], bars[i - 1]);
  double value = sum / n;
  out[period - 1] = value;
  for (std::size_t i = period; i < bars.size(); ++i) {
    value = w.keep * value + w.take * true_range(bars[i], bars[i - 1]);
    out[i] = value;
  }
  return out;
}

Atr::Atr(std::size_t period) : average_(period) {}

double Atr::update(double high, double low, double close) {
  const double tr =
      is_defined(previous_close_) ? true_range(high, low, previous_close_) : high - low;
  previous_close_ = close;
  return average_.update(tr);
}

}  // namespace dorado::quant::ta
