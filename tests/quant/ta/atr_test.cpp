#include "dorado/quant/ta/atr.hpp"

#include <gtest/gtest.h>

#include "dorado/quant/ta/true_range.hpp"
#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

using testing::bar;

// Hand-worked, period 3 (H, L, C):
//   [0] 10, 8, 9       TR = H - L = 2 (no previous close)
//   [1] 11, 9, 10.5    TR = max(2, |11 - 9|, |9 - 9|) = 2
//   [2] 12, 10, 11     TR = max(2, |12 - 10.5|, |10 - 10.5|) = 2   ATR = (2+2+2)/3 = 2
//   [3] 14, 12.5, 13.5 TR = max(1.5, |14 - 11|, |12.5 - 11|) = 3   ATR = 2 + (3 - 2)/3 = 7/3
//   [4] 13, 11, 11.5   TR = max(2, |13 - 13.5|, |11 - 13.5|) = 2.5 ATR = 7/3 + (2.5 - 7/3)/3 =
//   43/18
TEST(Atr, HandWorkedPeriodThree) {
  const std::vector<Bar> bars{bar(10, 8, 9), bar(11, 9, 10.5), bar(12, 10, 11), bar(14, 12.5, 13.5),
                              bar(13, 11, 11.5)};
  EXPECT_DOUBLE_EQ(true_range(bars[3], bars[2]), 3.0);
  EXPECT_DOUBLE_EQ(true_range(bars[4], bars[3]), 2.5);
  const Series a = atr(bars, 3);
  EXPECT_TRUE(std::isnan(a[1]));
  EXPECT_DOUBLE_EQ(a[2], 2.0);
  EXPECT_NEAR(a[3], 7.0 / 3.0, 1e-15);
  EXPECT_NEAR(a[4], 43.0 / 18.0, 1e-15);
}

// StockCharts ChartSchool, "Average True Range (ATR)", cs-atr.xls: QQQQ bars
// with the published TR column and 14-day ATR (6 decimals). First ATR at
// index 13 is the mean of the first 14 TRs, 0.555.
TEST(Atr, MatchesStockChartsWorkedExample) {
  const double high[] = {48.7,  48.72, 48.9,  48.87, 48.82,   49.05, 49.2,  49.35, 49.92, 50.19,
                         50.12, 49.66, 49.88, 50.19, 50.36,   50.57, 50.65, 50.43, 49.63, 50.33,
                         50.29, 50.17, 49.32, 48.5,  48.3201, 46.8,  47.8,  48.39, 48.66, 48.79};
  const double low[] = {47.79, 48.14, 48.39, 48.37,  48.24, 48.635,  48.94, 48.86, 49.5,  49.87,
                        49.2,  48.9,  49.43, 49.725, 49.26, 50.09,   50.3,  49.21, 48.98, 49.61,
                        49.2,  49.43, 48.08, 47.64,  41.55, 44.2833, 47.31, 47.2,  47.9,  47.7301};
  const double close[] = {48.16,   48.61, 48.75, 48.63, 48.74, 49.03, 49.07, 49.32, 49.91, 50.13,
                          49.53,   49.5,  49.75, 50.03, 50.31, 50.52, 50.41, 49.34, 49.37, 50.23,
                          49.2375, 49.93, 48.43, 48.18, 46.57, 45.41, 47.77, 47.72, 48.62, 47.85};
  const double published_tr[] = {0.91,   0.58,   0.51, 0.5,  0.58, 0.415,  0.26, 0.49,
                                 0.6,    0.32,   0.93, 0.76, 0.45, 0.465,  1.1,  0.48,
                                 0.35,   1.22,   0.65, 0.96, 1.09, 0.9325, 1.85, 0.86,
                                 6.7701, 2.5167, 2.39, 1.19, 0.94, 1.0599};
  const double published_atr[] = {0.555,    0.593929, 0.585791, 0.568949, 0.615452, 0.61792,
                                  0.642354, 0.674329, 0.69277,  0.775429, 0.78147,  1.209229,
                                  1.30262,  1.38029,  1.366698, 1.336219, 1.316482};
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < 30; ++i) bars.push_back(bar(high[i], low[i], close[i]));

  EXPECT_NEAR(bars[0].high - bars[0].low, published_tr[0], 1e-9);
  for (std::size_t i = 1; i < 30; ++i)
    EXPECT_NEAR(true_range(bars[i], bars[i - 1]), published_tr[i], 1e-9) << i;

  const Series a = atr(bars, 14);
  for (std::size_t i = 0; i < 13; ++i) EXPECT_TRUE(std::isnan(a[i])) << i;
  for (std::size_t i = 13; i < 30; ++i) EXPECT_NEAR(a[i], published_atr[i - 13], 5e-7) << i;
  EXPECT_TRUE(testing::same_series(a, testing::stream(Atr(14), bars)));
}

TEST(Atr, GapsCountInTheTrueRange) {
  // A gap up from 100 to a 110-111 bar: the range is 1, the true range 11.
  EXPECT_DOUBLE_EQ(true_range(111, 110, 100), 11.0);
  // A gap down to 89-90: 11 again, measured from the low.
  EXPECT_DOUBLE_EQ(true_range(90, 89, 100), 11.0);
}

TEST(Atr, BatchEqualsStreamingOnALongRandomSeries) {
  const auto bars = testing::random_market(6000, 21);
  for (std::size_t period : {1u, 5u, 14u, 50u})
    EXPECT_TRUE(testing::same_series(atr(bars, period), testing::stream(Atr(period), bars)))
        << period;
}

}  // namespace
}  // namespace dorado::quant::ta
