#include "dorado/calendar/easter.hpp"

#include <gtest/gtest.h>

namespace dorado::calendar {
namespace {

using namespace std::chrono;

TEST(EasterSunday, MatchesPublishedDates) {
  // Western Easter dates, from the published tables (e.g. the US Naval
  // Observatory's), spanning the calendar's range and the algorithm's edge
  // cases (earliest possible March 22 in 2285, latest April 25 in 2038).
  EXPECT_EQ(easter_sunday(year{2000}), year{2000} / April / 23);
  EXPECT_EQ(easter_sunday(year{2008}), year{2008} / March / 23);
  EXPECT_EQ(easter_sunday(year{2011}), year{2011} / April / 24);
  EXPECT_EQ(easter_sunday(year{2016}), year{2016} / March / 27);
  EXPECT_EQ(easter_sunday(year{2019}), year{2019} / April / 21);
  EXPECT_EQ(easter_sunday(year{2024}), year{2024} / March / 31);
  EXPECT_EQ(easter_sunday(year{2025}), year{2025} / April / 20);
  EXPECT_EQ(easter_sunday(year{2035}), year{2035} / March / 25);
  EXPECT_EQ(easter_sunday(year{2038}), year{2038} / April / 25);
  EXPECT_EQ(easter_sunday(year{2285}), year{2285} / March / 22);
}

}  // namespace
}  // namespace dorado::calendar
