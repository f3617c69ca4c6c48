#include "dorado/quant/ta/atr_channel.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

using testing::bar;

// Hand-worked with SMA 2, ATR 2, width 0.5 ATR, lookback 2 (H, L, C):
//   [0] 11, 9, 10        TR 2
//   [1] 12, 10, 11       TR 2, ATR 2, SMA 10.5: channel 9.5..11.5, 11 inside
//   [2] 13, 11, 12       TR 2, ATR 2, SMA 11.5: 10.5..12.5, 12 inside
//                        first reading (index max(2,2) - 1 + 2 - 1 = 2): in range
//   [3] 17, 15, 16       TR max(2, 5, 3) = 5, ATR 2 + (5 - 2)/2 = 3.5, SMA 14:
//                        12.25..15.75, 16 OUTSIDE -> 1 outside, not in range
//   [4] 16.5, 15.5, 16   TR 1, ATR 3.5 + (1 - 3.5)/2 = 2.25, SMA 16:
//                        14.875..17.125 inside, but [3] still in the lookback
//   [5] 16.5, 15.5, 16   TR 1, ATR 1.625, SMA 16: 15.1875..16.8125 inside;
//                        lookback [4..5] clean -> in range again
TEST(AtrChannel, HandWorked) {
  const std::vector<Bar> bars{bar(11, 9, 10),  bar(12, 10, 11),     bar(13, 11, 12),
                              bar(17, 15, 16), bar(16.5, 15.5, 16), bar(16.5, 15.5, 16)};
  const AtrChannelOptions options{.ma_period = 2, .atr_period = 2, .width_atr = 0.5, .lookback = 2};
  const auto r = atr_channel(bars, options);
  EXPECT_FALSE(r[1].ready);
  EXPECT_TRUE(std::isnan(r[1].middle));
  EXPECT_FALSE(r[1].in_range);
  ASSERT_TRUE(r[2].ready);
  EXPECT_DOUBLE_EQ(r[2].middle, 11.5);
  EXPECT_DOUBLE_EQ(r[2].lower, 10.5);
  EXPECT_DOUBLE_EQ(r[2].upper, 12.5);
  EXPECT_TRUE(r[2].in_range);
  EXPECT_DOUBLE_EQ(r[3].lower, 12.25);
  EXPECT_DOUBLE_EQ(r[3].upper, 15.75);
  EXPECT_EQ(r[3].closes_outside, 1u);
  EXPECT_FALSE(r[3].in_range);
  EXPECT_DOUBLE_EQ(r[4].lower, 14.875);
  EXPECT_FALSE(r[4].in_range);
  EXPECT_DOUBLE_EQ(r[5].lower, 15.1875);
  EXPECT_DOUBLE_EQ(r[5].upper, 16.8125);
  EXPECT_TRUE(r[5].in_range);
  EXPECT_EQ(r[5].closes_outside, 0u);
}

TEST(AtrChannel, TemplateDefaults) {
  const AtrChannelOptions defaults;
  EXPECT_EQ(defaults.ma_period, 20u);
  EXPECT_EQ(defaults.atr_period, 14u);
  EXPECT_EQ(defaults.width_atr, 2.0);
  EXPECT_EQ(defaults.lookback, 10u);
  // First reading at max(20, 14) - 1 + 10 - 1 = 28.
  const auto r = atr_channel(testing::random_market(40, 1));
  EXPECT_FALSE(r[27].ready);
  EXPECT_TRUE(r[28].ready);
}

TEST(AtrChannel, BatchEqualsStreamingOnALongRandomSeries) {
  const auto bars = testing::random_market(6000, 81);
  for (const AtrChannelOptions& options :
       {AtrChannelOptions{},
        AtrChannelOptions{.ma_period = 10, .atr_period = 20, .width_atr = 1.0, .lookback = 5}}) {
    const auto batch = atr_channel(bars, options);
    AtrChannel streaming(options);
    std::size_t passes = 0, fails = 0;
    for (std::size_t t = 0; t < bars.size(); ++t) {
      const auto& s = streaming.update(bars[t]);
      ASSERT_EQ(s.ready, batch[t].ready) << t;
      EXPECT_EQ(s.in_range, batch[t].in_range) << t;
      EXPECT_EQ(s.closes_outside, batch[t].closes_outside) << t;
      EXPECT_TRUE(testing::same_value(s.middle, batch[t].middle, 1e-12)) << t;
      EXPECT_TRUE(testing::same_value(s.upper, batch[t].upper, 1e-12)) << t;
      EXPECT_TRUE(testing::same_value(s.lower, batch[t].lower, 1e-12)) << t;
      if (s.ready) (s.in_range ? passes : fails) += 1;
    }
    EXPECT_GT(passes, 100u);  // both outcomes occur: the check is not vacuous
    EXPECT_GT(fails, 100u);
  }
}

TEST(AtrChannel, InvalidOptionsFailFast) {
  EXPECT_THROW(AtrChannel({.ma_period = 0}), std::invalid_argument);
  EXPECT_THROW(AtrChannel({.width_atr = 0.0}), std::invalid_argument);
  EXPECT_THROW(atr_channel({}, {.lookback = 0}), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::quant::ta
