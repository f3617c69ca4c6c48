#pragma once
// Wilder's Directional Movement System: +DI, -DI and ADX, as in StockCharts'
// cs-adx.xls and TradingView's ta.dmi (same period for the DIs and the ADX).
// From the second bar on (index i >= 1):
//   up = high[i] - high[i-1], down = low[i-1] - low[i]
//   +DM = up if up > down and up > 0 else 0;  -DM = down if down > up and down > 0 else 0
//   TR  = true_range(bar i, close i-1)
// TR, +DM and -DM are Wilder-smoothed, seeded with the mean of indices
// 1..period, so the DIs start at index `period`:
//   +DI = 100 * smoothed(+DM) / smoothed(TR), -DI likewise
//   DX  = 100 * |+DI - -DI| / (+DI + -DI)  (0 when both are 0)
//   ADX = Wilder average of DX seeded with the mean of the first `period` DX,
//         first at index 2 * period - 1 (27 for 14).
// Wilder's running sums (TR14 = TR14 - TR14/14 + TR) are the smoothed means
// times 14; the DIs, being ratios, are the same.
#include <cstddef>
#include <span>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/quant/ta/exponential_average.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

struct DirectionalReading {
  double plus_di = kUndefined;
  double minus_di = kUndefined;
  double dx = kUndefined;
  double adx = kUndefined;
};

struct DirectionalSeries {
  Series plus_di;
  Series minus_di;
  Series dx;
  Series adx;
};

DirectionalSeries adx(std::span<const Bar> bars, std::size_t period = 14);

class Adx {
 public:
  explicit Adx(std::size_t period = 14);

  const DirectionalReading& update(const Bar& bar) { return update(bar.high, bar.low, bar.close); }
  const DirectionalReading& update(double high, double low, double close);
  const DirectionalReading& value() const { return reading_; }
  bool ready() const { return is_defined(reading_.adx); }
  std::size_t period() const { return adx_.period(); }

 private:
  WilderAverage true_range_;
  WilderAverage plus_dm_;
  WilderAverage minus_dm_;
  WilderAverage adx_;
  double previous_high_ = kUndefined;
  double previous_low_ = kUndefined;
  double previous_close_ = kUndefined;
  DirectionalReading reading_;
};

}  // namespace dorado::quant::ta
