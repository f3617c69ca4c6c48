#pragma once
// The instant a daily scan of trade date `day` looks at the market: the NYSE
// close of that day (16:00 New York, 13:00 on early-close days), when the
// options chains, the VIX and the daily bars of the day are final. A day the
// NYSE does not trade (a crypto weekend) still scans as of 16:00 New York.
// Derived from the date alone, never from the wall clock, so a scan is
// reproducible.
#include "dorado/domain/time.hpp"

namespace dorado::engine {

Timestamp scan_instant(Date day);

}  // namespace dorado::engine
