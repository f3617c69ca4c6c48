#pragma once
// Close-to-close realized volatility, annualised:
//   r[i] = ln(close[i] / close[i-1])
//   RV[t] = sqrt(periods_per_year * sum (r - mean r)^2 / (window - 1))
// over the last `window` returns (the sample standard deviation of log returns,
// the classic close-to-close estimator). Needs window + 1 closes: defined from
// index `window`. A fraction: 0.16 is 16 % a year.
//
// Annualisation counts the bars a year really has for the market:
//   252 trading days for equities and their options (NYSE),
//   365 calendar days for crypto (trades every day),
//   260 weekdays for FX (24/5: every weekday has a daily bar).
#include <cstddef>
#include <span>

#include "dorado/domain/asset_class.hpp"
#include "dorado/quant/ta/rolling_moments.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

inline constexpr double kEquityTradingDaysPerYear = 252.0;
inline constexpr double kCryptoDaysPerYear = 365.0;
inline constexpr double kFxWeekdaysPerYear = 260.0;

double periods_per_year(AssetClass asset_class);

Series realized_volatility(std::span<const double> closes, std::size_t window,
                           double periods_per_year);

class RealizedVolatility {
 public:
  RealizedVolatility(std::size_t window, double periods_per_year);

  double update(double close);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }

 private:
  double periods_per_year_;
  RollingMoments returns_;
  double previous_close_ = kUndefined;
  double value_ = kUndefined;
};

}  // namespace dorado::quant::ta
