#include "dorado/calendar/fx_calendar.hpp"

#include <chrono>

#include "dorado/calendar/new_york_time.hpp"

namespace dorado::calendar {
namespace {

using namespace std::chrono;

constexpr minutes kRollover = hours{17};

bool is_fx_holiday(Date day) {
  return (day.month() == January && day.day() == std::chrono::day{1}) ||
         (day.month() == December && day.day() == std::chrono::day{25});
}

}  // namespace

std::optional<Session> FxCalendar::session(Date day) const {
  const weekday wd{sys_days{day}};
  if (wd == Saturday || wd == Sunday || is_fx_holiday(day)) return std::nullopt;
  const Date eve{sys_days{day} - days{1}};
  return Session{new_york_to_utc(eve, kRollover), new_york_to_utc(day, kRollover), false};
}

}  // namespace dorado::calendar
