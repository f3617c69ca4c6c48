#include "dorado/calendar/nyse_calendar.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "test_time.hpp"

namespace dorado::calendar {
namespace {

using test::date;
using test::utc;

class Nyse : public ::testing::Test {
 protected:
  const NyseCalendar& nyse() {
    static const NyseCalendar calendar;
    return calendar;
  }
  bool closed(int y, unsigned m, unsigned d) { return !nyse().is_trading_day(date(y, m, d)); }
  Session session(int y, unsigned m, unsigned d) {
    const auto s = nyse().session(date(y, m, d));
    if (!s) throw std::logic_error("expected a session");
    return *s;
  }
};

TEST_F(Nyse, RegularSessionIsNineThirtyToFourNewYorkInUtc) {
  // 2024-06-12, a Wednesday in EDT (UTC-4).
  EXPECT_EQ(session(2024, 6, 12),
            (Session{utc(2024, 6, 12, 13, 30), utc(2024, 6, 12, 20, 0), false}));
  // 2024-01-10, EST (UTC-5).
  EXPECT_EQ(session(2024, 1, 10),
            (Session{utc(2024, 1, 10, 14, 30), utc(2024, 1, 10, 21, 0), false}));
}

TEST_F(Nyse, WeekendsAreClosed) {
  EXPECT_TRUE(closed(2024, 6, 15));  // Saturday
  EXPECT_TRUE(closed(2024, 6, 16));  // Sunday
  EXPECT_FALSE(closed(2024, 6, 17));
  EXPECT_EQ(nyse().describe(date(2024, 6, 15)).kind, NyseDayKind::Weekend);
}

TEST_F(Nyse, GoodFridayIsClosed) {
  EXPECT_TRUE(closed(2024, 3, 29));
  EXPECT_TRUE(closed(2000, 4, 21));
  EXPECT_TRUE(closed(2019, 4, 19));
  EXPECT_TRUE(closed(2035, 3, 23));
  EXPECT_EQ(nyse().describe(date(2024, 3, 29)).reason, "Good Friday");
  // The Thursday before and the Monday after trade normally.
  EXPECT_FALSE(session(2024, 3, 28).early_close);
  EXPECT_FALSE(closed(2024, 4, 1));
}

TEST_F(Nyse, ThanksgivingClosedAndDayAfterClosesAtOnePm) {
  EXPECT_TRUE(closed(2024, 11, 28));
  EXPECT_EQ(nyse().describe(date(2024, 11, 28)).reason, "Thanksgiving Day");
  // 13:00 EST = 18:00 UTC.
  EXPECT_EQ(session(2024, 11, 29),
            (Session{utc(2024, 11, 29, 14, 30), utc(2024, 11, 29, 18, 0), true}));
  EXPECT_TRUE(nyse().is_open(utc(2024, 11, 29, 17, 59, 59)));
  EXPECT_FALSE(nyse().is_open(utc(2024, 11, 29, 18, 0)));
  EXPECT_TRUE(closed(2000, 11, 23));
  EXPECT_TRUE(session(2000, 11, 24).early_close);
}

TEST_F(Nyse, ChristmasEveClosesEarlyOnWeekdaysAndChristmasIsObserved) {
  EXPECT_EQ(session(2024, 12, 24),
            (Session{utc(2024, 12, 24, 14, 30), utc(2024, 12, 24, 18, 0), true}));
  EXPECT_TRUE(closed(2024, 12, 25));
  EXPECT_TRUE(session(2001, 12, 24).early_close);  // Monday
  EXPECT_TRUE(session(2020, 12, 24).early_close);  // Thursday
  // Christmas on a Saturday: Friday Dec 24 is the holiday, not an early close.
  EXPECT_TRUE(closed(2021, 12, 24));
  EXPECT_TRUE(closed(2010, 12, 24));
  EXPECT_FALSE(session(2021, 12, 23).early_close);
  // Christmas on a Sunday: Monday Dec 26 is the holiday.
  EXPECT_TRUE(closed(2022, 12, 26));
  EXPECT_TRUE(closed(2016, 12, 26));
  // The one-off early close after Christmas 2003.
  EXPECT_TRUE(session(2003, 12, 26).early_close);
  EXPECT_FALSE(session(2008, 12, 26).early_close);
}

TEST_F(Nyse, IndependenceDayAndItsEarlyCloses) {
  // July 4 on Thursday: from 2013, Wednesday July 3 closes early, Friday is full.
  EXPECT_EQ(session(2024, 7, 3), (Session{utc(2024, 7, 3, 13, 30), utc(2024, 7, 3, 17, 0), true}));
  EXPECT_TRUE(closed(2024, 7, 4));
  EXPECT_FALSE(session(2024, 7, 5).early_close);
  EXPECT_TRUE(session(2013, 7, 3).early_close);
  EXPECT_FALSE(session(2013, 7, 5).early_close);
  // Before 2013 the Friday after closed early instead (2002).
  EXPECT_FALSE(session(2002, 7, 3).early_close);
  EXPECT_TRUE(session(2002, 7, 5).early_close);
  // July 4 on Tuesday / Wednesday / Friday: July 3 closes early.
  EXPECT_TRUE(session(2000, 7, 3).early_close);  // Monday
  EXPECT_TRUE(session(2007, 7, 3).early_close);  // Tuesday
  EXPECT_TRUE(session(2025, 7, 3).early_close);  // Thursday
  // July 4 on Monday: no early close anywhere around it.
  EXPECT_TRUE(closed(2005, 7, 4));
  EXPECT_FALSE(session(2005, 7, 1).early_close);
  EXPECT_FALSE(session(2011, 7, 1).early_close);
  EXPECT_FALSE(session(2022, 7, 1).early_close);
  // July 4 on Saturday: Friday July 3 is the holiday and Thursday is a full day.
  EXPECT_TRUE(closed(2020, 7, 3));
  EXPECT_FALSE(session(2020, 7, 2).early_close);
  EXPECT_TRUE(closed(2026, 7, 3));
  // July 4 on Sunday: Monday July 5 is the holiday and Friday July 2 is full.
  EXPECT_TRUE(closed(2021, 7, 5));
  EXPECT_FALSE(session(2021, 7, 2).early_close);
}

TEST_F(Nyse, NewYearOnSaturdayDoesNotCloseTheOldYear) {
  EXPECT_FALSE(closed(2021, 12, 31));
  EXPECT_FALSE(session(2021, 12, 31).early_close);
  EXPECT_FALSE(closed(2010, 12, 31));
  EXPECT_FALSE(closed(2004, 12, 31));
  // New Year on Sunday moves to Monday.
  EXPECT_TRUE(closed(2023, 1, 2));
  EXPECT_TRUE(closed(2012, 1, 2));
  EXPECT_TRUE(closed(2024, 1, 1));
}

TEST_F(Nyse, JuneteenthOnlyFrom2022) {
  EXPECT_FALSE(closed(2021, 6, 18));  // June 19, 2021 was a Saturday: not yet a holiday
  EXPECT_FALSE(closed(2020, 6, 19));
  EXPECT_TRUE(closed(2022, 6, 20));  // Sunday -> Monday
  EXPECT_FALSE(closed(2022, 6, 17));
  EXPECT_TRUE(closed(2023, 6, 19));
  EXPECT_TRUE(closed(2024, 6, 19));
  EXPECT_TRUE(closed(2027, 6, 18));  // Saturday -> Friday
  EXPECT_EQ(nyse().describe(date(2023, 6, 19)).reason, "Juneteenth");
}

TEST_F(Nyse, MondayHolidays) {
  EXPECT_TRUE(closed(2024, 1, 15));  // Martin Luther King Jr. Day
  EXPECT_TRUE(closed(2000, 1, 17));
  EXPECT_TRUE(closed(2024, 2, 19));    // Washington's Birthday
  EXPECT_TRUE(closed(2024, 5, 27));    // Memorial Day
  EXPECT_TRUE(closed(2024, 9, 2));     // Labor Day
  EXPECT_FALSE(closed(2024, 10, 14));  // Columbus Day: the exchange is open
  EXPECT_FALSE(closed(2024, 11, 11));  // Veterans Day: open
}

TEST_F(Nyse, SpecialClosures) {
  for (unsigned d = 11; d <= 14; ++d) EXPECT_TRUE(closed(2001, 9, d)) << "2001-09-" << d;
  EXPECT_FALSE(closed(2001, 9, 10));
  EXPECT_FALSE(closed(2001, 9, 17));
  EXPECT_TRUE(closed(2004, 6, 11));
  EXPECT_TRUE(closed(2007, 1, 2));
  EXPECT_TRUE(closed(2012, 10, 29));
  EXPECT_TRUE(closed(2012, 10, 30));
  EXPECT_FALSE(closed(2012, 10, 31));
  EXPECT_TRUE(closed(2018, 12, 5));
  EXPECT_TRUE(closed(2025, 1, 9));
  EXPECT_EQ(nyse().describe(date(2012, 10, 29)).reason, "Hurricane Sandy");
}

TEST_F(Nyse, SpringDstChangeMovesTheOpenInUtc) {
  // DST started Sunday 2024-03-10.
  EXPECT_EQ(session(2024, 3, 8).open, utc(2024, 3, 8, 14, 30));
  EXPECT_EQ(session(2024, 3, 11).open, utc(2024, 3, 11, 13, 30));
  EXPECT_EQ(session(2024, 3, 11).close, utc(2024, 3, 11, 20, 0));
  // Before 2007 DST started on the first Sunday of April.
  EXPECT_EQ(session(2006, 3, 31).open, utc(2006, 3, 31, 14, 30));
  EXPECT_EQ(session(2006, 4, 3).open, utc(2006, 4, 3, 13, 30));
}

TEST_F(Nyse, AutumnDstChangeMovesTheOpenInUtc) {
  // DST ended Sunday 2024-11-03.
  EXPECT_EQ(session(2024, 11, 1).open, utc(2024, 11, 1, 13, 30));
  EXPECT_EQ(session(2024, 11, 4).open, utc(2024, 11, 4, 14, 30));
  EXPECT_EQ(session(2024, 11, 4).close, utc(2024, 11, 4, 21, 0));
}

TEST_F(Nyse, IsOpenAtTheEdges) {
  EXPECT_FALSE(nyse().is_open(utc(2024, 6, 12, 13, 29, 59)));
  EXPECT_TRUE(nyse().is_open(utc(2024, 6, 12, 13, 30)));
  EXPECT_TRUE(nyse().is_open(utc(2024, 6, 12, 19, 59, 59)));
  EXPECT_FALSE(nyse().is_open(utc(2024, 6, 12, 20, 0)));
  EXPECT_FALSE(nyse().is_open(utc(2024, 3, 29, 15, 0)));  // Good Friday
  EXPECT_EQ(nyse().session_at(utc(2024, 6, 12, 15, 0)), session(2024, 6, 12));
}

TEST_F(Nyse, NextOpenAndCloseAcrossALongWeekend) {
  // Friday before Labor Day 2024, after the close: next open is Tuesday.
  EXPECT_EQ(nyse().next_open(utc(2024, 8, 30, 20, 0)), utc(2024, 9, 3, 13, 30));
  EXPECT_EQ(nyse().next_close(utc(2024, 8, 30, 20, 0)), utc(2024, 9, 3, 20, 0));
  // Thursday before Good Friday 2024, during the session.
  EXPECT_EQ(nyse().next_open(utc(2024, 3, 28, 15, 0)), utc(2024, 4, 1, 13, 30));
  EXPECT_EQ(nyse().next_close(utc(2024, 3, 28, 15, 0)), utc(2024, 3, 28, 20, 0));
  // Exactly at an open, that open is the next one; exactly at a close, the next close is
  // tomorrow's.
  EXPECT_EQ(nyse().next_open(utc(2024, 6, 12, 13, 30)), utc(2024, 6, 12, 13, 30));
  EXPECT_EQ(nyse().next_close(utc(2024, 6, 12, 20, 0)), utc(2024, 6, 13, 20, 0));
  // Across the September 11 closure.
  EXPECT_EQ(nyse().next_open(utc(2001, 9, 10, 21, 0)), utc(2001, 9, 17, 13, 30));
  // Into an early close.
  EXPECT_EQ(nyse().next_close(utc(2024, 11, 27, 22, 0)), utc(2024, 11, 29, 18, 0));
}

TEST_F(Nyse, PreviousAndNextTradingDay) {
  EXPECT_EQ(nyse().next_trading_day(date(2024, 3, 28)), date(2024, 4, 1));
  EXPECT_EQ(nyse().previous_trading_day(date(2024, 4, 1)), date(2024, 3, 28));
  EXPECT_EQ(nyse().next_trading_day(date(2024, 6, 12)), date(2024, 6, 13));
  EXPECT_EQ(nyse().previous_trading_day(date(2024, 1, 2)), date(2023, 12, 29));
  EXPECT_EQ(nyse().next_trading_day(date(2012, 10, 26)), date(2012, 10, 31));
}

TEST_F(Nyse, TradingDaysPerYear) {
  // Weekdays minus holidays and special closures, counted by hand for each
  // year and matching the exchange's published counts.
  const auto days_in = [&](int y) {
    return nyse().trading_days(date(y, 1, 1), date(y, 12, 31)).size();
  };
  EXPECT_EQ(days_in(2000), 252u);
  EXPECT_EQ(days_in(2001), 248u);  // four days closed after September 11
  EXPECT_EQ(days_in(2004), 252u);
  EXPECT_EQ(days_in(2012), 250u);  // Hurricane Sandy
  EXPECT_EQ(days_in(2018), 251u);  // G.H.W. Bush
  EXPECT_EQ(days_in(2019), 252u);
  EXPECT_EQ(days_in(2022), 251u);
  EXPECT_EQ(days_in(2023), 250u);
  EXPECT_EQ(days_in(2024), 252u);
  EXPECT_EQ(days_in(2025), 250u);  // Carter
}

TEST_F(Nyse, EarlyClosesPerYear) {
  const auto early_in = [&](int y) {
    int n = 0;
    for (const Date d : nyse().trading_days(date(y, 1, 1), date(y, 12, 31)))
      n += nyse().session(d)->early_close ? 1 : 0;
    return n;
  };
  EXPECT_EQ(early_in(2024), 3);  // July 3, Nov 29, Dec 24
  EXPECT_EQ(early_in(2022), 1);  // Nov 25 only: July 4 Monday, Dec 24 Saturday
  EXPECT_EQ(early_in(2021), 1);  // Nov 26 only: July 4 Sunday, Dec 24 the holiday
  EXPECT_EQ(early_in(2003), 4);  // July 3, Nov 28, Dec 24, Dec 26
}

TEST_F(Nyse, EverySessionOfTheCoverageIsWellFormed) {
  // Whole range: sessions are 6h30 or, on early closes, 3h30 (DST never
  // changes on a weekday), open at 13:30 or 14:30 UTC, and every year has a
  // plausible number of trading days.
  using namespace std::chrono;
  for (int y = 2000; y <= 2035; ++y) {
    const auto days = nyse().trading_days(date(y, 1, 1), date(y, 12, 31));
    EXPECT_GE(days.size(), 248u) << y;
    EXPECT_LE(days.size(), 253u) << y;
    for (const Date d : days) {
      const Session s = *nyse().session(d);
      EXPECT_EQ(s.close - s.open, s.early_close ? hours{3} + minutes{30} : hours{6} + minutes{30})
          << to_iso_date(d);
      const auto open_utc = s.open - sys_days{d};
      EXPECT_TRUE(open_utc == hours{13} + minutes{30} || open_utc == hours{14} + minutes{30})
          << to_iso_date(d);
    }
  }
}

TEST_F(Nyse, TradingDaysListsBothEnds) {
  const auto days = nyse().trading_days(date(2024, 3, 27), date(2024, 4, 2));
  const std::vector<Date> expected{date(2024, 3, 27), date(2024, 3, 28), date(2024, 4, 1),
                                   date(2024, 4, 2)};
  EXPECT_EQ(days, expected);
  EXPECT_THROW((void)nyse().trading_days(date(2024, 4, 2), date(2024, 3, 27)),
               std::invalid_argument);
}

TEST_F(Nyse, DatesOutsideCoverageAreAnErrorNotAGuess) {
  EXPECT_THROW((void)nyse().session(date(1999, 12, 31)), std::out_of_range);
  EXPECT_THROW((void)nyse().is_trading_day(date(2036, 1, 2)), std::out_of_range);
  EXPECT_THROW((void)nyse().is_open(utc(1999, 12, 31, 15, 0)), std::out_of_range);
  EXPECT_THROW((void)nyse().next_trading_day(date(2035, 12, 31)), std::out_of_range);
  try {
    (void)nyse().session(date(2036, 1, 2));
    FAIL() << "expected out_of_range";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(),
                 "nyse calendar covers 2000-01-01 to 2035-12-31; 2036-01-02 is outside it");
  }
  // The first and last covered days work.
  EXPECT_FALSE(nyse().is_trading_day(date(2000, 1, 1)));  // Saturday
  EXPECT_TRUE(nyse().is_trading_day(date(2000, 1, 3)));
  EXPECT_TRUE(nyse().is_trading_day(date(2035, 12, 31)));  // Monday
  EXPECT_FALSE(nyse().is_open(utc(2000, 1, 1, 0, 0)));
}

}  // namespace
}  // namespace dorado::calendar
