#pragma once
// True range: the bar's high-low range stretched to include a gap from the
// previous close, max(high - low, |high - prev close|, |low - prev close|).
// The first bar of a series has no previous close; its true range is
// high - low (Wilder; StockCharts' cs-atr.xls starts its TR column that way).
#include "dorado/domain/bar.hpp"

namespace dorado::quant::ta {

inline double true_range(double high, double low, double previous_close) {
  const double range = high - low;
  const double up = high > previous_close ? high - previous_close : previous_close - high;
  const double down = low > previous_close ? low - previous_close : previous_close - low;
  const double gap = up > down ? up : down;
  return range > gap ? range : gap;
}

inline double true_range(const Bar& bar, const Bar& previous) {
  return true_range(bar.high, bar.low, previous.close);
}

}  // namespace dorado::quant::ta
