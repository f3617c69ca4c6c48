#include "dorado/data/pipeline/expected_days.hpp"

#include <algorithm>
#include <stdexcept>

namespace dorado::data {

namespace {

using namespace std::chrono;

constexpr int kLookBackDays = 31;

}  // namespace

std::vector<Date> covered_trading_days(const calendar::ExchangeCalendar& calendar, Date from,
                                       Date to, std::int64_t* uncovered_days) {
  std::vector<Date> days;
  if (uncovered_days) *uncovered_days = 0;
  if (sys_days{from} > sys_days{to}) return days;
  // Year by year: a calendar covers whole years, so an uncovered year is skipped whole.
  for (auto y = from.year(); y <= to.year(); ++y) {
    const Date a = std::max(from, Date{y / January / 1});
    const Date b = std::min(to, Date{y / December / 31});
    try {
      const auto part = calendar.trading_days(a, b);
      days.insert(days.end(), part.begin(), part.end());
    } catch (const std::out_of_range&) {
      if (uncovered_days) *uncovered_days += (sys_days{b} - sys_days{a}).count() + 1;
    }
  }
  return days;
}

CalendarCheck check_against_calendar(std::span<const Date> days,
                                     const calendar::ExchangeCalendar& calendar) {
  CalendarCheck check;
  if (days.empty()) return check;
  const auto expected =
      covered_trading_days(calendar, days.front(), days.back(), &check.uncovered_days);
  for (const Date day : days) {
    if (std::binary_search(expected.begin(), expected.end(), day)) continue;
    try {
      if (!calendar.is_trading_day(day)) check.off_calendar.push_back(day);
    } catch (const std::out_of_range&) {  // not covered: neither expected nor off
    }
  }
  std::optional<DateGap> run;
  auto close_run = [&] {
    if (!run) return;
    check.missing_days += run->days;
    check.gaps.push_back(*run);
    run.reset();
  };
  for (const Date day : expected) {
    if (std::binary_search(days.begin(), days.end(), day)) {
      close_run();
    } else if (run) {
      run->last = day;
      ++run->days;
    } else {
      run = DateGap{day, day, 1};
    }
  }
  close_run();
  return check;
}

std::optional<Date> last_closed_trading_day(const calendar::ExchangeCalendar& calendar,
                                            Timestamp now) {
  Date day{floor<days>(now) + days{1}};
  for (int i = 0; i <= kLookBackDays; ++i, day = Date{sys_days{day} - days{1}}) {
    try {
      const auto session = calendar.session(day);
      if (session && session->close <= now) return day;
    } catch (const std::out_of_range&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace dorado::data
