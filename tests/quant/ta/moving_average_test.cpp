#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "dorado/quant/ta/exponential_average.hpp"
#include "dorado/quant/ta/sma.hpp"
#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

using testing::same_series;
using testing::stream;

// Hand-worked on x = 10, 11, 12, 10, 14, 13 with period 3:
//   SMA: [2] (10+11+12)/3 = 11; [3] (11+12+10)/3 = 11; [4] (12+10+14)/3 = 12;
//        [5] (10+14+13)/3 = 37/3.
//   EMA (alpha 2/4 = 0.5, seed = SMA = 11 at [2]):
//        [3] 11 + 0.5(10 - 11) = 10.5; [4] 10.5 + 0.5(14 - 10.5) = 12.25;
//        [5] 12.25 + 0.5(13 - 12.25) = 12.625.
//   Wilder (alpha 1/3, seed 11): [3] 11 + (10 - 11)/3 = 32/3;
//        [4] 32/3 + (14 - 32/3)/3 = 106/9; [5] 106/9 + (13 - 106/9)/3 = 329/27.
const std::vector<double> kSix{10, 11, 12, 10, 14, 13};

TEST(Sma, HandWorkedPeriodThree) {
  const Series s = sma(kSix, 3);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_TRUE(std::isnan(s[0]));
  EXPECT_TRUE(std::isnan(s[1]));
  EXPECT_DOUBLE_EQ(s[2], 11.0);
  EXPECT_DOUBLE_EQ(s[3], 11.0);
  EXPECT_DOUBLE_EQ(s[4], 12.0);
  EXPECT_DOUBLE_EQ(s[5], 37.0 / 3.0);
}

TEST(Ema, HandWorkedPeriodThreeSeededWithTheSma) {
  const Series e = ema(kSix, 3);
  EXPECT_TRUE(std::isnan(e[1]));
  EXPECT_DOUBLE_EQ(e[2], 11.0);
  EXPECT_DOUBLE_EQ(e[3], 10.5);
  EXPECT_DOUBLE_EQ(e[4], 12.25);
  EXPECT_DOUBLE_EQ(e[5], 12.625);
}

TEST(WilderAverage, HandWorkedPeriodThree) {
  const Series w = wilder_average(kSix, 3);
  EXPECT_TRUE(std::isnan(w[1]));
  EXPECT_DOUBLE_EQ(w[2], 11.0);
  EXPECT_NEAR(w[3], 32.0 / 3.0, 1e-14);
  EXPECT_NEAR(w[4], 106.0 / 9.0, 1e-14);
  EXPECT_NEAR(w[5], 329.0 / 27.0, 1e-14);
}

// StockCharts ChartSchool, "Bollinger Bands", cs-bbands.xls: SPY closes and
// the 20-day SMA (the middle band) published to 6 decimals; the first eight
// published values.
TEST(Sma, MatchesStockChartsBollingerMiddleBand) {
  const std::vector<double> closes{86.1557, 89.0867, 88.7829, 90.3228, 89.0671, 91.1453, 89.4397,
                                   89.175,  86.9302, 87.6752, 86.9596, 89.4299, 89.3221, 88.7241,
                                   87.4497, 87.2634, 89.4985, 87.9006, 89.126,  90.7043, 92.9001,
                                   92.9784, 91.8021, 92.6647, 92.6843, 92.3021, 92.7725};
  const double published[] = {88.70794, 89.04516, 89.239745, 89.390705,
                              89.5078,  89.68866, 89.7465,   89.91314};
  const Series s = sma(closes, 20);
  EXPECT_TRUE(std::isnan(s[18]));
  for (std::size_t i = 0; i < 8; ++i) EXPECT_NEAR(s[19 + i], published[i], 5e-6) << i;
}

TEST(Sma, StaysExactOnALongSeriesAgainstADirectMean) {
  // 50,000 prices around 1,000: a naive running sum would drift; the
  // compensated one must match a fresh long-double mean of each window.
  const auto noise = testing::white_noise(50'000, 7, 5.0);
  std::vector<double> prices(noise.size());
  for (std::size_t i = 0; i < noise.size(); ++i) prices[i] = 1000.0 + noise[i];
  const Series s = sma(prices, 50);
  for (std::size_t t = 49; t < prices.size(); t += 997) {
    long double sum = 0.0L;
    for (std::size_t j = t - 49; j <= t; ++j) sum += prices[j];
    EXPECT_NEAR(s[t], static_cast<double>(sum / 50.0L), 1e-12 * 1000.0) << t;
  }
  EXPECT_NEAR(
      s.back(),
      [&] {
        long double sum = 0.0L;
        for (std::size_t j = prices.size() - 50; j < prices.size(); ++j) sum += prices[j];
        return static_cast<double>(sum / 50.0L);
      }(),
      1e-12 * 1000.0);
}

TEST(MovingAverages, BatchEqualsStreamingOnALongRandomSeries) {
  const auto closes = testing::closes_of(testing::random_market(6000, 11));
  for (std::size_t period : {1u, 2u, 20u, 50u, 200u}) {
    EXPECT_TRUE(same_series(sma(closes, period), stream(Sma(period), closes))) << period;
    EXPECT_TRUE(same_series(ema(closes, period), stream(Ema(period), closes))) << period;
    EXPECT_TRUE(same_series(wilder_average(closes, period), stream(WilderAverage(period), closes)))
        << period;
  }
}

TEST(MovingAverages, ShortInputIsAllWarmUp) {
  const std::vector<double> two{1.0, 2.0};
  for (double v : sma(two, 3)) EXPECT_TRUE(std::isnan(v));
  for (double v : ema(two, 3)) EXPECT_TRUE(std::isnan(v));
  EXPECT_TRUE(sma(std::vector<double>{}, 3).empty());
}

TEST(MovingAverages, ZeroPeriodIsAConfigurationError) {
  EXPECT_THROW(sma(kSix, 0), std::invalid_argument);
  EXPECT_THROW(Sma(0), std::invalid_argument);
  EXPECT_THROW(Ema(0), std::invalid_argument);
  EXPECT_THROW(wilder_average(kSix, 0), std::invalid_argument);
}

TEST(MovingAverages, StreamingReportsReadiness) {
  Sma s(2);
  EXPECT_FALSE(s.ready());
  s.update(1.0);
  EXPECT_FALSE(s.ready());
  EXPECT_DOUBLE_EQ(s.update(3.0), 2.0);
  EXPECT_TRUE(s.ready());
  EXPECT_EQ(s.period(), 2u);
}

}  // namespace
}  // namespace dorado::quant::ta
