#include "dorado/calendar/nyse_calendar.hpp"

#include <chrono>

#include "dorado/calendar/new_york_time.hpp"

namespace dorado::calendar {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

constexpr std::chrono::minutes kOpen = 9h + 30min;
constexpr std::chrono::minutes kClose = 16h;
constexpr std::chrono::minutes kEarlyClose = 13h;

std::optional<Session> build_session(Date day) {
  const NyseDay kind = classify_nyse_day(day);
  if (kind.kind == NyseDayKind::Weekend || kind.kind == NyseDayKind::Holiday) return std::nullopt;
  const bool early = kind.kind == NyseDayKind::EarlyClose;
  return Session{new_york_to_utc(day, kOpen), new_york_to_utc(day, early ? kEarlyClose : kClose),
                 early};
}

}  // namespace

NyseCalendar::NyseCalendar() {
  for (sys_days d = sys_days{kNyseFirstDay}; d <= sys_days{kNyseLastDay}; d += std::chrono::days{1})
    sessions_.push_back(build_session(Date{d}));
}

bool NyseCalendar::covers(Date day) const {
  return day.ok() && sys_days{day} >= sys_days{kNyseFirstDay} &&
         sys_days{day} <= sys_days{kNyseLastDay};
}

std::optional<Session> NyseCalendar::session(Date day) const {
  if (!covers(day)) classify_nyse_day(day);  // throws the out_of_range with the coverage
  const auto index = (sys_days{day} - sys_days{kNyseFirstDay}).count();
  return sessions_[static_cast<std::size_t>(index)];
}

}  // namespace dorado::calendar
