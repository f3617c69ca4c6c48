// The cascade on real history: SPY on Friday 10 October 2008, the week the
// crisis peaked. Figures from ../shared/data: VIX closed 69.95, the highest
// close of the preceding 252 sessions (min 16.30), VIX3M 50.91, so
// VIX3M/VIX = 0.7278: an iron condor must be stopped by the volatility
// stage (VIX out of [14, 30], term structure in backwardation) although IV
// rank (VIX / 100 as the ATM IV proxy) reads 100.
#include <gtest/gtest.h>

#include "dorado/data/import/ohlcv_csv.hpp"
#include "dorado/strategy/gates/gate_cascade.hpp"
#include "dorado/strategy/gates/technical_gates.hpp"
#include "strategy/gates/gate_fixtures.hpp"
#include "support/real_data.hpp"

namespace dorado::strategy {
namespace {

const Date kCrisisFriday{std::chrono::year{2008} / 10 / 10};

std::vector<ports::OhlcvBar> rows_up_to(const std::filesystem::path& file, Date last) {
  const auto parsed = data::parse_ohlcv_csv(dorado::testing::read_text(file), "X", "csv");
  std::vector<ports::OhlcvBar> rows;
  for (const auto& row : parsed.bars)
    if (std::chrono::sys_days{row.bar_date} <= std::chrono::sys_days{last}) rows.push_back(row);
  return rows;
}

TEST(RealDataGateCascade, Spy2008CrisisStopsAtTheVolatilityStage) {
  DORADO_REAL_DATA_OR_SKIP(dir);
  const auto spy = rows_up_to(dir / "SPY.csv", kCrisisFriday);
  const auto vix = rows_up_to(dir / "VIX.csv", kCrisisFriday);
  const auto vix3m = rows_up_to(dir / "VIX3M.csv", kCrisisFriday);
  ASSERT_EQ(spy.back().bar_date, kCrisisFriday);
  ASSERT_EQ(vix.back().bar_date, kCrisisFriday);
  ASSERT_EQ(vix3m.back().bar_date, kCrisisFriday);

  auto s = testing::snapshot("SPY", AssetClass::EquityOptions);
  s.as_of = kCrisisFriday;
  s.at = testing::at_utc(std::chrono::sys_days{kCrisisFriday}, std::chrono::hours{20});
  for (const auto& row : spy) {
    Bar b;
    b.time = std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::sys_days{row.bar_date});
    b.open = row.open;
    b.high = row.high;
    b.low = row.low;
    b.close = row.close;
    b.volume = row.volume;
    s.daily_bars.push_back(b);
  }
  for (const auto& row : vix) s.atm_iv_history.push_back(row.close / 100.0);
  s.vix = vix.back().close;
  s.vix3m = vix3m.back().close;

  const auto result = run_gate_cascade(s, testing::iron_condor(), RegimeView{});
  EXPECT_EQ(result.failed_stage, GateStage::Volatility);
  ASSERT_EQ(result.gates.size(), 4u);
  EXPECT_TRUE(result.gates[1].passed);
  EXPECT_NEAR(result.gates[1].measured.at("iv_rank"), 100.0, 1e-9);
  EXPECT_EQ(result.gates[2].reason, ReasonCode::TermStructureBackwardation);
  EXPECT_NEAR(result.gates[2].measured.at("contango_ratio"), 50.91 / 69.95, 1e-12);
  EXPECT_EQ(result.gates[2].sentence, "VIX3M/VIX 50.91/69.95 = 0.7278 < 1 min");
  EXPECT_EQ(result.gates[3].reason, ReasonCode::VixOutOfRange);
  EXPECT_EQ(result.gates[3].sentence, "VIX 69.95 outside [14, 30]");
  EXPECT_EQ(result.not_evaluated,
            (std::vector<std::string>{"adx", "atr_channel", "hurst", "support_resistance"}));

  // The technical gates, had they run, would have refused a range trade too:
  // SPY fell 18 % that week, far outside its 20-day ATR channel.
  const GateResult channel = atr_channel_gate(s.daily_bars, config::AtrChannel{});
  EXPECT_EQ(channel.reason, ReasonCode::AtrChannelBreakout);
  EXPECT_GE(channel.measured.at("closes_outside"), 1.0);
  EXPECT_LT(channel.measured.at("close"), channel.measured.at("lower"));
}

}  // namespace
}  // namespace dorado::strategy
