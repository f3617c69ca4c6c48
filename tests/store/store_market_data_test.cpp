// IV history, funding rates, series extents and option chain snapshots on
// SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::FundingRate;
using ports::IvObservation;
using ports::SeriesExtent;
using ports::SeriesKind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Timestamp kNow = sys_days{2024y / April / 2} + 21h;
const Timestamp kCloseJul8 = sys_days{2022y / July / 8} + 20h;  // 16:00 New York

OptionContract contract(Date expiration, double strike, OptionRight right, double bid, double ask) {
  OptionContract c;
  c.underlying = "SPY";
  c.expiration = expiration;
  c.strike = strike;
  c.right = right;
  c.bid = bid;
  c.ask = ask;
  c.last = (bid + ask) / 2;
  c.volume = 12;
  c.open_interest = 3456;
  c.quote_time = kCloseJul8;
  return c;
}

OptionChain small_chain() {
  OptionChain chain{"SPY", 388.67, kCloseJul8, {}};
  auto call = contract(2022y / 8 / 19, 390.0, OptionRight::Call, 9.86, 9.91);
  call.implied_vol = 0.2261;
  call.delta = 0.5118;
  call.gamma = 0.0159;
  auto put = contract(2022y / 8 / 19, 390.0, OptionRight::Put, 10.64, 10.69);
  put.implied_vol = 0.2344;  // greeks missing on purpose: a gap stays a gap
  chain.contracts = {contract(2022y / 7 / 11, 385.0, OptionRight::Put, 0.0, 0.01), call, put};
  return chain;
}

template <typename Backend>
class StoreMarketDataTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kNow);
  }
};
TYPED_TEST_SUITE(StoreMarketDataTest, Backends, BackendNames);

TYPED_TEST(StoreMarketDataTest, IvHistoryRoundTripsAndUpserts) {
  const std::vector<IvObservation> obs{{"SPY", 2022y / 7 / 7, 0.2412345678901234},
                                       {"SPY", 2022y / 7 / 8, 0.2468},
                                       {"QQQ", 2022y / 7 / 8, 0.31}};
  EXPECT_EQ(this->store_->upsert_iv_history(obs).written, 3u);
  this->store_->upsert_iv_history(std::vector<IvObservation>{{"SPY", 2022y / 7 / 8, 0.25}});
  EXPECT_THAT(this->store_->read_iv_history("SPY", {2022y / 1 / 1, 2022y / 12 / 31}),
              ElementsAre(obs[0], IvObservation{"SPY", 2022y / 7 / 8, 0.25}));
  const auto bad = this->store_->upsert_iv_history(
      std::vector<IvObservation>{{"SPY", 2022y / 7 / 11, 0.2}, {"SPY", 2022y / 7 / 12, 0.0}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.rejected->reason, "row 1 (SPY 2022-07-12): iv30 is 0, not a positive volatility");
  EXPECT_THAT(this->store_->read_iv_history("SPY", {2022y / 7 / 11, 2022y / 7 / 12}), IsEmpty());
}

TYPED_TEST(StoreMarketDataTest, FundingRatesRoundTripAndUpsert) {
  const Timestamp t0 = sys_days{2020y / 12 / 31} + 0h;
  const std::vector<FundingRate> rates{{"binance", "BTCUSDT", t0, 0.0001},
                                       {"binance", "BTCUSDT", t0 + 8h, -0.00003750},
                                       {"hyperliquid", "BTC", t0 + 1h, 0.0000125}};
  EXPECT_TRUE(this->store_->upsert_funding_rates(rates).ok());
  this->store_->upsert_funding_rates(std::vector<FundingRate>{{"binance", "BTCUSDT", t0, 0.0002}});
  EXPECT_THAT(this->store_->read_funding_rates("binance", "BTCUSDT", {t0, t0 + 24h}),
              ElementsAre(FundingRate{"binance", "BTCUSDT", t0, 0.0002}, rates[1]));
  EXPECT_THAT(this->store_->read_funding_rates("binance", "BTCUSDT", {t0 + 1h, t0 + 7h}),
              IsEmpty());
  const auto bad = this->store_->upsert_funding_rates(
      std::vector<FundingRate>{{"binance", "BTCUSDT", t0 + 16h, NAN}});
  EXPECT_EQ(bad.rejected->reason,
            "row 0 (binance:BTCUSDT 2020-12-31T16:00:00.000000Z): rate is nan, not a finite "
            "number");
}

TYPED_TEST(StoreMarketDataTest, SeriesExtentsListEveryStoredSeries) {
  auto& s = *this->store_;
  s.upsert_ohlcv(
      std::vector<ports::OhlcvBar>{{"SPY", 2024y / 1 / 2, 1, 2, 0.5, 1.5, std::nullopt, 10, "t"},
                                   {"SPY", 2024y / 3 / 1, 1, 2, 0.5, 1.5, std::nullopt, 10, "t"},
                                   {"GLD", 2024y / 2 / 1, 1, 2, 0.5, 1.5, std::nullopt, 10, "t"}});
  s.upsert_macro(std::vector<ports::MacroObservation>{{"DGS10", 2023y / 12 / 29, 3.88}});
  s.upsert_iv_history(std::vector<IvObservation>{{"SPY", 2022y / 7 / 8, 0.25}});
  const Timestamp t0 = sys_days{2020y / 12 / 30} + 16h;
  s.upsert_funding_rates(std::vector<FundingRate>{{"binance", "BTCUSDT", t0, 0.0001},
                                                  {"binance", "BTCUSDT", t0 + 8h, 0.0001}});
  s.save_option_chain(small_chain(), "cboe");

  EXPECT_THAT(s.series_extents(SeriesKind::Ohlcv),
              ElementsAre(SeriesExtent{SeriesKind::Ohlcv, "GLD", 2024y / 2 / 1, 2024y / 2 / 1, 1},
                          SeriesExtent{SeriesKind::Ohlcv, "SPY", 2024y / 1 / 2, 2024y / 3 / 1, 2}));
  EXPECT_THAT(
      s.series_extents(SeriesKind::Macro),
      ElementsAre(SeriesExtent{SeriesKind::Macro, "DGS10", 2023y / 12 / 29, 2023y / 12 / 29, 1}));
  EXPECT_THAT(
      s.series_extents(SeriesKind::IvHistory),
      ElementsAre(SeriesExtent{SeriesKind::IvHistory, "SPY", 2022y / 7 / 8, 2022y / 7 / 8, 1}));
  EXPECT_THAT(s.series_extents(SeriesKind::Funding),
              ElementsAre(SeriesExtent{SeriesKind::Funding, "binance:BTCUSDT", 2020y / 12 / 30,
                                       2020y / 12 / 31, 2}));
  EXPECT_THAT(
      s.series_extents(SeriesKind::OptionChain),
      ElementsAre(SeriesExtent{SeriesKind::OptionChain, "SPY", 2022y / 7 / 8, 2022y / 7 / 8, 3}));
  EXPECT_THAT(this->open("bob")->series_extents(SeriesKind::Ohlcv), IsEmpty());
}

TYPED_TEST(StoreMarketDataTest, OptionChainRoundTripsWithGreekGapsKept) {
  const auto chain = small_chain();
  const auto write = this->store_->save_option_chain(chain, "cboe");
  ASSERT_TRUE(write.ok()) << write.rejected->reason;
  EXPECT_EQ(write.written, 3u);
  const auto back = this->store_->read_option_chain("SPY", kCloseJul8);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, chain);  // same order: expiration, strike, call before put
  EXPECT_FALSE(back->contracts[2].delta.has_value());
  EXPECT_FALSE(this->store_->read_option_chain("SPY", kCloseJul8 + 1s).has_value());
  EXPECT_THAT(this->store_->option_chain_times("SPY", {kCloseJul8 - 24h, kCloseJul8 + 24h}),
              ElementsAre(kCloseJul8));
  if (TypeParam::dialect == SqlDialect::postgres) {
    EXPECT_THAT(partitions_of(this->sql(), "option_quotes"), ElementsAre("option_quotes_p2022_07"));
  }
}

TYPED_TEST(StoreMarketDataTest, OptionChainSnapshotsAreKeptApartAndRewritten) {
  auto chain = small_chain();
  this->store_->save_option_chain(chain, "cboe");
  auto next_day = chain;
  next_day.as_of = kCloseJul8 + 24h * 3;
  next_day.spot = 384.23;
  next_day.contracts.erase(next_day.contracts.begin());
  this->store_->save_option_chain(next_day, "cboe");
  chain.contracts[1].bid = 9.80;  // a corrected quote replaces the stored one
  this->store_->save_option_chain(chain, "cboe");
  EXPECT_EQ(this->store_->read_option_chain("SPY", kCloseJul8)->contracts[1].bid, 9.80);
  EXPECT_EQ(this->store_->read_option_chain("SPY", next_day.as_of)->size(), 2u);
  EXPECT_EQ(this->store_->read_option_chain("SPY", next_day.as_of)->spot, 384.23);
  EXPECT_THAT(this->store_->option_chain_times("SPY", {kCloseJul8, next_day.as_of}),
              ElementsAre(kCloseJul8, next_day.as_of));
}

TYPED_TEST(StoreMarketDataTest, InvalidContractRejectsTheWholeChain) {
  auto chain = small_chain();
  chain.contracts[1].ask = -0.05;
  const auto write = this->store_->save_option_chain(chain, "cboe");
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.rejected->reason,
            "row 1 (2022-08-19 390 call): ask is -0.05, not a non-negative number");
  EXPECT_FALSE(this->store_->read_option_chain("SPY", kCloseJul8).has_value());

  chain = small_chain();
  chain.contracts.push_back(chain.contracts[1]);
  EXPECT_EQ(this->store_->save_option_chain(chain, "cboe").rejected->reason,
            "row 3 (2022-08-19 390 call): the same contract appears twice in the chain");
  chain = small_chain();
  chain.contracts[0].underlying = "QQQ";
  EXPECT_EQ(this->store_->save_option_chain(chain, "cboe").rejected->reason,
            "row 0 (2022-07-11 385 put): underlying is \"QQQ\", not the chain's \"SPY\"");
  chain = small_chain();
  chain.contracts[2].implied_vol = INFINITY;
  EXPECT_EQ(this->store_->save_option_chain(chain, "cboe").rejected->reason,
            "row 2 (2022-08-19 390 put): implied_vol is inf, not a finite number");
  EXPECT_THAT(this->store_->option_chain_times("SPY", {kCloseJul8 - 24h, kCloseJul8 + 24h}),
              IsEmpty());
}

TYPED_TEST(StoreMarketDataTest, ChainWithoutSpotStoresNoUnderlyingPrice) {
  auto chain = small_chain();
  chain.spot = 0;
  this->store_->save_option_chain(chain, "synthetic");
  EXPECT_EQ(this->store_->read_option_chain("SPY", kCloseJul8)->spot, 0.0);
  EXPECT_TRUE(this->sql().query("SELECT underlying_price FROM option_quotes").at(0).is_null(0));
}

}  // namespace
}  // namespace dorado::store::testing
