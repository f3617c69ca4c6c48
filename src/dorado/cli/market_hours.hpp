#pragma once
#include <iosfwd>

#include "dorado/domain/time.hpp"

namespace dorado::cli {

// For each calendar (NYSE, FX, crypto): open or closed at `now`, and when it
// next opens or closes.
void print_market_hours(std::ostream& out, Timestamp now);

}  // namespace dorado::cli
