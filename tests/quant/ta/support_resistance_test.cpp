#include "dorado/quant/ta/support_resistance.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

using testing::bar;

// Hand-worked, swing strength k = 1, ATR period 1 (ATR = that bar's TR):
//   i  H     L     C
//   0  10    9     9.5
//   1  12    11    11.5   swing high 12   (12 > 10, 12 >= 11)
//   2  11    10    10.5   (low 10 < 11 but 10 > 8 on the right: no)
//   3  9     8     8.5    swing low 8     (8 < 10, 8 <= 10.5)
//   4  11.9  10.5  11     swing high 11.9 (11.9 > 9, 11.9 >= 11)
//   5  11    9     9.5    (low 9 < 10.5 but 9 > 8.1: no)
//   6  10    8.1   9      swing low 8.1   (8.1 < 9, 8.1 <= 11)
//   7  12.1  11    11.5   swing high 12.1 (12.1 > 10, 12.1 >= 11.5), known at bar 8
//   8  11.5  10    10.5
// At bar 8: TR = max(1.5, |11.5 - 11.5|, |10 - 11.5|) = 1.5; tolerance 0.2 ATR = 0.3.
// Sorted swing prices 8, 8.1, 11.9, 12, 12.1: gaps 0.1 | 3.8 | 0.1 | 0.1 ->
// clusters {8, 8.1} and {11.9, 12, 12.1}: support 8.05 (2 touches) below the
// close 10.5, resistance 12 (3 touches).
const std::vector<Bar> kSwings{bar(10, 9, 9.5), bar(12, 11, 11.5),   bar(11, 10, 10.5),
                               bar(9, 8, 8.5),  bar(11.9, 10.5, 11), bar(11, 9, 9.5),
                               bar(10, 8.1, 9), bar(12.1, 11, 11.5), bar(11.5, 10, 10.5)};

SupportResistanceOptions hand_options(std::size_t lookback) {
  return {.swing_strength = 1,
          .lookback = lookback,
          .atr_period = 1,
          .cluster_tolerance_atr = 0.2,
          .min_touches = 2};
}

TEST(SupportResistance, HandWorkedClusters) {
  const auto levels = support_resistance_levels(kSwings, hand_options(20));
  ASSERT_EQ(levels.size(), 2u);
  EXPECT_NEAR(levels[0].price, 8.05, 1e-12);
  EXPECT_EQ(levels[0].touches, 2u);
  EXPECT_EQ(levels[0].kind, LevelKind::Support);
  EXPECT_NEAR(levels[1].price, 12.0, 1e-12);
  EXPECT_EQ(levels[1].touches, 3u);
  EXPECT_EQ(levels[1].kind, LevelKind::Resistance);
}

TEST(SupportResistance, LookbackDropsOldSwings) {
  // Lookback 5 at bar 8 keeps swings at bars 4..7: 11.9, 8.1, 12.1. 8.1 is
  // alone (dropped, 1 touch); 11.9 and 12.1 are 0.2 apart: one level at 12.
  const auto levels = support_resistance_levels(kSwings, hand_options(5));
  ASSERT_EQ(levels.size(), 1u);
  EXPECT_NEAR(levels[0].price, 12.0, 1e-12);
  EXPECT_EQ(levels[0].touches, 2u);
}

TEST(SupportResistance, NoLookAhead) {
  // At bar 7 the swing high of bar 7 is not confirmed yet (it needs bar 8).
  // TR at bar 7 = max(1.1, |12.1 - 9|, |11 - 9|) = 3.1, tolerance 0.62:
  // swings 8, 8.1, 11.9, 12 -> support 8.05 and resistance 11.95 (2 touches).
  const std::vector<Bar> first8(kSwings.begin(), kSwings.begin() + 8);
  const auto levels = support_resistance_levels(first8, hand_options(20));
  ASSERT_EQ(levels.size(), 2u);
  EXPECT_NEAR(levels[1].price, 11.95, 1e-12);
  EXPECT_EQ(levels[1].touches, 2u);
}

TEST(SupportResistance, ClusteringIsSingleLinkage) {
  // 1.0, 1.2, 1.4 chain within 0.25 although 1.0 and 1.4 are 0.4 apart.
  const std::vector<double> prices{1.0, 1.2, 1.4, 2.0};
  const auto levels = cluster_levels(prices, 0.25, 1, 1.5);
  ASSERT_EQ(levels.size(), 2u);
  EXPECT_NEAR(levels[0].price, 1.2, 1e-15);
  EXPECT_EQ(levels[0].touches, 3u);
  EXPECT_EQ(levels[0].kind, LevelKind::Support);
  EXPECT_EQ(levels[1].kind, LevelKind::Resistance);
}

TEST(SupportResistance, EmptyDuringAtrWarmUp) {
  auto options = hand_options(20);
  options.atr_period = 14;
  EXPECT_TRUE(support_resistance_levels(kSwings, options).empty());
}

TEST(SupportResistance, InvalidOptionsFailFast) {
  auto options = hand_options(1);  // lookback must exceed the swing strength
  EXPECT_THROW(SupportResistance{options}, std::invalid_argument);
  options = hand_options(20);
  options.cluster_tolerance_atr = -1.0;
  EXPECT_THROW(support_resistance_series(kSwings, options), std::invalid_argument);
}

TEST(SupportResistance, BatchEqualsStreamingOnALongRandomSeries) {
  const auto bars = testing::random_market(2500, 61);
  for (const SupportResistanceOptions& options :
       {SupportResistanceOptions{}, SupportResistanceOptions{.swing_strength = 3,
                                    .lookback = 60,
                                    .atr_period = 10,
                                    .cluster_tolerance_atr = 1.0,
                                    .min_touches = 3}}) {
    const auto batch = support_resistance_series(bars, options);
    SupportResistance streaming(options);
    std::size_t with_levels = 0;
    for (std::size_t t = 0; t < bars.size(); ++t) {
      const auto& levels = streaming.update(bars[t]);
      ASSERT_EQ(levels.size(), batch[t].size()) << t;
      for (std::size_t j = 0; j < levels.size(); ++j) {
        EXPECT_TRUE(testing::same_value(levels[j].price, batch[t][j].price, 1e-12)) << t;
        EXPECT_EQ(levels[j].touches, batch[t][j].touches) << t;
        EXPECT_EQ(levels[j].kind, batch[t][j].kind) << t;
      }
      with_levels += levels.empty() ? 0 : 1;
    }
    EXPECT_GT(with_levels, bars.size() / 2);  // the comparison is not vacuous
  }
}

}  // namespace
}  // namespace dorado::quant::ta
