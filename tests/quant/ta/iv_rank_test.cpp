#include "dorado/quant/ta/iv_rank.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

// Hand-worked, window 5, IV 20, 25, 15, 30, 22, 35, 10:
//   [4] window 20 25 15 30 22: min 15, max 30, rank 100 (22 - 15)/15 = 46.67;
//       of the other 4 days, 20 and 15 are below 22: percentile 100 * 2/4 = 50
//   [5] window 25 15 30 22 35: 35 is the max: rank 100; all 4 others below: 100
//   [6] window 15 30 22 35 10: 10 is the min: rank 0; none below: 0
const std::vector<double> kIv{20, 25, 15, 30, 22, 35, 10};

TEST(IvRank, HandWorked) {
  const Series rank = iv_rank(kIv, 5);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_TRUE(std::isnan(rank[i]));
  EXPECT_NEAR(rank[4], 700.0 / 15.0, 1e-12);
  EXPECT_EQ(rank[5], 100.0);
  EXPECT_EQ(rank[6], 0.0);
}

TEST(IvPercentile, HandWorked) {
  const Series pct = iv_percentile(kIv, 5);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_TRUE(std::isnan(pct[i]));
  EXPECT_EQ(pct[4], 50.0);
  EXPECT_EQ(pct[5], 100.0);
  EXPECT_EQ(pct[6], 0.0);
}

TEST(IvRank, RankAndPercentileDisagreeAfterASpike) {
  // A year at 20 % with one spike to 60 %: at 25 % the rank is low
  // (25 - 20)/(60 - 20) = 12.5 but the percentile is high: 250 of the 251
  // other days were below 25 (only the spike was not) -> 100 * 250/251.
  std::vector<double> iv(251, 20.0);
  iv[100] = 60.0;
  iv.push_back(25.0);
  EXPECT_NEAR(iv_rank(iv).back(), 12.5, 1e-12);
  EXPECT_NEAR(iv_percentile(iv).back(), 100.0 * 250.0 / 251.0, 1e-12);
}

TEST(IvRank, FlatHistoryHasRankZeroAndTiesAreNotBelow) {
  const std::vector<double> flat(10, 18.0);
  EXPECT_EQ(iv_rank(flat, 5).back(), 0.0);
  EXPECT_EQ(iv_percentile(flat, 5).back(), 0.0);
  EXPECT_EQ(testing::stream(IvRank(5), flat).back(), 0.0);
  EXPECT_EQ(testing::stream(IvPercentile(5), flat).back(), 0.0);
}

TEST(IvRank, BatchEqualsStreamingOnALongSeriesWithTies) {
  // IV quoted to 0.1 vol point: many ties, the edge case of both deques and
  // of the sorted window.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> shock(0.0, 0.8);
  std::vector<double> iv;
  double level = 20.0;
  for (int i = 0; i < 5000; ++i) {
    level = std::max(8.0, level + shock(rng) + 0.05 * (20.0 - level));
    iv.push_back(std::round(level * 10.0) / 10.0);
  }
  for (std::size_t window : {2u, 21u, 252u}) {
    EXPECT_TRUE(testing::same_series(iv_rank(iv, window), testing::stream(IvRank(window), iv)))
        << window;
    EXPECT_TRUE(
        testing::same_series(iv_percentile(iv, window), testing::stream(IvPercentile(window), iv)))
        << window;
  }
  EXPECT_THROW(IvRank(1), std::invalid_argument);
  EXPECT_THROW(iv_percentile(iv, 0), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::quant::ta
