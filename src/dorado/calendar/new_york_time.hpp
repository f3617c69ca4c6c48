#pragma once
// New York wall-clock time, where both the NYSE and the FX week are defined.
// Conversions go through the IANA time zone database (America/New_York), so
// daylight saving time follows the rules in force on each date, including the
// 2007 change of DST dates.
#include <chrono>

#include "dorado/domain/time.hpp"

namespace dorado::calendar {

// The UTC instant of `time_of_day` New York time on `day`. Times that do not
// exist or repeat at a DST change (02:00-03:00) resolve to the earlier
// instant; no market session starts or ends in that hour.
Timestamp new_york_to_utc(Date day, std::chrono::minutes time_of_day);

// The New York calendar date at instant `t`.
Date new_york_date(Timestamp t);

}  // namespace dorado::calendar
