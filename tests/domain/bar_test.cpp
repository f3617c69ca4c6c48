#include "dorado/domain/bar.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "dorado/domain/quote.hpp"

namespace dorado {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;

Bar daily(double open, double high, double low, double close, double volume = 1000.0) {
  return Bar{.time = sys_days{year{2024} / March / 15},
             .open = open,
             .high = high,
             .low = low,
             .close = close,
             .volume = volume,
             .adjusted_close = std::nullopt};
}

TEST(Bar, AConsistentBarHasNoProblems) {
  const Bar bar = daily(100, 105, 99, 104);
  EXPECT_TRUE(bar.is_valid());
  EXPECT_TRUE(bar.problems().empty());
  EXPECT_EQ(bar.date(), (Date{year{2024}, March, day{15}}));
  // Flat bar: all four prices equal is valid.
  EXPECT_TRUE(daily(100, 100, 100, 100, 0).is_valid());
}

TEST(Bar, HighBelowLowIsReportedWithTheNumbers) {
  // High and low swapped: also below open/close and low above open/close.
  const auto problems = daily(100, 99.5, 105, 101).problems();
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0], (BarProblem{BarDefect::HighBelowLow, "high 99.5 is below low 105"}));
  EXPECT_EQ(problems[1].defect, BarDefect::HighBelowOpen);
  EXPECT_EQ(problems[2].defect, BarDefect::HighBelowClose);
  EXPECT_EQ(problems[3].defect, BarDefect::LowAboveOpen);
  EXPECT_EQ(problems[4].defect, BarDefect::LowAboveClose);
}

TEST(Bar, EachRangeViolationIsNamed) {
  EXPECT_THAT(daily(106, 105, 99, 104).problems(),
              ElementsAre(BarProblem{BarDefect::HighBelowOpen, "high 105 is below open 106"}));
  EXPECT_THAT(daily(100, 105, 99, 105.25).problems(),
              ElementsAre(BarProblem{BarDefect::HighBelowClose, "high 105 is below close 105.25"}));
  EXPECT_THAT(daily(98.5, 105, 99, 104).problems(),
              ElementsAre(BarProblem{BarDefect::LowAboveOpen, "low 99 is above open 98.5"}));
  EXPECT_THAT(daily(100, 105, 99, 98).problems(),
              ElementsAre(BarProblem{BarDefect::LowAboveClose, "low 99 is above close 98"}));
}

TEST(Bar, PricesMustBePositiveAndVolumeNotNegative) {
  EXPECT_THAT(daily(0, 0, 0, 0).problems(),
              ElementsAre(BarProblem{BarDefect::NonPositivePrice, "open 0 is not positive"},
                          BarProblem{BarDefect::NonPositivePrice, "high 0 is not positive"},
                          BarProblem{BarDefect::NonPositivePrice, "low 0 is not positive"},
                          BarProblem{BarDefect::NonPositivePrice, "close 0 is not positive"}));
  EXPECT_THAT(daily(100, 105, 99, 104, -1).problems(),
              ElementsAre(BarProblem{BarDefect::NegativeVolume, "volume -1 is negative"}));
  Bar adjusted = daily(100, 105, 99, 104);
  adjusted.adjusted_close = 0.0;
  EXPECT_THAT(adjusted.problems(), ElementsAre(BarProblem{BarDefect::NonPositiveAdjustedClose,
                                                          "adjusted close 0 is not positive"}));
  adjusted.adjusted_close = 52.0;  // after a 2:1 split, fine
  EXPECT_TRUE(adjusted.is_valid());
}

TEST(Bar, NonFiniteValuesAreReportedAlone) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(daily(100, nan, 99, 104).problems(),
              ElementsAre(BarProblem{BarDefect::NonFinite, "high is nan"}));
  EXPECT_THAT(daily(100, 105, 99, 104, std::numeric_limits<double>::infinity()).problems(),
              ElementsAre(BarProblem{BarDefect::NonFinite, "volume is inf"}));
  EXPECT_EQ(name_of(BarDefect::HighBelowLow), "high_below_low");
}

TEST(Quote, MidSpreadAndSanity) {
  const Quote q{.symbol = "SPY",
                .bid = 470.00,
                .ask = 470.50,
                .last = 470.25,
                .bid_size = 300,
                .ask_size = 200,
                .time = {}};
  EXPECT_EQ(q.mid(), 470.25);
  EXPECT_EQ(q.spread(), 0.50);
  EXPECT_TRUE(q.is_two_sided());
  EXPECT_FALSE(q.is_crossed());
  Quote crossed = q;
  crossed.bid = 471.0;
  EXPECT_TRUE(crossed.is_crossed());
  Quote one_sided = q;
  one_sided.bid = 0.0;
  EXPECT_FALSE(one_sided.is_two_sided());
}

}  // namespace
}  // namespace dorado
