// iv_history filled from chains and read back as IV rank, on SQLite and
// PostgreSQL. Needs dorado_store linked into the data tests
// (DORADO_DATA_TESTS_HAVE_STORE).
#ifdef DORADO_DATA_TESTS_HAVE_STORE
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/pipeline/iv_history_update.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"
#include "store/store_backends.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;

const Timestamp kAt = sys_days{2021y / 1 / 4} + 22h;

template <typename Backend>
class IvHistoryStoreTest : public store::testing::StoreTest<Backend> {
 protected:
  void SetUp() override {
    store::testing::StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kAt);
  }
};
TYPED_TEST_SUITE(IvHistoryStoreTest, store::testing::Backends, store::testing::BackendNames);

TYPED_TEST(IvHistoryStoreTest, SyntheticChainsOfAYearFeedIvRank) {
  synthetic::SyntheticMarketConfig config;
  config.first_day = 2019y / 12 / 1;
  config.last_day = 2021y / 1 / 31;
  const synthetic::SyntheticMarket market(config);
  const auto& nyse = calendar::calendar_named("nyse");
  std::vector<OptionChain> chains;
  const auto days = nyse.trading_days(2020y / 1 / 2, 2020y / 12 / 31);
  for (const Date day : days) chains.push_back(market.option_chain("SPY", day)->chain);
  // A snapshot of the last day taken again later that evening wins over the first.
  auto later = chains.back();
  later.as_of += 1h;
  for (auto& c : later.contracts) c.bid = c.ask = c.mid() * 1.05;
  chains.push_back(later);

  const auto run = record_iv_history(*this->store_, chains, nyse, {config.risk_free_rate}, kAt);
  EXPECT_TRUE(run.findings.empty());
  ASSERT_EQ(run.stored.size(), days.size());  // 253 trading days in 2020
  const auto stored = this->store_->read_iv_history("SPY", {2020y / 1 / 1, 2020y / 12 / 31});
  ASSERT_EQ(stored, run.stored);
  const auto later_iv = std::get<Iv30>(thirty_day_atm_iv(later, nyse, {config.risk_free_rate}));
  const auto first_iv =
      std::get<Iv30>(thirty_day_atm_iv(chains[chains.size() - 2], nyse, {config.risk_free_rate}));
  EXPECT_EQ(stored.back().iv30, later_iv.iv30);
  EXPECT_GT(later_iv.iv30, first_iv.iv30);  // 5 % richer quotes

  const auto reading = stored_iv_rank(*this->store_, "SPY", 2020y / 12 / 31);
  ASSERT_TRUE(reading.has_value());
  EXPECT_EQ(reading->iv30, stored.back().iv30);
  // IV rank by hand over the last 252 observations.
  std::vector<double> window;
  for (auto it = stored.end() - 252; it != stored.end(); ++it) window.push_back(it->iv30);
  const auto [lo, hi] = std::minmax_element(window.begin(), window.end());
  EXPECT_NEAR(reading->rank, 100.0 * (window.back() - *lo) / (*hi - *lo), 1e-9);
  EXPECT_GE(reading->percentile, 0.0);
  EXPECT_LE(reading->percentile, 100.0);
  EXPECT_FALSE(stored_iv_rank(*this->store_, "SPY", 2020y / 6 / 30).has_value());  // < 252 days
}

TYPED_TEST(IvHistoryStoreTest, RebuildsFromStoredSnapshotsAndJournalsChainsWithoutAnAnswer) {
  synthetic::SyntheticMarketConfig config;
  config.first_day = 2020y / 3 / 1;
  config.last_day = 2020y / 3 / 31;
  const synthetic::SyntheticMarket market(config);
  const auto& nyse = calendar::calendar_named("nyse");
  auto good = market.option_chain("SPY", 2020y / 3 / 16)->chain;
  auto empty = market.option_chain("SPY", 2020y / 3 / 17)->chain;
  for (auto& c : empty.contracts) c.bid = 0;  // no two-sided quote anywhere
  ASSERT_TRUE(this->store_->save_option_chain(good, "synthetic").ok());
  ASSERT_TRUE(this->store_->save_option_chain(empty, "synthetic").ok());

  const auto run = rebuild_iv_history(*this->store_, "SPY", {good.as_of - 24h, empty.as_of + 1h},
                                      nyse, {config.risk_free_rate}, kAt, "abc");
  ASSERT_EQ(run.stored.size(), 1u);
  EXPECT_EQ(run.stored[0].obs_date, 2020y / 3 / 16);
  EXPECT_EQ(run.stored[0].iv30, std::get<Iv30>(thirty_day_atm_iv(good, nyse, {0.02})).iv30);
  const auto journal = this->store_->read_journal({"data", "SPY", 0, 10});
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].entry.reason_code, "iv30_unavailable");
  EXPECT_EQ(journal[0].entry.config_hash, "abc");
}

}  // namespace
}  // namespace dorado::data
#endif  // DORADO_DATA_TESTS_HAVE_STORE
