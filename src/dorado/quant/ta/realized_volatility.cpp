#include "dorado/quant/ta/realized_volatility.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::quant::ta {
namespace {

std::size_t checked_window(std::size_t window) {
  if (window < 2)
    throw std::invalid_argument("realized volatility window must be at least 2 returns, got " +
                                std::to_string(window));
  return window;
}

double checked_periods(double periods_per_year) {
  if (!(periods_per_year > 0.0) || !std::isfinite(periods_per_year))
    throw std::invalid_argument("periods per year must be positive, got " +
                                std::to_string(periods_per_year));
  return periods_per_year;
}

}  // namespace

double periods_per_year(AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::EquityOptions:
      return kEquityTradingDaysPerYear;
    case AssetClass::Fx:
      return kFxWeekdaysPerYear;
    case AssetClass::Crypto:
      return kCryptoDaysPerYear;
  }
  throw std::invalid_argument("unknown asset class");
}

Series realized_volatility(std::span<const double> closes, std::size_t window,
                           double periods_per_year) {
  checked_window(window);
  checked_periods(periods_per_year);
  Series out(closes.size(), kUndefined);
  if (closes.size() <= window) return out;
  Series returns(closes.size(), 0.0);
  for (std::size_t i = 1; i < closes.size(); ++i) returns[i] = std::log(closes[i] / closes[i - 1]);
  const double n = static_cast<double>(window);
  for (std::size_t t = window; t < closes.size(); ++t) {
    const auto r = std::span<const double>(returns).subspan(t + 1 - window, window);
    double sum = 0.0;
    for (double x : r) sum += x;
    const double mean = sum / n;
    double squares = 0.0;
    for (double x : r) squares += (x - mean) * (x - mean);
    out[t] = std::sqrt(periods_per_year * squares / (n - 1.0));
  }
  return out;
}

RealizedVolatility::RealizedVolatility(std::size_t window, double periods_per_year)
    : periods_per_year_(checked_periods(periods_per_year)), returns_(checked_window(window)) {}

double RealizedVolatility::update(double close) {
  if (is_defined(previous_close_)) {
    returns_.push(std::log(close / previous_close_));
    if (returns_.full()) value_ = std::sqrt(periods_per_year_ * returns_.sample_variance());
  }
  previous_close_ = close;
  return value_;
}

}  // namespace dorado::quant::ta
