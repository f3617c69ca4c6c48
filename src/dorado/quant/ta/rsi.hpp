#pragma once
// Wilder's Relative Strength Index (StockCharts' cs-rsi.xls, TradingView's
// ta.rsi). change[i] = x[i] - x[i-1] for i >= 1; gains and losses (as positive
// numbers) are smoothed with Wilder's average seeded by the mean of the first
// `period` changes, so the first RSI is at index `period`:
//   RSI = 100 * avg_gain / (avg_gain + avg_loss)  (= 100 - 100 / (1 + RS))
// A monotone rise reads 100, a monotone fall 0, and a window with no change at
// all reads 50 (neither side has any strength).
#include <cstddef>
#include <span>

#include "dorado/quant/ta/exponential_average.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

Series rsi(std::span<const double> values, std::size_t period = 14);

class Rsi {
 public:
  explicit Rsi(std::size_t period = 14);

  double update(double x);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }
  std::size_t period() const { return gains_.period(); }

 private:
  WilderAverage gains_;
  WilderAverage losses_;
  double previous_ = kUndefined;
  double value_ = kUndefined;
};

// 100 * gain / (gain + loss), 50 when both are zero.
inline double relative_strength_index(double average_gain, double average_loss) {
  const double total = average_gain + average_loss;
  // Dividing first keeps a monotone rise at exactly 100: gain / gain is 1.
  return total > 0.0 ? 100.0 * (average_gain / total) : 50.0;
}

}  // namespace dorado::quant::ta
