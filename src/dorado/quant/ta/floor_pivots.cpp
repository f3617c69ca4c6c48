#include "dorado/quant/ta/floor_pivots.hpp"

namespace dorado::quant::ta {

FloorPivots floor_pivots(double high, double low, double close, PivotStyle style) {
  FloorPivots p;
  p.pivot = (high + low + close) / 3.0;
  const double range = high - low;
  p.r1 = 2.0 * p.pivot - low;
  p.s1 = 2.0 * p.pivot - high;
  p.r2 = p.pivot + range;
  p.s2 = p.pivot - range;
  if (style == PivotStyle::Traditional) {
    p.r3 = high + 2.0 * (p.pivot - low);
    p.s3 = low - 2.0 * (high - p.pivot);
  } else {
    p.r3 = p.pivot + 2.0 * range;
    p.s3 = p.pivot - 2.0 * range;
  }
  return p;
}

std::vector<FloorPivots> floor_pivot_series(std::span<const Bar> bars, PivotStyle style) {
  std::vector<FloorPivots> out(bars.size());
  for (std::size_t i = 1; i < bars.size(); ++i)
    out[i] = floor_pivots(bars[i - 1].high, bars[i - 1].low, bars[i - 1].close, style);
  return out;
}

const FloorPivots& FloorPivotTracker::update(const Bar& bar) {
  current_ = next_;
  next_ = floor_pivots(bar.high, bar.low, bar.close, style_);
  return current_;
}

}  // namespace dorado::quant::ta
