#include "dorado/calendar/exchange_calendar.hpp"

#include <chrono>
#include <stdexcept>
#include <string>

namespace dorado::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// No calendar here has a gap between sessions longer than a couple of weeks;
// a search that walks a year without finding one is a bug, not a market.
constexpr int kSearchLimitDays = 366;

Date utc_date(Timestamp t) {
  return Date{std::chrono::floor<days>(t)};
}
Date add_days(Date d, int n) {
  return Date{sys_days{d} + days{n}};
}

}  // namespace

std::optional<Session> ExchangeCalendar::session_at(Timestamp t) const {
  // Every calendar's sessions last at most a day and start no earlier than
  // the day before their trading day (FX: 17:00 New York the evening before),
  // so a session containing t belongs to t's UTC day or one of its neighbours.
  const Date today = utc_date(t);
  if (!covers(today)) (void)session(today);  // throws the calendar's own out_of_range
  for (int offset = -1; offset <= 1; ++offset) {
    const Date day = add_days(today, offset);
    if (!covers(day)) continue;
    if (const auto s = session(day); s && s->contains(t)) return s;
  }
  return std::nullopt;
}

Timestamp ExchangeCalendar::next_open(Timestamp t) const {
  const Date today = utc_date(t);
  for (int offset = -1; offset <= kSearchLimitDays; ++offset) {
    const Date day = add_days(today, offset);
    if (offset < 0 && !covers(day)) continue;
    if (const auto s = session(day); s && s->open >= t) return s->open;
  }
  throw std::logic_error(std::string(name()) + " calendar: no session opens within a year of " +
                         to_iso8601(t));
}

Timestamp ExchangeCalendar::next_close(Timestamp t) const {
  const Date today = utc_date(t);
  for (int offset = -1; offset <= kSearchLimitDays; ++offset) {
    const Date day = add_days(today, offset);
    if (offset < 0 && !covers(day)) continue;
    if (const auto s = session(day); s && s->close > t) return s->close;
  }
  throw std::logic_error(std::string(name()) + " calendar: no session closes within a year of " +
                         to_iso8601(t));
}

Date ExchangeCalendar::step_to_trading_day(Date day, int direction) const {
  for (int step = 1; step <= kSearchLimitDays; ++step) {
    const Date candidate = add_days(day, step * direction);
    if (is_trading_day(candidate)) return candidate;
  }
  throw std::logic_error(std::string(name()) + " calendar: no trading day within a year of " +
                         to_iso_date(day));
}

Date ExchangeCalendar::previous_trading_day(Date day) const {
  return step_to_trading_day(day, -1);
}

Date ExchangeCalendar::next_trading_day(Date day) const {
  return step_to_trading_day(day, +1);
}

std::vector<Date> ExchangeCalendar::trading_days(Date from, Date to) const {
  if (sys_days{from} > sys_days{to})
    throw std::invalid_argument(std::string(name()) + " calendar: trading_days from " +
                                to_iso_date(from) + " is after to " + to_iso_date(to));
  std::vector<Date> out;
  for (sys_days d = sys_days{from}; d <= sys_days{to}; d += days{1})
    if (is_trading_day(Date{d})) out.push_back(Date{d});
  return out;
}

}  // namespace dorado::calendar
