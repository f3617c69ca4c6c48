// Tier 3 of the resolver: figures from the snapshot's history, on inputs
// whose indicator values are known exactly.
#include "dorado/strategy/resolve/pipeline_figures.hpp"

#include <gtest/gtest.h>

#include "strategy/strategy_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;

// 80 bars, closes 100 + 0.5 i, high = close + 1, low = close - 1.
UnderlyingSnapshot rising() {
  UnderlyingSnapshot s;
  s.symbol = "SPY";
  Date d = ymd(2024, 1, 1);
  for (int i = 0; i < 80; ++i) {
    Bar b;
    b.time = at_utc(d, 0);
    b.close = b.open = 100.0 + 0.5 * i;
    b.high = b.close + 1.0;
    b.low = b.close - 1.0;
    s.daily_bars.push_back(b);
    d = sys_days{d} + days{1};
  }
  return s;
}

TEST(PipelineFigures, IndicatorsOfASteadyUptrend) {
  UnderlyingSnapshot s = rising();
  s.funding_rate = 0.0001;
  const PipelineFigures f = pipeline_figures(s);
  EXPECT_EQ(f.spot, 139.5);  // no chain: the last close
  // True range is 2 on every bar (|high - previous close| = 1.5 < 2): ATR 2.
  EXPECT_NEAR(*f.atr, 2.0, 1e-12);
  // +DM 0.5 on every bar, -DM 0: DX 100, so ADX 100.
  EXPECT_NEAR(*f.adx, 100.0, 1e-9);
  // SMA(20) of closes 130..139.5: 134.75.
  EXPECT_NEAR(*f.sma, 134.75, 1e-12);
  EXPECT_EQ(f.funding_rate, 0.0001);
  EXPECT_FALSE(f.iv_rank.has_value());  // no IV history
}

TEST(PipelineFigures, IvRankOverTheHistory) {
  UnderlyingSnapshot s = rising();
  // 21 days of IV from 0.10 to 0.30 by 0.01, then today 0.20: rank
  // 100 x (0.20 - 0.10) / (0.30 - 0.10) = 50.
  for (int i = 0; i <= 20; ++i) s.atm_iv_history.push_back(0.10 + 0.01 * i);
  s.atm_iv_history.push_back(0.20);
  const PipelineFigures f = pipeline_figures(s);
  EXPECT_NEAR(*f.iv_rank, 50.0, 1e-9);
  EXPECT_EQ(f.current_iv, 0.20);
  s.atm_iv_history.resize(10);  // under 20 days: no rank
  EXPECT_FALSE(pipeline_figures(s).iv_rank.has_value());
}

TEST(PipelineFigures, SpotFromTheChainAndNearestLevels) {
  UnderlyingSnapshot s = snapshot_of(chain_400());
  PipelineFigures f = pipeline_figures(s);
  EXPECT_EQ(f.spot, 400.0);
  EXPECT_FALSE(f.atr.has_value());  // no bars
  f.levels = {{370, 2, quant::ta::LevelKind::Support},
              {385, 3, quant::ta::LevelKind::Support},
              {410, 2, quant::ta::LevelKind::Resistance},
              {430, 2, quant::ta::LevelKind::Resistance}};
  EXPECT_EQ(f.support_below(400)->price, 385);
  EXPECT_EQ(f.resistance_above(400)->price, 410);
  EXPECT_FALSE(f.support_below(370).has_value());
  EXPECT_FALSE(f.resistance_above(430).has_value());
}

}  // namespace
}  // namespace dorado::strategy
