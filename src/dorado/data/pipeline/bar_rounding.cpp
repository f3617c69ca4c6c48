#include "dorado/data/pipeline/bar_rounding.hpp"

#include <algorithm>

namespace dorado::data {

bool snap_rounding_noise(ports::OhlcvBar& bar) {
  const double top = std::max(bar.open, bar.close);
  const double bottom = std::min(bar.open, bar.close);
  bool changed = false;
  if (bar.high < top && top - bar.high <= kRoundingTolerance * top) {
    bar.high = top;
    changed = true;
  }
  if (bar.low > bottom && bar.low - bottom <= kRoundingTolerance * bottom) {
    bar.low = bottom;
    changed = true;
  }
  return changed;
}

}  // namespace dorado::data
