#pragma once
// True range: the bar's high-low range stretched to include a gap from the
// previous close, max(high - low, |high - prev close|, |low - prev close|).
// The first bar of a series has no previous close; its true range is
// high - low (Wilder; StockCharts' cs-atr.xls starts its TR column that way).
#include <algorithm>
#include <cmath>

#include "dorado/domain/bar.hpp"

namespace dorado::quant::ta {

// Branch-free (abs and max compile to mask and max instructions): gap
// directions are unpredictable and a mispredicted branch costs more than the
// arithmetic.
inline double true_range(double high, double low, double previous_close) {
  return std::max(high - low,
                  std::max(std::abs(high - previous_close), std::abs(low - previous_close)));
}

inline double true_range(const Bar& bar, const Bar& previous) {
  return true_range(bar.high, bar.low, previous.close);
}

}  // namespace dorado::quant::ta
