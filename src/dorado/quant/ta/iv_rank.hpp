#pragma once
// Where today's implied volatility sits in its own recent history, on a
// 0-100 scale (the scale of the strategy templates' iv_rank_min: 30).
// The window is the last `window` daily observations INCLUDING today
// (252 = a year of trading days); both are undefined until it is full.
//
//   IV rank       = 100 * (iv - min) / (max - min), min and max over the window.
//                   A window with no range (max == min) reads 0: no evidence
//                   that IV is elevated.
//   IV percentile = 100 * (days among the window's other window - 1 days
//                   with an IV strictly below today's) / (window - 1).
//                   Today is not compared with itself, so the highest IV of
//                   the year reads 100 and the lowest 0.
//
// Streaming costs: rank keeps monotonic deques of candidates for min and max
// (O(1) amortised per day); percentile keeps the previous window - 1 values
// sorted (O(log window) search, O(window) memmove to insert and erase; for
// 252 doubles that is a couple of cache lines).
#include <cstddef>
#include <deque>
#include <span>
#include <vector>

#include "dorado/quant/ta/rolling_window.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

inline constexpr std::size_t kIvHistoryDays = 252;

Series iv_rank(std::span<const double> iv, std::size_t window = kIvHistoryDays);
Series iv_percentile(std::span<const double> iv, std::size_t window = kIvHistoryDays);

class IvRank {
 public:
  explicit IvRank(std::size_t window = kIvHistoryDays);

  double update(double iv);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }

 private:
  struct Entry {
    std::size_t day;
    double iv;
  };
  std::size_t window_;
  std::size_t day_ = 0;
  std::deque<Entry> lows_;   // increasing iv: front is the window's min
  std::deque<Entry> highs_;  // decreasing iv: front is the window's max
  double value_ = kUndefined;
};

class IvPercentile {
 public:
  explicit IvPercentile(std::size_t window = kIvHistoryDays);

  double update(double iv);
  double value() const { return value_; }
  bool ready() const { return is_defined(value_); }

 private:
  RollingWindow previous_;      // the window - 1 days before today
  std::vector<double> sorted_;  // the same values, ascending
  double value_ = kUndefined;
};

}  // namespace dorado::quant::ta
