#pragma once
// Exponential averages with a simple-average seed, the smoothing behind EMA,
// ATR, RSI and ADX. The first value is the plain mean of the first `period`
// inputs (index period - 1); after it
//   value = (1 - alpha) * previous + alpha * x
// with alpha = 2 / (period + 1) for the EMA and alpha = 1 / period for Wilder's
// smoothing (Wilder's "(previous x 13 + current) / 14" for 14, TradingView's
// ta.rma). This is the seeding of StockCharts' worked examples and TA-Lib.
// Written as a multiply-add of precomputed weights: the loop-carried chain is
// one multiply and one add, which is what the batch benchmarks are bound by.
#include <cstddef>
#include <span>

#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

// The weights of one step: value = keep * value + take * x.
struct SmoothingWeights {
  double take;  // alpha
  double keep;  // 1 - alpha, computed as a ratio of integers
  static SmoothingWeights ema(std::size_t period);
  static SmoothingWeights wilder(std::size_t period);
};

class SeededExponentialAverage {
 public:
  SeededExponentialAverage(std::size_t period, SmoothingWeights weights);

  double update(double x);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }
  std::size_t period() const { return period_; }

 private:
  std::size_t period_;
  SmoothingWeights weights_;
  std::size_t seen_ = 0;
  double seed_sum_ = 0.0;
  double value_ = kUndefined;
};

// EMA(period): alpha = 2 / (period + 1), seeded by SMA(period).
class Ema : public SeededExponentialAverage {
 public:
  explicit Ema(std::size_t period);
};

// Wilder's smoothing (RMA): alpha = 1 / period, seeded by SMA(period).
class WilderAverage : public SeededExponentialAverage {
 public:
  explicit WilderAverage(std::size_t period);
};

Series ema(std::span<const double> values, std::size_t period);
Series wilder_average(std::span<const double> values, std::size_t period);

}  // namespace dorado::quant::ta
