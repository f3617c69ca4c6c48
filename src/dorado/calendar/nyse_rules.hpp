#pragma once
// What kind of day a date is on the New York Stock Exchange, 2000-2035.
//
// Sources: NYSE Rule 7.2 (holidays and their observance), the NYSE
// "Holidays & Trading Hours" pages and press releases for the special
// closures, and the NYSE closings history (Stocks.NYSE-Closings.pdf) as
// collected in pandas_market_calendars for the historical early closes.
// The rules, as implemented in nyse_rules.cpp:
//
// Holidays (closed all day). A holiday on a Saturday is observed the Friday
// before, on a Sunday the Monday after (Rule 7.2), except New Year's Day on a
// Saturday, which closes nothing: the Friday before ends the accounting year
// and stays open (2005, 2011, 2022, 2028, 2033).
//   New Year's Day            Jan 1
//   Martin Luther King Jr Day third Monday of January (observed by NYSE since 1998)
//   Washington's Birthday     third Monday of February
//   Good Friday               two days before Western Easter
//   Memorial Day              last Monday of May
//   Juneteenth                June 19, from 2022 only (2021's fell on a Saturday and
//                             the exchange was open Friday 2021-06-18)
//   Independence Day          July 4
//   Labor Day                 first Monday of September
//   Thanksgiving              fourth Thursday of November
//   Christmas                 Dec 25
// Special closures: 2001-09-11..14 (September 11 attacks), 2004-06-11 (Reagan,
// national day of mourning), 2007-01-02 (Ford), 2012-10-29..30 (Hurricane
// Sandy), 2018-12-05 (G.H.W. Bush), 2025-01-09 (Carter).
//
// Early closes, 13:00 New York, on a weekday that is not a holiday:
//   the day after Thanksgiving, every year;
//   Christmas Eve when it is a Monday..Thursday (a Friday Dec 24 is the
//     observed Christmas holiday);
//   July 3 when it is a Monday, Tuesday or Thursday (July 4 on Tue/Wed/Fri);
//   July 3 when it is a Wednesday (July 4 on Thursday) from 2013 on; before
//     2013 the early close in that case was Friday July 5 instead (2002);
//   no early close when July 4 is a Monday (July 3 is a Sunday), nor when it
//     is a Saturday (Friday July 3 is then the holiday, Thursday July 2 is a
//     full day) or a Sunday (Friday July 2 is a full day);
//   2003-12-26, the Friday after Christmas, announced in advance.
// Not modelled: unplanned intraday halts and delayed opens (moments of
// silence, the 2005-06-01 systems problem); they are not schedule.
#include <string_view>

#include "dorado/domain/time.hpp"

namespace dorado::calendar {

enum class NyseDayKind { Weekend, Holiday, EarlyClose, FullDay };

struct NyseDay {
  NyseDayKind kind;
  // Why, in words: "Good Friday", "day after Thanksgiving", "Hurricane Sandy"...
  // Empty for an ordinary full day.
  std::string_view reason;
};

inline constexpr Date kNyseFirstDay{std::chrono::year{2000}, std::chrono::January,
                                    std::chrono::day{1}};
inline constexpr Date kNyseLastDay{std::chrono::year{2035}, std::chrono::December,
                                   std::chrono::day{31}};

// Throws std::out_of_range for a day outside [kNyseFirstDay, kNyseLastDay]:
// the rules are verified for those years only.
NyseDay classify_nyse_day(Date day);

}  // namespace dorado::calendar
