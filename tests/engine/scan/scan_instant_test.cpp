// The instant of a daily scan: the NYSE close of its day, from the date alone.
#include "dorado/engine/scan/scan_instant.hpp"

#include <gtest/gtest.h>

namespace dorado::engine {
namespace {

using namespace std::chrono;

TEST(ScanInstant, IsTheNyseCloseOfTheDay) {
  // 16:00 New York in winter (EST, UTC-5) is 21:00 UTC; in summer (EDT) 20:00 UTC.
  EXPECT_EQ(scan_instant(Date{2024y / December / 31}), sys_days{2024y / December / 31} + 21h);
  EXPECT_EQ(scan_instant(Date{2024y / July / 15}), sys_days{2024y / July / 15} + 20h);
}

TEST(ScanInstant, EarlyCloseAndDaysWithoutASession) {
  // Christmas Eve 2024 closed at 13:00 New York = 18:00 UTC.
  EXPECT_EQ(scan_instant(Date{2024y / December / 24}), sys_days{2024y / December / 24} + 18h);
  // A Saturday (crypto trades) and Christmas Day still scan at 16:00 New York.
  EXPECT_EQ(scan_instant(Date{2024y / December / 28}), sys_days{2024y / December / 28} + 21h);
  EXPECT_EQ(scan_instant(Date{2024y / December / 25}), sys_days{2024y / December / 25} + 21h);
}

}  // namespace
}  // namespace dorado::engine
