#include "dorado/calendar/nyse_rules.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "dorado/calendar/easter.hpp"

namespace dorado::calendar {
namespace {

using namespace std::chrono;

struct DatedReason {
  Date day;
  std::string_view reason;
};

constexpr Date ymd(int y, unsigned m, unsigned d) {
  return Date{year{y}, month{m}, day{d}};
}

constexpr std::array kSpecialClosures{
    DatedReason{ymd(2001, 9, 11), "September 11 attacks"},
    DatedReason{ymd(2001, 9, 12), "September 11 attacks"},
    DatedReason{ymd(2001, 9, 13), "September 11 attacks"},
    DatedReason{ymd(2001, 9, 14), "September 11 attacks"},
    DatedReason{ymd(2004, 6, 11), "national day of mourning for Ronald Reagan"},
    DatedReason{ymd(2007, 1, 2), "national day of mourning for Gerald Ford"},
    DatedReason{ymd(2012, 10, 29), "Hurricane Sandy"},
    DatedReason{ymd(2012, 10, 30), "Hurricane Sandy"},
    DatedReason{ymd(2018, 12, 5), "national day of mourning for George H. W. Bush"},
    DatedReason{ymd(2025, 1, 9), "national day of mourning for Jimmy Carter"},
};

constexpr std::array kSpecialEarlyCloses{
    DatedReason{ymd(2003, 12, 26), "Friday after Christmas 2003"},
};

Date nth_weekday(year y, month m, weekday wd, unsigned n) {
  return Date{sys_days{year_month_weekday{y, m, weekday_indexed{wd, n}}}};
}

Date last_weekday(year y, month m, weekday wd) {
  return Date{sys_days{year_month_weekday_last{y, m, weekday_last{wd}}}};
}

Date shift(Date d, int n) {
  return Date{sys_days{d} + days{n}};
}

weekday weekday_of(Date d) {
  return weekday{sys_days{d}};
}

// Rule 7.2: Saturday -> the Friday before, Sunday -> the Monday after.
Date observed(Date actual) {
  const weekday wd = weekday_of(actual);
  if (wd == Saturday) return shift(actual, -1);
  if (wd == Sunday) return shift(actual, +1);
  return actual;
}

std::optional<std::string_view> holiday(Date d) {
  const year y = d.year();
  // New Year's Day: a Saturday Jan 1 is not moved back into the old year.
  if (const Date ny = ymd(int(y), 1, 1); weekday_of(ny) != Saturday && d == observed(ny))
    return "New Year's Day";
  if (d == nth_weekday(y, January, Monday, 3)) return "Martin Luther King Jr. Day";
  if (d == nth_weekday(y, February, Monday, 3)) return "Washington's Birthday";
  if (d == shift(easter_sunday(y), -2)) return "Good Friday";
  if (d == last_weekday(y, May, Monday)) return "Memorial Day";
  if (y >= year{2022} && d == observed(ymd(int(y), 6, 19))) return "Juneteenth";
  if (d == observed(ymd(int(y), 7, 4))) return "Independence Day";
  if (d == nth_weekday(y, September, Monday, 1)) return "Labor Day";
  if (d == nth_weekday(y, November, Thursday, 4)) return "Thanksgiving Day";
  if (d == observed(ymd(int(y), 12, 25))) return "Christmas Day";
  for (const auto& closure : kSpecialClosures)
    if (closure.day == d) return closure.reason;
  return std::nullopt;
}

// Only asked about weekdays that are not holidays.
std::optional<std::string_view> early_close(Date d) {
  const year y = d.year();
  const weekday wd = weekday_of(d);
  if (d == shift(nth_weekday(y, November, Thursday, 4), 1)) return "day after Thanksgiving";
  if (d.month() == December && d.day() == day{24}) return "Christmas Eve";
  if (d.month() == July && d.day() == day{3}) {
    if (wd == Monday || wd == Tuesday || wd == Thursday) return "day before Independence Day";
    if (wd == Wednesday && y >= year{2013}) return "day before Independence Day";
  }
  if (d.month() == July && d.day() == day{5} && wd == Friday && y < year{2013})
    return "day after Independence Day";
  for (const auto& special : kSpecialEarlyCloses)
    if (special.day == d) return special.reason;
  return std::nullopt;
}

}  // namespace

NyseDay classify_nyse_day(Date d) {
  if (!d.ok() || sys_days{d} < sys_days{kNyseFirstDay} || sys_days{d} > sys_days{kNyseLastDay})
    throw std::out_of_range("nyse calendar covers " + to_iso_date(kNyseFirstDay) + " to " +
                            to_iso_date(kNyseLastDay) + "; " + to_iso_date(d) + " is outside it");
  const weekday wd = weekday_of(d);
  if (wd == Saturday || wd == Sunday) return {NyseDayKind::Weekend, "weekend"};
  if (const auto name = holiday(d)) return {NyseDayKind::Holiday, *name};
  if (const auto why = early_close(d)) return {NyseDayKind::EarlyClose, *why};
  return {NyseDayKind::FullDay, {}};
}

}  // namespace dorado::calendar
