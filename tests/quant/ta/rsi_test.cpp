#include "dorado/quant/ta/rsi.hpp"

#include <gtest/gtest.h>

#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

// Hand-worked, period 3, closes 10, 11, 10.5, 11.5, 11, 12:
// changes +1, -0.5, +1, -0.5, +1.
//   [3] seed: gain (1 + 0 + 1)/3 = 2/3, loss (0 + 0.5 + 0)/3 = 1/6
//       RSI = 100 (2/3) / (2/3 + 1/6) = 80
//   [4] change -0.5: gain 2/3 + (0 - 2/3)/3 = 4/9, loss 1/6 + (0.5 - 1/6)/3 = 5/18
//       RSI = 100 (8/18) / (13/18) = 800/13
//   [5] change +1: gain 4/9 + (1 - 4/9)/3 = 17/27, loss 5/18 - (5/18)/3 = 5/27
//       RSI = 100 * 17/22 = 850/11
TEST(Rsi, HandWorkedPeriodThree) {
  const Series r = rsi(std::vector<double>{10, 11, 10.5, 11.5, 11, 12}, 3);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_TRUE(std::isnan(r[i])) << i;
  EXPECT_NEAR(r[3], 80.0, 1e-12);
  EXPECT_NEAR(r[4], 800.0 / 13.0, 1e-12);
  EXPECT_NEAR(r[5], 850.0 / 11.0, 1e-12);
}

// StockCharts ChartSchool, "Relative Strength Index (RSI)", cs-rsi.xls: QQQQ
// closes and the published 14-day RSI column (4 decimals), first at index 14.
TEST(Rsi, MatchesStockChartsWorkedExample) {
  const std::vector<double> closes{44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955,
                                   45.4245, 45.8433, 46.0826, 45.8931, 46.0328, 45.614,  46.282,
                                   46.282,  46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122,
                                   46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783,
                                   44.2181, 44.5672, 43.4205, 42.6628, 43.1314};
  const double published[] = {70.5328, 66.3186, 66.5498, 69.4063, 66.3552, 57.9749, 62.9296,
                              63.2571, 56.0593, 62.3771, 54.7076, 50.4228, 39.9898, 41.4605,
                              41.8689, 45.4632, 37.304,  33.0795, 37.773};
  const Series r = rsi(closes, 14);
  for (std::size_t i = 0; i < 14; ++i) EXPECT_TRUE(std::isnan(r[i])) << i;
  for (std::size_t i = 14; i < closes.size(); ++i) EXPECT_NEAR(r[i], published[i - 14], 5e-5) << i;
  EXPECT_TRUE(testing::same_series(r, testing::stream(Rsi(14), closes)));
}

TEST(Rsi, MonotoneRiseIsHundredFallIsZeroFlatIsFifty) {
  std::vector<double> up, down, flat(40, 7.0);
  for (int i = 0; i < 40; ++i) {
    up.push_back(100.0 + i * 0.37);
    down.push_back(100.0 - i * 0.37);
  }
  const Series ru = rsi(up), rd = rsi(down), rf = rsi(flat);
  for (std::size_t i = 14; i < 40; ++i) {
    EXPECT_EQ(ru[i], 100.0) << i;
    EXPECT_EQ(rd[i], 0.0) << i;
    EXPECT_EQ(rf[i], 50.0) << i;
  }
}

TEST(Rsi, StaysWithinZeroAndHundredAndBatchEqualsStreaming) {
  const auto closes = testing::closes_of(testing::random_market(6000, 31));
  for (std::size_t period : {2u, 14u, 30u}) {
    const Series r = rsi(closes, period);
    for (std::size_t i = period; i < r.size(); ++i) {
      EXPECT_GE(r[i], 0.0);
      EXPECT_LE(r[i], 100.0);
    }
    EXPECT_TRUE(testing::same_series(r, testing::stream(Rsi(period), closes))) << period;
  }
}

}  // namespace
}  // namespace dorado::quant::ta
