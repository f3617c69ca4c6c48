#include "dorado/quant/ta/sma.hpp"

namespace dorado::quant::ta {

Series sma(std::span<const double> values, std::size_t period) {
  require_positive(period, "SMA period");
  Series out(values.size(), kUndefined);
  CompensatedSum sum;
  const double n = static_cast<double>(period);
  for (std::size_t i = 0; i < values.size(); ++i) {
    sum.add(i >= period ? values[i] - values[i - period] : values[i]);
    if (i + 1 >= period) out[i] = sum.value() / n;
  }
  return out;
}

Sma::Sma(std::size_t period) : window_(period) {}

double Sma::update(double x) {
  const auto evicted = window_.push(x);
  sum_.add(evicted ? x - *evicted : x);
  if (window_.full()) value_ = sum_.value() / static_cast<double>(window_.capacity());
  return value_;
}

}  // namespace dorado::quant::ta
