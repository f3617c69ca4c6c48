// Migrations and the shape of the schema, on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "dorado/store/audit_chain.hpp"
#include "dorado/store/migrations.hpp"
#include "dorado/store/sql_time.hpp"
#include "dorado/store/store_error.hpp"
#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Timestamp kMigratedAt = sys_days{2024y / March / 15} + 14h + 30min;
constexpr int kLatest = 8;

template <typename Backend>
class StoreSchemaTest : public StoreTest<Backend> {};
TYPED_TEST_SUITE(StoreSchemaTest, Backends, BackendNames);

TYPED_TEST(StoreSchemaTest, EmptyDatabaseReportsVersionZeroAndNoTables) {
  const auto status = this->store_->schema_status();
  EXPECT_EQ(status.current_version, 0);
  EXPECT_EQ(status.latest_version, kLatest);
  EXPECT_FALSE(status.up_to_date());
  ASSERT_EQ(status.tables.size(), 23u);
  for (const auto& t : status.tables) EXPECT_FALSE(t.rows.has_value()) << t.table;
}

TYPED_TEST(StoreSchemaTest, MigratesFromEmptyToLatest) {
  const auto report = this->store_->migrate(kMigratedAt);
  EXPECT_EQ(report.from_version, 0);
  EXPECT_EQ(report.to_version, kLatest);
  EXPECT_THAT(report.applied, ElementsAre("1 core_tables", "2 time_series",
                                          "3 audit_log_append_only", "4 option_quotes", "5 journal",
                                          "6 regime_models", "7 bot_lifecycle", "8 orders"));

  const auto status = this->store_->schema_status();
  EXPECT_EQ(status.backend, TypeParam::dialect == SqlDialect::sqlite ? "sqlite" : "postgres");
  EXPECT_EQ(status.current_version, kLatest);
  EXPECT_TRUE(status.up_to_date());
  for (const auto& t : status.tables) EXPECT_EQ(t.rows, 0) << t.table;

  const auto rows = this->sql().query(
      "SELECT version, name, applied_at, checksum FROM schema_migrations ORDER BY version");
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[1].text(1), "time_series");
  EXPECT_EQ(parse_sql_timestamp(rows[1].text(2)), kMigratedAt);
  EXPECT_EQ(rows[1].text(3), migration_checksum(shipped_migrations()[1]));
}

TYPED_TEST(StoreSchemaTest, MigrateTwiceChangesNothing) {
  this->store_->migrate(kMigratedAt);
  const auto again = this->store_->migrate(kMigratedAt + 1h);
  EXPECT_EQ(again.from_version, kLatest);
  EXPECT_EQ(again.to_version, kLatest);
  EXPECT_TRUE(again.applied.empty());
  // A second process opening the same database sees it migrated too.
  const auto other = this->open("alice")->migrate(kMigratedAt + 2h);
  EXPECT_TRUE(other.applied.empty());
  EXPECT_EQ(this->sql().query("SELECT count(*) FROM schema_migrations").at(0).integer(0), kLatest);
}

TYPED_TEST(StoreSchemaTest, AppliesOnlyTheNewMigration) {
  this->store_->migrate(kMigratedAt);
  std::vector<Migration> next(shipped_migrations().begin(), shipped_migrations().end());
  next.push_back({kLatest + 1, "scratch_notes",
                  "CREATE TABLE scratch_notes (user_id TEXT NOT NULL);", "", ""});
  const auto report = apply_migrations(this->sql(), next, kMigratedAt + 24h);
  EXPECT_EQ(report.from_version, kLatest);
  EXPECT_EQ(report.to_version, kLatest + 1);
  EXPECT_THAT(report.applied, ElementsAre(std::to_string(kLatest + 1) + " scratch_notes"));
  EXPECT_TRUE(table_exists(this->sql(), "scratch_notes"));
}

TYPED_TEST(StoreSchemaTest, RefusesADatabaseWhoseAppliedMigrationWasEdited) {
  this->store_->migrate(kMigratedAt);
  std::vector<Migration> edited(shipped_migrations().begin(), shipped_migrations().end());
  const std::string changed = std::string(edited[1].common_sql) + "\n-- tweak";
  edited[1].common_sql = changed;
  edited.push_back({kLatest + 1, "scratch_notes",
                    "CREATE TABLE scratch_notes (user_id TEXT NOT NULL);", "", ""});
  try {
    apply_migrations(this->sql(), edited, kMigratedAt);
    FAIL() << "edited migration accepted";
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("migration 2 (time_series) differs from the one applied"));
    EXPECT_THAT(e.what(), HasSubstr("a shipped migration was edited"));
  }
  // Refused before anything ran: the new migration was not applied.
  EXPECT_EQ(applied_version(this->sql()), kLatest);
  EXPECT_FALSE(table_exists(this->sql(), "scratch_notes"));
}

TYPED_TEST(StoreSchemaTest, RefusesADatabaseMigratedByANewerBinary) {
  this->store_->migrate(kMigratedAt);
  const auto older = shipped_migrations().first(2);
  try {
    apply_migrations(this->sql(), older, kMigratedAt);
    FAIL() << "newer database accepted";
  } catch (const MigrationError& e) {
    EXPECT_THAT(e.what(), HasSubstr("migration 3 (audit_log_append_only) applied, which this "
                                    "dorado does not ship"));
  }
}

TYPED_TEST(StoreSchemaTest, EveryTableHasANotNullUserId) {
  this->store_->migrate(kMigratedAt);
  for (const auto table : store_tables())
    EXPECT_TRUE(has_not_null_user_id(this->sql(), std::string(table))) << table;
}

TYPED_TEST(StoreSchemaTest, BookedMoneyRoundTripsExactly) {
  this->store_->migrate(kMigratedAt);
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  const std::vector<std::int64_t> amounts{
      kMax, kMin, 1, -1, 0, 123'456'789'012'345'678, -987'654'321'098};
  for (const auto micros : amounts)
    this->sql().query(
        "INSERT INTO trades (user_id, symbol, asset_class, strategy, side, quantity, "
        "entry_price_micros, fees_micros, realized_pnl_micros, currency, opened_at, paper, "
        "status, reward) VALUES (?, 'SPY', 'equity_options', 'iron_condor', 'sell', ?, ?, ?, ?, "
        "'USD', ?, ?, 'closed', ?)",
        {std::string("alice"), 0.1 + 0.2, micros, micros, micros, sql_timestamp(kMigratedAt),
         SqlBool{true}, 1.0 / 3.0});
  const auto rows = this->sql().query(
      "SELECT entry_price_micros, fees_micros, realized_pnl_micros, currency, quantity, paper, "
      "reward, opened_at FROM trades WHERE user_id = ? ORDER BY id",
      {std::string("alice")});
  ASSERT_EQ(rows.size(), amounts.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].integer(0), amounts[i]);
    EXPECT_EQ(rows[i].integer(1), amounts[i]);
    EXPECT_EQ(rows[i].integer(2), amounts[i]);
    EXPECT_EQ(rows[i].text(3), "USD");
    EXPECT_EQ(rows[i].real(4), 0.1 + 0.2);  // analytics: double, bit for bit
    EXPECT_TRUE(rows[i].boolean(5));
    EXPECT_EQ(rows[i].real(6), 1.0 / 3.0);
    EXPECT_EQ(parse_sql_timestamp(rows[i].text(7)), kMigratedAt);
  }
  EXPECT_EQ(this->store_->schema_status().tables.at(0).rows, 7);  // trades, this user
}

TYPED_TEST(StoreSchemaTest, SignalsKeepTheirResearchContextAsJson) {
  this->store_->migrate(kMigratedAt);
  this->sql().query(
      "INSERT INTO signals (user_id, source, signal_id, symbol, action, received_at, status, "
      "payload, research_context) VALUES (?, 'webhook', 'tv-1', 'SPY', 'open', ?, 'received', "
      "?, ?)",
      {std::string("alice"), sql_timestamp(kMigratedAt), std::string(R"({"a":1})"),
       std::string(R"({"iv_rank":0.42,"notes":["earnings"]})")});
  const auto row = this->sql().query("SELECT research_context FROM signals").at(0);
  EXPECT_EQ(canonical_json(row.text(0)), R"({"iv_rank":0.42,"notes":["earnings"]})");
  // A webhook delivered twice is stored once.
  EXPECT_THROW(this->sql().query("INSERT INTO signals (user_id, source, signal_id, symbol, "
                                 "action, received_at, status) VALUES (?, 'webhook', 'tv-1', "
                                 "'SPY', 'open', ?, 'received')",
                                 {std::string("alice"), sql_timestamp(kMigratedAt)}),
               StoreError);
}

}  // namespace
}  // namespace dorado::store::testing
