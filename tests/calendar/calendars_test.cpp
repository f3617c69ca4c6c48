#include "dorado/calendar/calendars.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "test_time.hpp"

namespace dorado::calendar {
namespace {

using test::utc;

TEST(Calendars, ByName) {
  EXPECT_EQ(calendar_named("nyse").name(), "nyse");
  EXPECT_EQ(calendar_named("fx").name(), "fx");
  EXPECT_EQ(calendar_named("crypto").name(), "crypto");
  EXPECT_EQ(&calendar_named("nyse"), &calendar_named("nyse"));  // one shared instance
  EXPECT_EQ(calendar_names(), (std::vector<std::string_view>{"nyse", "fx", "crypto"}));
}

TEST(Calendars, UnknownNameListsTheKnownOnes) {
  try {
    (void)calendar_named("lse");
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "unknown calendar \"lse\" (known: nyse, fx, crypto)");
  }
}

TEST(Calendars, ByAssetClass) {
  EXPECT_EQ(&calendar_for(AssetClass::EquityOptions), &calendar_named("nyse"));
  EXPECT_EQ(&calendar_for(AssetClass::Fx), &calendar_named("fx"));
  EXPECT_EQ(&calendar_for(AssetClass::Crypto), &calendar_named("crypto"));
  // Saturday noon: only crypto trades.
  const Timestamp saturday = utc(2024, 6, 15, 16, 0);
  EXPECT_FALSE(calendar_for(AssetClass::EquityOptions).is_open(saturday));
  EXPECT_FALSE(calendar_for(AssetClass::Fx).is_open(saturday));
  EXPECT_TRUE(calendar_for(AssetClass::Crypto).is_open(saturday));
}

}  // namespace
}  // namespace dorado::calendar
