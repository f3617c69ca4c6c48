#pragma once
// Rounding noise is not an inconsistency. Yahoo's split- and
// dividend-adjusted prices are products of float arithmetic, and a high can
// sit below the close by the last binary digit (25.016994476318356 against
// 25.01699447631836 in SPY's history). A high or low that misses the
// open/close it should bracket by less than one part in a million of the
// price (a hundredth of a cent on a $100 share, far below any tick) is moved
// onto it; anything larger is a real inconsistency and stays one.
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

inline constexpr double kRoundingTolerance = 1e-6;  // relative to the price

// Returns whether the bar was changed.
bool snap_rounding_noise(ports::OhlcvBar& bar);

}  // namespace dorado::data
