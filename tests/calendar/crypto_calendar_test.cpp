#include "dorado/calendar/crypto_calendar.hpp"

#include <gtest/gtest.h>

#include "test_time.hpp"

namespace dorado::calendar {
namespace {

using test::date;
using test::utc;

const CryptoCalendar crypto;

TEST(CryptoCalendar, AlwaysOpen) {
  EXPECT_TRUE(crypto.is_open(utc(2024, 6, 15, 12, 0)));  // Saturday
  EXPECT_TRUE(crypto.is_open(utc(2024, 12, 25, 0, 0)));  // Christmas, midnight
  EXPECT_TRUE(crypto.is_open(utc(2025, 1, 1, 23, 59, 59)));
  EXPECT_TRUE(crypto.is_open(utc(2024, 3, 10, 7, 0)));  // DST changes nothing
  for (int h = 0; h < 24; ++h) EXPECT_TRUE(crypto.is_open(utc(2024, 6, 16, h, 30)));
}

TEST(CryptoCalendar, TradingDaysAreUtcDays) {
  EXPECT_EQ(crypto.session(date(2024, 6, 15)),
            (Session{utc(2024, 6, 15, 0, 0), utc(2024, 6, 16, 0, 0), false}));
  EXPECT_EQ(crypto.session_at(utc(2024, 6, 15, 23, 59)), crypto.session(date(2024, 6, 15)));
  EXPECT_EQ(crypto.next_close(utc(2024, 6, 15, 10, 0)), utc(2024, 6, 16, 0, 0));
  EXPECT_EQ(crypto.next_open(utc(2024, 6, 15, 10, 0)), utc(2024, 6, 16, 0, 0));
  EXPECT_EQ(crypto.next_trading_day(date(2024, 12, 24)), date(2024, 12, 25));
  EXPECT_EQ(crypto.previous_trading_day(date(2024, 3, 1)), date(2024, 2, 29));
  EXPECT_EQ(crypto.trading_days(date(2024, 1, 1), date(2024, 12, 31)).size(), 366u);
}

}  // namespace
}  // namespace dorado::calendar
