#pragma once
// Wilder's Average True Range, as in New Concepts in Technical Trading Systems
// (1978), StockCharts' ChartSchool and TradingView's ta.atr:
//   TR[0] = high - low; TR[i] = true_range(bar i, close i-1)
//   ATR[period-1] = mean(TR[0..period-1])
//   ATR[i] = (ATR[i-1] * (period - 1) + TR[i]) / period
// Defined from index period - 1.
#include <cstddef>
#include <span>

#include "dorado/domain/bar.hpp"
#include "dorado/quant/ta/exponential_average.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

Series atr(std::span<const Bar> bars, std::size_t period = 14);

class Atr {
 public:
  explicit Atr(std::size_t period = 14);

  double update(const Bar& bar) { return update(bar.high, bar.low, bar.close); }
  double update(double high, double low, double close);
  double value() const { return average_.value(); }
  bool ready() const { return average_.ready(); }
  std::size_t period() const { return average_.period(); }

 private:
  WilderAverage average_;
  double previous_close_ = kUndefined;
};

}  // namespace dorado::quant::ta
