// Snapshots of the synthetic market as the scan sees them.
#include <gtest/gtest.h>

#include "scan_fixtures.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono;
using testing::kLastDay;
using testing::last_day_snapshots;
using testing::synthetic_market;

TEST(SyntheticSnapshots, DefaultDateIsTheLastTradingDayOfTheMarket) {
  // 2024-12-31 is a Tuesday and an NYSE trading day.
  EXPECT_EQ(synthetic_market().default_as_of(), kLastDay);
  data::synthetic::SyntheticMarketConfig ends_on_sunday;
  ends_on_sunday.first_day = Date{2024y / June / 1};
  ends_on_sunday.last_day = Date{2024y / June / 30};
  EXPECT_EQ(SyntheticSnapshots(ends_on_sunday).default_as_of(), Date{2024y / June / 28});
}

TEST(SyntheticSnapshots, OptionsUnderlyingHasBarsChainIvHistoryAndVix) {
  const auto& spy = last_day_snapshots().at("SPY");
  EXPECT_EQ(spy.asset_class, AssetClass::EquityOptions);
  EXPECT_EQ(spy.as_of, kLastDay);
  EXPECT_EQ(spy.at, sys_days{2024y / December / 31} + 21h);
  ASSERT_EQ(spy.daily_bars.size(), 400u);
  EXPECT_EQ(spy.daily_bars.back().date(), kLastDay);
  EXPECT_EQ(spy.last_close(), synthetic_market().market().bar("SPY", kLastDay)->close);
  ASSERT_TRUE(spy.chain.has_value());
  EXPECT_EQ(spy.chain->as_of, spy.at);
  EXPECT_GT(spy.chain->size(), 100u);
  // A day whose chain has no usable ATM vol leaves a gap, so at most 252.
  EXPECT_GE(spy.atm_iv_history.size(), 240u);
  EXPECT_LE(spy.atm_iv_history.size(), 252u);
  for (double iv : spy.atm_iv_history) EXPECT_TRUE(iv > 0.02 && iv < 2.0) << iv;
  EXPECT_EQ(spy.vix, synthetic_market().market().bar("VIX", kLastDay)->close);
  EXPECT_TRUE(spy.vix3m.has_value());
  EXPECT_FALSE(spy.funding_rate.has_value());
}

TEST(SyntheticSnapshots, CryptoCarriesTheLatestFundingAndFxHasNoChain) {
  const auto& btc = last_day_snapshots().at("BTC");
  ASSERT_TRUE(btc.funding_rate.has_value());
  const auto& rates = synthetic_market().market().funding_rates("BTC");
  double latest = 0;
  for (const auto& r : rates)
    if (r.funding_time <= btc.at) latest = r.rate;
  EXPECT_EQ(*btc.funding_rate, latest);
  const auto& usdjpy = last_day_snapshots().at("USDJPY");
  EXPECT_FALSE(usdjpy.chain.has_value());
  EXPECT_TRUE(usdjpy.atm_iv_history.empty());
  EXPECT_FALSE(usdjpy.daily_bars.empty());
}

TEST(SyntheticSnapshots, AnUnderlyingTheMarketLacksHasNoData) {
  config::UniverseMember iwm;
  iwm.symbol = "IWM";
  const auto s = synthetic_market().snapshot(iwm, kLastDay);
  EXPECT_EQ(s.symbol, "IWM");
  EXPECT_TRUE(s.daily_bars.empty());
  EXPECT_FALSE(s.chain.has_value());
}

TEST(SyntheticSnapshots, PricingIsTheMarketsOwn) {
  config::UniverseMember spy;
  spy.symbol = "SPY";
  const auto p = synthetic_market().pricing(spy);
  EXPECT_DOUBLE_EQ(p.risk_free_rate, 0.02);   // SyntheticMarketConfig's default
  EXPECT_DOUBLE_EQ(p.dividend_yield, 0.015);  // option_chain_builder.hpp: SPY 1.5 %
}

}  // namespace
}  // namespace dorado::engine
