#include "dorado/calendar/fx_calendar.hpp"

#include <gtest/gtest.h>

#include "test_time.hpp"

namespace dorado::calendar {
namespace {

using test::date;
using test::utc;

const FxCalendar fx;

TEST(FxCalendar, WeekOpensSundayFivePmAndClosesFridayFivePmNewYork) {
  // Week of 2024-06-10, EDT: 17:00 New York = 21:00 UTC.
  EXPECT_FALSE(fx.is_open(utc(2024, 6, 9, 20, 59)));  // Sunday 16:59 NY
  EXPECT_TRUE(fx.is_open(utc(2024, 6, 9, 21, 0)));    // Sunday 17:00 NY
  EXPECT_TRUE(fx.is_open(utc(2024, 6, 12, 3, 0)));    // mid-week, any hour
  EXPECT_TRUE(fx.is_open(utc(2024, 6, 14, 20, 59)));  // Friday 16:59 NY
  EXPECT_FALSE(fx.is_open(utc(2024, 6, 14, 21, 0)));  // Friday 17:00 NY
  EXPECT_FALSE(fx.is_open(utc(2024, 6, 15, 12, 0)));  // Saturday
  EXPECT_FALSE(fx.is_open(utc(2024, 6, 16, 12, 0)));  // Sunday morning
}

TEST(FxCalendar, WinterWeekIsAnHourLaterInUtc) {
  // EST: 17:00 New York = 22:00 UTC.
  EXPECT_TRUE(fx.is_open(utc(2024, 1, 12, 21, 59)));   // Friday 16:59 NY
  EXPECT_FALSE(fx.is_open(utc(2024, 1, 12, 22, 0)));   // Friday 17:00 NY
  EXPECT_FALSE(fx.is_open(utc(2024, 1, 14, 21, 59)));  // Sunday 16:59 NY
  EXPECT_TRUE(fx.is_open(utc(2024, 1, 14, 22, 0)));    // Sunday 17:00 NY
}

TEST(FxCalendar, SpringDstWeekend) {
  // DST started Sunday 2024-03-10 at 02:00: Friday closed at 17:00 EST (22:00
  // UTC), Sunday opened at 17:00 EDT (21:00 UTC).
  EXPECT_TRUE(fx.is_open(utc(2024, 3, 8, 21, 59)));
  EXPECT_FALSE(fx.is_open(utc(2024, 3, 8, 22, 0)));
  EXPECT_FALSE(fx.is_open(utc(2024, 3, 10, 20, 59)));
  EXPECT_TRUE(fx.is_open(utc(2024, 3, 10, 21, 0)));
  EXPECT_EQ(fx.next_open(utc(2024, 3, 8, 22, 0)), utc(2024, 3, 10, 21, 0));
}

TEST(FxCalendar, AutumnDstWeekend) {
  // DST ended Sunday 2024-11-03: Friday closed at 17:00 EDT (21:00 UTC),
  // Sunday opened at 17:00 EST (22:00 UTC).
  EXPECT_TRUE(fx.is_open(utc(2024, 11, 1, 20, 59)));
  EXPECT_FALSE(fx.is_open(utc(2024, 11, 1, 21, 0)));
  EXPECT_FALSE(fx.is_open(utc(2024, 11, 3, 21, 59)));
  EXPECT_TRUE(fx.is_open(utc(2024, 11, 3, 22, 0)));
  EXPECT_EQ(fx.next_open(utc(2024, 11, 2, 12, 0)), utc(2024, 11, 3, 22, 0));
}

TEST(FxCalendar, TradingDayIsTheNewYorkDateTheSessionClosesOn) {
  // Monday's session runs Sunday 17:00 -> Monday 17:00 New York.
  EXPECT_EQ(fx.session(date(2024, 6, 10)),
            (Session{utc(2024, 6, 9, 21, 0), utc(2024, 6, 10, 21, 0), false}));
  EXPECT_EQ(fx.session_at(utc(2024, 6, 9, 23, 0)), fx.session(date(2024, 6, 10)));
  // US DST changes happen at 02:00 on a Sunday, while FX is shut, so even
  // the first session after one lasts exactly 24 hours; only its UTC times move.
  const auto monday = fx.session(date(2024, 3, 11));
  ASSERT_TRUE(monday);
  EXPECT_EQ(monday->open, utc(2024, 3, 10, 21, 0));
  EXPECT_EQ(monday->close - monday->open, std::chrono::hours{24});
  EXPECT_FALSE(fx.is_trading_day(date(2024, 6, 15)));
  EXPECT_FALSE(fx.is_trading_day(date(2024, 6, 16)));
  // The daily rollover is a session boundary, not a pause.
  EXPECT_TRUE(fx.is_open(utc(2024, 6, 11, 21, 0)));
  EXPECT_EQ(fx.next_close(utc(2024, 6, 11, 12, 0)), utc(2024, 6, 11, 21, 0));
}

TEST(FxCalendar, ChristmasAndNewYearAreClosed) {
  // 2024-12-25 Wednesday: closed from Tuesday 17:00 until Wednesday 17:00 NY.
  EXPECT_FALSE(fx.is_trading_day(date(2024, 12, 25)));
  EXPECT_TRUE(fx.is_open(utc(2024, 12, 24, 21, 59)));
  EXPECT_FALSE(fx.is_open(utc(2024, 12, 24, 22, 0)));
  EXPECT_FALSE(fx.is_open(utc(2024, 12, 25, 21, 59)));
  EXPECT_TRUE(fx.is_open(utc(2024, 12, 25, 22, 0)));
  EXPECT_EQ(fx.next_open(utc(2024, 12, 24, 22, 0)), utc(2024, 12, 25, 22, 0));
  EXPECT_FALSE(fx.is_trading_day(date(2025, 1, 1)));
  EXPECT_EQ(fx.next_trading_day(date(2024, 12, 31)), date(2025, 1, 2));
  // Christmas on a Monday: the Sunday open waits until Monday 17:00.
  EXPECT_FALSE(fx.is_open(utc(2023, 12, 24, 23, 0)));
  EXPECT_EQ(fx.next_open(utc(2023, 12, 22, 22, 0)), utc(2023, 12, 25, 22, 0));
}

TEST(FxCalendar, TradingDaysPerYear) {
  // 2024: 262 weekdays, minus Jan 1 (Monday) and Dec 25 (Wednesday).
  EXPECT_EQ(fx.trading_days(date(2024, 1, 1), date(2024, 12, 31)).size(), 260u);
  // 2022: 260 weekdays; Jan 1 a Saturday, Dec 25 a Sunday.
  EXPECT_EQ(fx.trading_days(date(2022, 1, 1), date(2022, 12, 31)).size(), 260u);
}

}  // namespace
}  // namespace dorado::calendar
