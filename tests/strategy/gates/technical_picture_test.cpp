// The technical picture from hand-worked series, and its level lookups.
#include "dorado/strategy/technical_picture.hpp"

#include <gtest/gtest.h>

#include "strategy/gates/gate_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;
using std::chrono::days;

// Closes 1, 2, ..., 250 with high = close + 1 and low = close - 1: every
// true range is max(2, |high - prev close| = 2, |low - prev close| = 0) = 2,
// so ATR = 2; SMA20 = mean(231..250) = 240.5, SMA50 = 225.5, SMA200 = 150.5.
TEST(TechnicalPicture, MovingAveragesAndAtrOfALinearClimb) {
  auto s = snapshot("SPY", AssetClass::EquityOptions);
  for (int i = 1; i <= 250; ++i)
    s.daily_bars.push_back(daily_bar(kScanDay - days(250 - i), i + 1.0, i - 1.0, double(i)));
  s.daily_bars.front().low = 0.5;  // prices stay positive; the first TR is then 1.5
  const TechnicalPicture p = technical_picture(s);
  EXPECT_EQ(p.bars, 250u);
  EXPECT_DOUBLE_EQ(p.close, 250.0);
  EXPECT_NEAR(*p.sma20, 240.5, 1e-9);
  EXPECT_NEAR(*p.sma50, 225.5, 1e-9);
  EXPECT_NEAR(*p.sma200, 150.5, 1e-9);
  // The seed mean (1.5 + 13 x 2) / 14 decays by 13/14 a day towards 2.
  EXPECT_NEAR(*p.atr, 2.0, 1e-6);
  EXPECT_FALSE(p.iv_rank.has_value());
  EXPECT_FALSE(p.current_iv.has_value());
}

TEST(TechnicalPicture, ShortHistoriesLeaveFiguresUndefined) {
  auto s = snapshot("SPY", AssetClass::EquityOptions);
  s.daily_bars = flat_bars(60);
  s.atm_iv_history = {0.2, 0.25};
  const TechnicalPicture p = technical_picture(s);
  EXPECT_TRUE(p.sma50.has_value());
  EXPECT_FALSE(p.sma200.has_value());
  EXPECT_FALSE(p.hurst.has_value());  // 100 returns needed
  EXPECT_FALSE(p.realized_vol_percentile.has_value());
  EXPECT_DOUBLE_EQ(*p.current_iv, 0.25);
  EXPECT_FALSE(p.iv_rank.has_value());
  EXPECT_EQ(p.iv_days, 2u);
}

TEST(TechnicalPicture, LevelLookups) {
  TechnicalPicture p;
  p.levels = {{90.0, 2, quant::ta::LevelKind::Support},
              {95.0, 3, quant::ta::LevelKind::Support},
              {110.0, 2, quant::ta::LevelKind::Resistance},
              {120.0, 2, quant::ta::LevelKind::Resistance}};
  EXPECT_DOUBLE_EQ(p.support_below(100.0)->price, 95.0);
  EXPECT_DOUBLE_EQ(p.resistance_above(100.0)->price, 110.0);
  EXPECT_FALSE(p.support_below(90.0).has_value());
  EXPECT_FALSE(p.resistance_above(120.0).has_value());
  EXPECT_DOUBLE_EQ(p.nearest_level(104.0)->price, 110.0);  // 6 away vs 9
  EXPECT_DOUBLE_EQ(p.nearest_level(100.0)->price, 95.0);
  EXPECT_FALSE(TechnicalPicture{}.nearest_level(100.0).has_value());
}

}  // namespace
}  // namespace dorado::strategy
