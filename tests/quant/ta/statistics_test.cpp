// Realized volatility, rolling z-scores and rate of change.
#include <gtest/gtest.h>

#include <stdexcept>

#include "dorado/quant/ta/rate_of_change.hpp"
#include "dorado/quant/ta/realized_volatility.hpp"
#include "dorado/quant/ta/zscore.hpp"
#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

using testing::same_series;
using testing::stream;

// Hand-worked, window 3, 252 periods a year, closes 100, 101, 99, 102:
//   r = ln(101/100) = 0.009950330853168092, ln(99/101) = -0.020000666706669543,
//       ln(102/99) = 0.02985296314968113
//   mean 0.006600875765393226; sum of squared deviations / 2 = 0.0006297602395022705
//   RV[3] = sqrt(252 * 0.0006297602395022705) = 0.39837115903962245
// (Python, math.log / math.sqrt). Window 2: RV[2] over the first two returns
// = 0.33619911378304435, RV[3] over the last two = 0.5596056072285251.
TEST(RealizedVolatility, HandWorked) {
  const std::vector<double> closes{100, 101, 99, 102};
  const Series three = realized_volatility(closes, 3, kEquityTradingDaysPerYear);
  EXPECT_TRUE(std::isnan(three[2]));
  EXPECT_NEAR(three[3], 0.39837115903962245, 1e-14);
  const Series two = realized_volatility(closes, 2, 252.0);
  EXPECT_TRUE(std::isnan(two[1]));
  EXPECT_NEAR(two[2], 0.33619911378304435, 1e-14);
  EXPECT_NEAR(two[3], 0.5596056072285251, 1e-14);
}

TEST(RealizedVolatility, AnnualisationFollowsTheMarketsCalendar) {
  EXPECT_EQ(periods_per_year(AssetClass::EquityOptions), 252.0);
  EXPECT_EQ(periods_per_year(AssetClass::Crypto), 365.0);
  EXPECT_EQ(periods_per_year(AssetClass::Fx), 260.0);
  // The same daily returns annualise by the square root of the day count.
  const auto closes = testing::closes_of(testing::random_market(300, 3));
  const Series equity = realized_volatility(closes, 20, 252.0);
  const Series crypto = realized_volatility(closes, 20, 365.0);
  EXPECT_NEAR(crypto.back() / equity.back(), std::sqrt(365.0 / 252.0), 1e-12);
}

TEST(RealizedVolatility, RecoversTheVolatilityOfASimulatedMarket) {
  // Daily log returns with sd 1% -> 0.01 * sqrt(252) = 15.87 % a year.
  const auto r = testing::white_noise(20000, 5, 0.01);
  std::vector<double> closes{100.0};
  for (double x : r) closes.push_back(closes.back() * std::exp(x));
  EXPECT_NEAR(realized_volatility(closes, 20000, 252.0).back(), 0.01 * std::sqrt(252.0), 0.003);
}

TEST(RealizedVolatility, BatchEqualsStreamingAndRejectsBadParameters) {
  const auto closes = testing::closes_of(testing::random_market(6000, 13));
  for (std::size_t window : {2u, 20u, 63u, 252u})
    EXPECT_TRUE(same_series(realized_volatility(closes, window, 252.0),
                            stream(RealizedVolatility(window, 252.0), closes)))
        << window;
  EXPECT_THROW(RealizedVolatility(1, 252.0), std::invalid_argument);
  EXPECT_THROW(realized_volatility(closes, 20, 0.0), std::invalid_argument);
}

// Hand-worked, window 4, values 1, 2, 3, 4, 10:
//   [3] window 1..4: mean 5/2, sample variance (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3,
//       z = 1.5 / sqrt(5/3) = 1.161895003862225
//   [4] window 2, 3, 4, 10: mean 19/4, squared deviations 7.5625 + 3.0625 +
//       0.5625 + 27.5625 = 38.75, variance 38.75/3 = 155/12,
//       z = 5.25 / sqrt(155/12) = 1.46077752164453
// (the population deviation, n = 4, would give 1.3416 and 1.6867 instead).
TEST(RollingZScore, HandWorkedWithTheSampleDeviation) {
  const Series z = rolling_zscore(std::vector<double>{1, 2, 3, 4, 10}, 4);
  EXPECT_TRUE(std::isnan(z[2]));
  EXPECT_NEAR(z[3], 1.161895003862225, 1e-14);
  EXPECT_NEAR(z[4], 1.46077752164453, 1e-14);
}

TEST(RollingZScore, FlatWindowReadsZero) {
  const std::vector<double> flat(70, 100.1);
  const Series batch = rolling_zscore(flat, 63);
  const Series streaming = stream(RollingZScore(63), flat);
  for (std::size_t i = 62; i < flat.size(); ++i) {
    EXPECT_EQ(batch[i], 0.0) << i;
    EXPECT_EQ(streaming[i], 0.0) << i;
  }
}

TEST(RollingZScore, BatchEqualsStreamingForTheStandardWindows) {
  // Prices near 110 with small moves (an FX-like series) are the hard case for
  // running sums; a drifting 20-year equity path the long one.
  auto noise = testing::white_noise(6000, 17, 0.05);
  std::vector<double> fx(noise.size());
  double level = 110.0;
  for (std::size_t i = 0; i < noise.size(); ++i) fx[i] = level += noise[i];
  const auto equity = testing::closes_of(testing::random_market(6000, 19));
  for (std::size_t window : kZScoreWindows) {
    EXPECT_TRUE(same_series(rolling_zscore(fx, window), stream(RollingZScore(window), fx)))
        << window;
    EXPECT_TRUE(same_series(rolling_zscore(equity, window), stream(RollingZScore(window), equity)))
        << window;
  }
  EXPECT_THROW(RollingZScore(1), std::invalid_argument);
}

// Hand-worked, period 2, values 100, 102, 99, 105:
//   [2] 100 (99/100 - 1) = -1; [3] 100 (105/102 - 1) = 2.9411764705882355.
TEST(RateOfChange, HandWorked) {
  const Series r = rate_of_change(std::vector<double>{100, 102, 99, 105}, 2);
  EXPECT_TRUE(std::isnan(r[1]));
  EXPECT_NEAR(r[2], -1.0, 1e-13);
  EXPECT_NEAR(r[3], 300.0 / 102.0, 1e-13);
}

TEST(RateOfChange, BatchEqualsStreaming) {
  const auto closes = testing::closes_of(testing::random_market(6000, 23));
  for (std::size_t period : {1u, 10u, 21u, 252u})
    EXPECT_TRUE(same_series(rate_of_change(closes, period), stream(RateOfChange(period), closes)))
        << period;
  EXPECT_THROW(RateOfChange(0), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::quant::ta
