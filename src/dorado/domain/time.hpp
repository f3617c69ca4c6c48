#pragma once
// Time vocabulary. Every stored time is UTC (DESIGN.md section 4); local
// exchange time exists only inside the calendars.
#include <chrono>
#include <string>

namespace dorado {

using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;
using Date = std::chrono::year_month_day;

// "2024-03-15T14:30:00.000000Z"
std::string to_iso8601(Timestamp t);
// "2024-03-15"
std::string to_iso_date(Date d);

}  // namespace dorado
