#pragma once
#include <chrono>

#include "dorado/domain/time.hpp"

namespace dorado::calendar {

// Western (Gregorian) Easter Sunday of `year`, by the Anonymous Gregorian
// algorithm (Meeus/Jones/Butcher), valid for every Gregorian year.
Date easter_sunday(std::chrono::year year);

}  // namespace dorado::calendar
