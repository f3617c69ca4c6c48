#include "dorado/quant/ta/adx.hpp"

#include <gtest/gtest.h>

#include <numbers>

#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

using testing::bar;

// Hand-worked, period 2 (H, L, C):
//   [0] 10, 9, 9.5
//   [1] 11, 9.5, 10.5   up 1, down -0.5 -> +DM 1, -DM 0; TR max(1.5, 1.5, 0) = 1.5
//   [2] 11.5, 10, 10.2  up 0.5, down -0.5 -> +DM 0.5;    TR max(1.5, 1, 0.5) = 1.5
//       seed over [1..2]: TR 1.5, +DM 0.75, -DM 0 -> +DI 50, -DI 0, DX 100
//   [3] 11, 9, 9.5      up -0.5, down 1 -> -DM 1;        TR max(2, 0.8, 1.2) = 2
//       TR 1.5 + (2 - 1.5)/2 = 1.75, +DM 0.375, -DM 0.5
//       +DI = 37.5/1.75 = 150/7, -DI = 50/1.75 = 200/7, DX = 100 (50/7)/(350/7) = 100/7
//       ADX (first, index 2*2-1 = 3) = (100 + 100/7)/2 = 400/7
//   [4] 10, 8.5, 9      up -1, down 0.5 -> -DM 0.5;      TR max(1.5, 0.5, 1) = 1.5
//       TR 1.625, +DM 0.1875, -DM 0.5 -> +DI 150/13, -DI 400/13, DX 100 * 25/55 = 500/11
//       ADX = 400/7 + (500/11 - 400/7)/2 = 7900/154
TEST(Adx, HandWorkedPeriodTwo) {
  const std::vector<Bar> bars{bar(10, 9, 9.5), bar(11, 9.5, 10.5), bar(11.5, 10, 10.2),
                              bar(11, 9, 9.5), bar(10, 8.5, 9)};
  const auto d = adx(bars, 2);
  EXPECT_TRUE(std::isnan(d.plus_di[1]));
  EXPECT_NEAR(d.plus_di[2], 50.0, 1e-12);
  EXPECT_NEAR(d.minus_di[2], 0.0, 1e-12);
  EXPECT_NEAR(d.dx[2], 100.0, 1e-12);
  EXPECT_TRUE(std::isnan(d.adx[2]));
  EXPECT_NEAR(d.plus_di[3], 150.0 / 7.0, 1e-12);
  EXPECT_NEAR(d.minus_di[3], 200.0 / 7.0, 1e-12);
  EXPECT_NEAR(d.dx[3], 100.0 / 7.0, 1e-12);
  EXPECT_NEAR(d.adx[3], 400.0 / 7.0, 1e-12);
  EXPECT_NEAR(d.plus_di[4], 150.0 / 13.0, 1e-12);
  EXPECT_NEAR(d.minus_di[4], 400.0 / 13.0, 1e-12);
  EXPECT_NEAR(d.dx[4], 500.0 / 11.0, 1e-12);
  EXPECT_NEAR(d.adx[4], 7900.0 / 154.0, 1e-12);
}

// StockCharts ChartSchool, "Average Directional Index (ADX)", cs-adx.xls (as
// mirrored in bukosabino/ta test/data/cs-adx.csv): bars with the published
// +DI14, -DI14, DX and ADX columns (7 decimals; blank = not yet defined).
// An exact Python recomputation of Wilder's sums agreed with every published
// digit, so the tolerance is the rounding of the sheet.
struct AdxRow {
  double high, low, close, plus_di, minus_di, dx, adx;
};
constexpr double kNaN = kUndefined;
const AdxRow kStockCharts[] = {
#include "stockcharts_adx.inc"
};

TEST(Adx, MatchesStockChartsWorkedExample) {
  std::vector<Bar> bars;
  for (const auto& r : kStockCharts) bars.push_back(bar(r.high, r.low, r.close));
  const auto d = adx(bars, 14);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& r = kStockCharts[i];
    EXPECT_TRUE(testing::near_or_undefined(d.plus_di[i], r.plus_di, 6e-8)) << i;
    EXPECT_TRUE(testing::near_or_undefined(d.minus_di[i], r.minus_di, 6e-8)) << i;
    EXPECT_TRUE(testing::near_or_undefined(d.dx[i], r.dx, 6e-8)) << i;
    EXPECT_TRUE(testing::near_or_undefined(d.adx[i], r.adx, 6e-8)) << i;
  }
  EXPECT_TRUE(std::isnan(d.adx[26]));
  EXPECT_NEAR(d.adx[27], 33.5833461, 6e-8);  // 23-Mar-09, the first ADX
}

std::vector<Bar> straight_trend(std::size_t days) {
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < days; ++i) {
    const double c = 100.0 + static_cast<double>(i);
    bars.push_back(bar(c + 0.5, c - 0.5, c));
  }
  return bars;
}

TEST(Adx, IsHundredOnAStraightTrend) {
  // Every bar makes a higher high and a higher low by 1: +DM = 1, -DM = 0,
  // TR = 1.5 -> +DI = 66.67, -DI = 0, DX = 100 every day, so ADX = 100.
  const auto d = adx(straight_trend(100), 14);
  EXPECT_NEAR(d.plus_di.back(), 200.0 / 3.0, 1e-9);
  EXPECT_EQ(d.minus_di.back(), 0.0);
  EXPECT_NEAR(d.adx.back(), 100.0, 1e-9);
}

TEST(Adx, IsLowOnASine) {
  // A 10-bar sine cycle: +DM and -DM alternate within every 14-bar window,
  // the smoothed DIs stay close and ADX settles low.
  std::vector<Bar> bars;
  for (int i = 0; i < 400; ++i) {
    const double c = 100.0 + 5.0 * std::sin(2.0 * std::numbers::pi * i / 10.0);
    bars.push_back(bar(c + 0.5, c - 0.5, c));
  }
  const auto d = adx(bars, 14);
  for (std::size_t i = 100; i < bars.size(); ++i) EXPECT_LT(d.adx[i], 15.0) << i;
  const auto trend = adx(straight_trend(400), 14);
  EXPECT_GT(trend.adx.back(), 90.0);
}

TEST(Adx, BatchEqualsStreamingOnALongRandomSeries) {
  const auto bars = testing::random_market(6000, 41);
  for (std::size_t period : {2u, 14u, 28u}) {
    const auto batch = adx(bars, period);
    Adx streaming(period);
    Series plus, minus, dx, average;
    for (const Bar& b : bars) {
      const auto& r = streaming.update(b);
      plus.push_back(r.plus_di);
      minus.push_back(r.minus_di);
      dx.push_back(r.dx);
      average.push_back(r.adx);
    }
    EXPECT_TRUE(testing::same_series(batch.plus_di, plus)) << period;
    EXPECT_TRUE(testing::same_series(batch.minus_di, minus)) << period;
    EXPECT_TRUE(testing::same_series(batch.dx, dx)) << period;
    EXPECT_TRUE(testing::same_series(batch.adx, average)) << period;
    for (std::size_t i = 2 * period - 1; i < bars.size(); ++i) {
      EXPECT_GE(batch.adx[i], 0.0);
      EXPECT_LE(batch.adx[i], 100.0);
    }
  }
}

}  // namespace
}  // namespace dorado::quant::ta
