// Gaps against the exchange calendar, cadence of macro series, and the last
// trading day a series should already hold.
#include "dorado/data/pipeline/expected_days.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/pipeline/series_cadence.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const auto& nyse() {
  return calendar::calendar_named("nyse");
}
const auto& crypto() {
  return calendar::calendar_named("crypto");
}

TEST(ExpectedDays, NoGapsInACompleteNyseWeekAcrossAHoliday) {
  // 2024-07-04 (Thursday) is Independence Day: not expected.
  const std::vector<Date> days{2024y / 7 / 1, 2024y / 7 / 2, 2024y / 7 / 3, 2024y / 7 / 5,
                               2024y / 7 / 8};
  const auto check = check_against_calendar(days, nyse());
  EXPECT_THAT(check.gaps, IsEmpty());
  EXPECT_EQ(check.missing_days, 0);
  EXPECT_THAT(check.off_calendar, IsEmpty());
}

TEST(ExpectedDays, GapsAreRunsOfMissingTradingDays) {
  // Missing: Tue 2024-03-05; Fri 2024-03-08 through Tue 2024-03-12 (3 trading days).
  const std::vector<Date> days{2024y / 3 / 4, 2024y / 3 / 6, 2024y / 3 / 7, 2024y / 3 / 13,
                               2024y / 3 / 14};
  const auto check = check_against_calendar(days, nyse());
  EXPECT_THAT(check.gaps, ElementsAre(DateGap{2024y / 3 / 5, 2024y / 3 / 5, 1},
                                      DateGap{2024y / 3 / 8, 2024y / 3 / 12, 3}));
  EXPECT_EQ(check.missing_days, 4);
}

TEST(ExpectedDays, WeekendAndHolidayBarsAreOffCalendar) {
  const std::vector<Date> days{2024y / 12 / 24, 2024y / 12 / 25, 2024y / 12 / 26, 2024y / 12 / 28};
  const auto check = check_against_calendar(days, nyse());
  EXPECT_THAT(check.off_calendar, ElementsAre(2024y / 12 / 25, 2024y / 12 / 28));
  EXPECT_THAT(check.gaps, ElementsAre(DateGap{2024y / 12 / 27, 2024y / 12 / 27, 1}));
}

TEST(ExpectedDays, CryptoExpectsEveryDay) {
  const std::vector<Date> days{2024y / 3 / 1, 2024y / 3 / 2, 2024y / 3 / 5};
  const auto check = check_against_calendar(days, crypto());
  EXPECT_THAT(check.gaps, ElementsAre(DateGap{2024y / 3 / 3, 2024y / 3 / 4, 2}));
}

TEST(ExpectedDays, YearsTheCalendarDoesNotCoverAreNeitherExpectedNorMissing) {
  // NYSE is covered from 2000: 1999's days are counted apart, not as gaps.
  const std::vector<Date> days{1999y / 12 / 1, 2000y / 1 / 3, 2000y / 1 / 4};
  const auto check = check_against_calendar(days, nyse());
  EXPECT_THAT(check.gaps, IsEmpty());
  EXPECT_EQ(check.uncovered_days, 31);  // 1999-12-01 .. 1999-12-31
}

TEST(ExpectedDays, LastClosedTradingDay) {
  // Friday 2024-03-15 at 19:59 UTC (15:59 EDT): Thursday's bar is the last due.
  EXPECT_EQ(last_closed_trading_day(nyse(), sys_days{2024y / 3 / 15} + 19h + 59min),
            2024y / 3 / 14);
  // At the close, Friday's.
  EXPECT_EQ(last_closed_trading_day(nyse(), sys_days{2024y / 3 / 15} + 20h), 2024y / 3 / 15);
  // Over the weekend and on Monday morning: still Friday's.
  EXPECT_EQ(last_closed_trading_day(nyse(), sys_days{2024y / 3 / 18} + 13h), 2024y / 3 / 15);
  // Good Friday 2024-03-29 is closed: Thursday's.
  EXPECT_EQ(last_closed_trading_day(nyse(), sys_days{2024y / 3 / 30}), 2024y / 3 / 28);
  // Crypto closes its UTC day at midnight.
  EXPECT_EQ(last_closed_trading_day(crypto(), sys_days{2024y / 3 / 16} + 1h), 2024y / 3 / 15);
  EXPECT_EQ(last_closed_trading_day(nyse(), sys_days{1990y / 1 / 5}), std::nullopt);
}

TEST(SeriesCadence, ToldFromTheMedianSpacing) {
  const std::vector<Date> daily{2024y / 3 / 1, 2024y / 3 / 4, 2024y / 3 / 5, 2024y / 3 / 6};
  EXPECT_EQ(cadence_of(daily).kind, CadenceKind::Daily);
  // ICSA: Saturdays, one week missing.
  const std::vector<Date> weekly{2024y / 1 / 6, 2024y / 1 / 13, 2024y / 1 / 20, 2024y / 2 / 3,
                                 2024y / 2 / 10};
  const auto w = cadence_of(weekly);
  EXPECT_EQ(w.kind, CadenceKind::Weekly);
  EXPECT_EQ(missing_periods(weekly, w), 1);
  const std::vector<Date> monthly{2024y / 1 / 1, 2024y / 2 / 1, 2024y / 3 / 1, 2024y / 6 / 1};
  const auto m = cadence_of(monthly);
  EXPECT_EQ(m.kind, CadenceKind::Monthly);
  EXPECT_EQ(missing_periods(monthly, m), 2);  // April and May
}

}  // namespace
}  // namespace dorado::data
