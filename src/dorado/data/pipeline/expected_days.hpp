#pragma once
// Which days a daily series should have, by the exchange calendar of its
// asset class, and which of them it lacks. Calendars cover a limited span
// (NYSE: 2000-2035); days outside it are neither expected nor missing, and
// are counted apart so a report can say the check did not reach them.
#include <cstdint>
#include <span>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::data {

// A run of consecutive expected days without an observation.
struct DateGap {
  Date first;  // the first missing trading day
  Date last;   // the last missing trading day
  std::int64_t days = 0;

  bool operator==(const DateGap&) const = default;
};

struct CalendarCheck {
  std::vector<DateGap> gaps;
  std::int64_t missing_days = 0;    // sum of the gaps' days
  std::vector<Date> off_calendar;   // observations on days the calendar is closed
  std::int64_t uncovered_days = 0;  // calendar days in range the calendar does not cover
};

// Compares the observation days (ascending, distinct) with the calendar's
// trading days between the first and the last of them.
CalendarCheck check_against_calendar(std::span<const Date> days,
                                     const calendar::ExchangeCalendar& calendar);

// The trading days in [from, to] the calendar covers (uncovered years skipped).
std::vector<Date> covered_trading_days(const calendar::ExchangeCalendar& calendar, Date from,
                                       Date to, std::int64_t* uncovered_days = nullptr);

// The latest trading day whose session has closed at `now`: the day whose
// bar a daily series should already hold. Nothing when the calendar does not
// cover the weeks before `now`.
std::optional<Date> last_closed_trading_day(const calendar::ExchangeCalendar& calendar,
                                            Timestamp now);

}  // namespace dorado::data
