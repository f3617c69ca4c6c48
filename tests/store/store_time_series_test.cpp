// OHLCV and macro series: exact round trips, all-or-nothing batches, monthly
// partitions on PostgreSQL, and the store's transaction.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <thread>

#include "dorado/store/store_error.hpp"
#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::MacroObservation;
using ports::OhlcvBar;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Timestamp kNow = sys_days{2024y / April / 2} + 21h;

OhlcvBar bar(std::string symbol, Date day, double close) {
  return {std::move(symbol), day, close - 1.0, close + 2.0, close - 3.0, close, close, 1e6, "test"};
}

template <typename Backend>
class StoreTimeSeriesTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kNow);
  }
  std::vector<OhlcvBar> all_spy() {
    return this->store_->read_ohlcv("SPY", {2000y / 1 / 1, 2100y / 1 / 1});
  }
  // A rule a database might hold that the store's validation cannot know:
  // refuse any bar for the symbol "BOOM".
  void refuse_boom_in_database() {
    if (Backend::dialect == SqlDialect::sqlite)
      this->sql().execute_ddl(
          "CREATE TRIGGER refuse_boom BEFORE INSERT ON ohlcv WHEN NEW.symbol = 'BOOM' "
          "BEGIN SELECT RAISE(ABORT, 'boom refused'); END;");
    else
      this->sql().execute_ddl(
          "CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
          "IF NEW.symbol = 'BOOM' THEN RAISE EXCEPTION 'boom refused'; END IF; RETURN NEW; "
          "END $$; CREATE TRIGGER refuse_boom BEFORE INSERT ON ohlcv FOR EACH ROW "
          "EXECUTE FUNCTION refuse_boom();");
  }
};
TYPED_TEST_SUITE(StoreTimeSeriesTest, Backends, BackendNames);

TYPED_TEST(StoreTimeSeriesTest, OhlcvRoundTripsExactly) {
  std::vector<OhlcvBar> bars{
      {"SPY", 2024y / 1 / 31, 0.1 + 0.2, 412.345678901234, 0.1, 0.2, std::nullopt, 0.0, "yahoo"},
      {"SPY", 2024y / 3 / 1, 500.25, 510.0, 499.0, 505.125, 505.0, 81'234'567.5, "yahoo"},
      bar("QQQ", 2024y / 3 / 1, 430.0),
  };
  const auto write = this->store_->upsert_ohlcv(bars);
  EXPECT_TRUE(write.ok());
  EXPECT_EQ(write.written, 3u);
  EXPECT_THAT(this->all_spy(), ElementsAre(bars[0], bars[1]));
  EXPECT_THAT(this->store_->read_ohlcv("SPY", {2024y / 2 / 1, 2024y / 3 / 1}),
              ElementsAre(bars[1]));
  EXPECT_THAT(this->store_->read_ohlcv("SPY", {2024y / 2 / 1, 2024y / 2 / 29}), IsEmpty());
}

TYPED_TEST(StoreTimeSeriesTest, UpsertReplacesTheBarOfTheSameDay) {
  this->store_->upsert_ohlcv(std::vector{bar("SPY", 2024y / 3 / 1, 100.0)});
  const std::vector revised{bar("SPY", 2024y / 3 / 1, 101.5)};
  this->store_->upsert_ohlcv(revised);
  EXPECT_THAT(this->all_spy(), ElementsAre(revised[0]));
}

TYPED_TEST(StoreTimeSeriesTest, InvalidBarRejectsTheWholeBatch) {
  const std::vector before{bar("SPY", 2024y / 2 / 28, 100.0)};
  this->store_->upsert_ohlcv(before);
  std::vector batch{bar("SPY", 2024y / 3 / 1, 101.0), bar("SPY", 2024y / 3 / 4, 102.0),
                    bar("SPY", 2024y / 3 / 5, 103.0)};
  batch[2].high = 90.0;  // below the low
  batch.push_back(bar("SPY", 2024y / 3 / 6, 104.0));
  const auto write = this->store_->upsert_ohlcv(batch);
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.written, 0u);
  EXPECT_EQ(write.rejected->index, 2u);
  EXPECT_EQ(write.rejected->reason, "row 2 (SPY 2024-03-05): high 90 is below open/close 103");
  EXPECT_THAT(this->all_spy(), ElementsAre(before[0]));
}

TYPED_TEST(StoreTimeSeriesTest, RejectsNonFinitePricesAndNegativeVolume) {
  auto nan_close = bar("SPY", 2024y / 3 / 1, 100.0);
  nan_close.close = std::nan("");
  EXPECT_EQ(this->store_->upsert_ohlcv(std::vector{nan_close}).rejected->reason,
            "row 0 (SPY 2024-03-01): close is nan, not a positive price");
  auto negative_volume = bar("SPY", 2024y / 3 / 1, 100.0);
  negative_volume.volume = -5;
  EXPECT_EQ(this->store_->upsert_ohlcv(std::vector{negative_volume}).rejected->reason,
            "row 0 (SPY 2024-03-01): volume is -5, not a non-negative number");
  EXPECT_THAT(this->all_spy(), IsEmpty());
}

TYPED_TEST(StoreTimeSeriesTest, RowTheDatabaseRefusesRollsBackTheRowsBeforeIt) {
  this->refuse_boom_in_database();
  const std::vector batch{bar("SPY", 2024y / 5 / 1, 101.0), bar("SPY", 2024y / 6 / 3, 102.0),
                          bar("BOOM", 2024y / 6 / 4, 103.0)};
  EXPECT_THROW(this->store_->upsert_ohlcv(batch), StoreError);
  EXPECT_THAT(this->all_spy(), IsEmpty());
  // The months' partitions went with the rollback; the store must create them again.
  const std::vector again{batch[0], batch[1]};
  EXPECT_TRUE(this->store_->upsert_ohlcv(again).ok());
  EXPECT_THAT(this->all_spy(), ElementsAre(batch[0], batch[1]));
}

TYPED_TEST(StoreTimeSeriesTest, CreatesAPartitionForEachMonthUsed) {
  this->store_->upsert_ohlcv(std::vector{bar("SPY", 2024y / 1 / 2, 100.0),
                                         bar("SPY", 2024y / 1 / 31, 101.0),
                                         bar("SPY", 2024y / 3 / 1, 102.0)});
  this->store_->upsert_macro(std::vector{MacroObservation{"DGS10", 2023y / 12 / 29, 3.88}});
  if (TypeParam::dialect == SqlDialect::postgres) {
    EXPECT_THAT(partitions_of(this->sql(), "ohlcv"),
                ElementsAre("ohlcv_p2024_01", "ohlcv_p2024_03"));
    EXPECT_THAT(partitions_of(this->sql(), "macro_features"),
                ElementsAre("macro_features_p2023_12"));
    EXPECT_THAT(partitions_of(this->sql(), "funding_rates"), IsEmpty());
    // A fresh connection (empty cache) writing into an existing month is fine.
    auto other = this->open("alice");
    EXPECT_TRUE(other->upsert_ohlcv(std::vector{bar("SPY", 2024y / 1 / 3, 99.0)}).ok());
    EXPECT_EQ(partitions_of(this->sql(), "ohlcv").size(), 2u);
  } else {
    EXPECT_THAT(partitions_of(this->sql(), "ohlcv"), IsEmpty());  // one plain table
  }
  EXPECT_EQ(this->all_spy().size(), TypeParam::dialect == SqlDialect::postgres ? 4u : 3u);
}

TYPED_TEST(StoreTimeSeriesTest, WritersReachingANewMonthTogetherBothSucceed) {
  auto writer = [&](std::string symbol) {
    auto store = this->open("alice");  // one connection per thread
    for (unsigned month = 1; month <= 6; ++month)
      EXPECT_TRUE(
          store->upsert_ohlcv(std::vector{bar(symbol, 2025y / month / 2, 100.0 + month)}).ok());
  };
  std::thread a(writer, "SPY"), b(writer, "QQQ");
  a.join();
  b.join();
  EXPECT_EQ(this->all_spy().size(), 6u);
  EXPECT_EQ(this->store_->read_ohlcv("QQQ", {2025y / 1 / 1, 2025y / 12 / 31}).size(), 6u);
  if (TypeParam::dialect == SqlDialect::postgres) {
    EXPECT_EQ(partitions_of(this->sql(), "ohlcv").size(), 6u);
  }
}

TYPED_TEST(StoreTimeSeriesTest, MacroSeriesRoundTripAndUpsert) {
  const std::vector<MacroObservation> obs{{"DGS10", 2024y / 3 / 1, 4.18},
                                          {"DGS10", 2024y / 3 / 4, 4.2200000000000006},
                                          {"VIXCLS", 2024y / 3 / 1, 13.11}};
  EXPECT_EQ(this->store_->upsert_macro(obs).written, 3u);
  this->store_->upsert_macro(std::vector<MacroObservation>{{"DGS10", 2024y / 3 / 1, 4.19}});
  EXPECT_THAT(this->store_->read_macro("DGS10", {2024y / 1 / 1, 2024y / 12 / 31}),
              ElementsAre(MacroObservation{"DGS10", 2024y / 3 / 1, 4.19}, obs[1]));
  const auto bad = this->store_->upsert_macro(std::vector<MacroObservation>{
      {"DGS10", 2024y / 3 / 5, 4.3}, {"DGS10", 2024y / 3 / 6, INFINITY}});
  EXPECT_EQ(bad.rejected->reason, "row 1 (DGS10 2024-03-06): value is inf, not a finite number");
  EXPECT_EQ(this->store_->read_macro("DGS10", {2024y / 3 / 5, 2024y / 3 / 6}).size(), 0u);
}

TYPED_TEST(StoreTimeSeriesTest, TransactionWritesAllOrNothing) {
  EXPECT_THROW(this->store_->transaction([](ports::Store& s) {
    s.upsert_ohlcv(std::vector{bar("SPY", 2024y / 7 / 1, 100.0)});
    s.upsert_macro(std::vector<MacroObservation>{{"DGS10", 2024y / 7 / 1, 4.4}});
    throw std::runtime_error("importer failed half way");
  }),
               std::runtime_error);
  EXPECT_THAT(this->all_spy(), IsEmpty());
  EXPECT_THAT(this->store_->read_macro("DGS10", {2024y / 1 / 1, 2024y / 12 / 31}), IsEmpty());

  this->store_->transaction([](ports::Store& s) {
    s.upsert_ohlcv(std::vector{bar("SPY", 2024y / 7 / 1, 100.0)});
    s.upsert_macro(std::vector<MacroObservation>{{"DGS10", 2024y / 7 / 1, 4.4}});
  });
  EXPECT_EQ(this->all_spy().size(), 1u);
  EXPECT_EQ(this->store_->read_macro("DGS10", {2024y / 1 / 1, 2024y / 12 / 31}).size(), 1u);
}

TYPED_TEST(StoreTimeSeriesTest, FailedInnerTransactionLeavesTheOuterOneIntact) {
  this->store_->transaction([](ports::Store& s) {
    s.upsert_ohlcv(std::vector{bar("SPY", 2024y / 8 / 1, 100.0)});
    try {
      s.transaction([](ports::Store& inner) {
        inner.upsert_ohlcv(std::vector{bar("SPY", 2024y / 9 / 2, 101.0)});
        throw std::runtime_error("inner");
      });
    } catch (const std::runtime_error&) {
    }
    s.upsert_ohlcv(std::vector{bar("SPY", 2024y / 8 / 2, 102.0)});
  });
  const auto stored = this->all_spy();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].bar_date, 2024y / 8 / 1);
  EXPECT_EQ(stored[1].bar_date, 2024y / 8 / 2);
  // September's partition was rolled back with the savepoint; writing there works.
  EXPECT_TRUE(this->store_->upsert_ohlcv(std::vector{bar("SPY", 2024y / 9 / 2, 101.0)}).ok());
}

TYPED_TEST(StoreTimeSeriesTest, DatabaseErrorInAnInnerTransactionCanBeRecoveredFrom) {
  this->refuse_boom_in_database();
  this->store_->transaction([](ports::Store& s) {
    s.upsert_ohlcv(std::vector{bar("SPY", 2024y / 8 / 1, 100.0)});
    // PostgreSQL aborts the whole transaction on an error unless the failed
    // part is rolled back to its savepoint; the outer work must survive.
    EXPECT_THROW(s.upsert_ohlcv(std::vector{bar("SPY", 2024y / 8 / 5, 101.0),
                                            bar("BOOM", 2024y / 8 / 5, 10.0)}),
                 StoreError);
    s.upsert_ohlcv(std::vector{bar("SPY", 2024y / 8 / 2, 102.0)});
  });
  const auto stored = this->all_spy();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[1].bar_date, 2024y / 8 / 2);
}

TYPED_TEST(StoreTimeSeriesTest, EachUserSeesOnlyTheirOwnRows) {
  this->store_->upsert_ohlcv(std::vector{bar("SPY", 2024y / 3 / 1, 100.0)});
  auto bob = this->open("bob");
  EXPECT_THAT(bob->read_ohlcv("SPY", {2024y / 1 / 1, 2024y / 12 / 31}), IsEmpty());
  bob->upsert_ohlcv(std::vector{bar("SPY", 2024y / 3 / 1, 200.0)});
  EXPECT_EQ(this->all_spy().at(0).close, 100.0);
  EXPECT_EQ(bob->schema_status().tables.at(12).rows, 1);  // ohlcv
}

}  // namespace
}  // namespace dorado::store::testing
