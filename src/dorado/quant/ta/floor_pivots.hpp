#pragma once
// Floor-trader pivot points from the previous period's high, low and close:
//   P  = (H + L + C) / 3
//   R1 = 2P - L            S1 = 2P - H
//   R2 = P + (H - L)       S2 = P - (H - L)
// R3/S3 have two published conventions, so the caller picks:
//   Traditional (the floor traders' and most references', TradingView
//   "Traditional"):  R3 = H + 2(P - L)    S3 = L - 2(H - P)
//   Classic (TradingView "Classic"):  R3 = P + 2(H - L)    S3 = P - 2(H - L)
// The series forms give, at index i, the pivots in force during bar i, i.e.
// computed from bar i - 1 (index 0 is undefined). Feed daily bars for daily
// pivots, weekly bars for weekly pivots.
#include <span>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

enum class PivotStyle { Traditional, Classic };

struct FloorPivots {
  double pivot = kUndefined;
  double r1 = kUndefined, r2 = kUndefined, r3 = kUndefined;
  double s1 = kUndefined, s2 = kUndefined, s3 = kUndefined;

  bool defined() const { return is_defined(pivot); }
};

FloorPivots floor_pivots(double high, double low, double close,
                         PivotStyle style = PivotStyle::Traditional);

std::vector<FloorPivots> floor_pivot_series(std::span<const Bar> bars,
                                            PivotStyle style = PivotStyle::Traditional);

class FloorPivotTracker {
 public:
  explicit FloorPivotTracker(PivotStyle style = PivotStyle::Traditional) : style_(style) {}

  // Pivots in force during `bar` (from the bar before it); the bar itself sets
  // the pivots for the next one, see next().
  const FloorPivots& update(const Bar& bar);
  const FloorPivots& value() const { return current_; }
  const FloorPivots& next() const { return next_; }

 private:
  PivotStyle style_;
  FloorPivots current_;
  FloorPivots next_;
};

}  // namespace dorado::quant::ta
