// The pieces under the store: placeholder translation, time text, store URLs,
// and the SQLite connection's settings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "dorado/store/sql_connection.hpp"
#include "dorado/store/sql_time.hpp"
#include "dorado/store/sqlite_connection.hpp"
#include "dorado/store/store_error.hpp"
#include "dorado/store/store_url.hpp"
#include "store_backends.hpp"

namespace dorado::store {
namespace {

using namespace std::chrono;
using ::testing::HasSubstr;

TEST(Placeholders, NumberedInOrderOutsideQuotesAndComments) {
  EXPECT_EQ(to_numbered_placeholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(to_numbered_placeholders("SELECT '?', \"odd?name\" FROM t -- why?\nWHERE x = ?"),
            "SELECT '?', \"odd?name\" FROM t -- why?\nWHERE x = $1");
  EXPECT_EQ(to_numbered_placeholders("SELECT 'it''s ?' , ?"), "SELECT 'it''s ?' , $1");
}

TEST(SqlTime, WritesFixedWidthUtc) {
  const Timestamp t = sys_days{2024y / March / 15} + 14h + 30min + 5s + 42us;
  EXPECT_EQ(sql_timestamp(t), "2024-03-15T14:30:05.000042Z");
  EXPECT_EQ(sql_date(2024y / March / 5), "2024-03-05");
}

TEST(SqlTime, ReadsBothBackendsSpellings) {
  const Timestamp t = sys_days{2024y / March / 15} + 14h + 30min + 5s + 123400us;
  EXPECT_EQ(parse_sql_timestamp("2024-03-15T14:30:05.123400Z"), t);  // SQLite
  EXPECT_EQ(parse_sql_timestamp("2024-03-15 14:30:05.1234+00"), t);  // PostgreSQL
  EXPECT_EQ(parse_sql_timestamp("2024-03-15 14:30:05+00"), t - 123400us);
  EXPECT_EQ(parse_sql_timestamp("2024-03-15 14:30:05.1234+00:00"), t);
  EXPECT_EQ(parse_sql_date("2024-02-29"), 2024y / February / 29);
}

TEST(SqlTime, RefusesOtherZonesAndGarbage) {
  EXPECT_THROW(parse_sql_timestamp("2024-03-15 14:30:05+02"), StoreError);
  EXPECT_THROW(parse_sql_timestamp("2024-03-15 25:30:05Z"), StoreError);
  EXPECT_THROW(parse_sql_timestamp("2024-03-15"), StoreError);
  EXPECT_THROW(parse_sql_timestamp("2024-03-15T14:30:05.1234567Z"), StoreError);
  EXPECT_THROW(parse_sql_date("2023-02-29"), StoreError);
  EXPECT_THROW(parse_sql_date("2024-3-5"), StoreError);
}

TEST(StoreUrl, SqliteAbsoluteAndRelativeToTheDataDirectory) {
  const auto absolute = parse_store_url("sqlite:///var/lib/dorado/x.db", "/data");
  EXPECT_EQ(absolute.backend, StoreLocation::Backend::sqlite);
  EXPECT_EQ(absolute.sqlite_file, "/var/lib/dorado/x.db");
  EXPECT_EQ(parse_store_url("sqlite://db/dorado.db", "/data").sqlite_file, "/data/db/dorado.db");
  EXPECT_EQ(parse_store_url(kDefaultStoreUrl, "/data/").sqlite_file, "/data/dorado.db");
}

TEST(StoreUrl, Postgres) {
  for (const auto* url : {"postgres://u@h:5432/d", "postgresql://u:secret@h/d?sslmode=require"}) {
    const auto location = parse_store_url(url, "/data");
    EXPECT_EQ(location.backend, StoreLocation::Backend::postgres);
    EXPECT_EQ(location.postgres_url, url);
  }
}

TEST(StoreUrl, RefusesOtherSchemesWithoutLeakingThePassword) {
  try {
    parse_store_url("mysql://root:hunter2@h/d", "/data");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "store URL 'mysql://root:***@h/d' is not sqlite://, postgres:// or postgresql://");
  }
  EXPECT_THROW(parse_store_url("sqlite://", "/data"), std::invalid_argument);
  EXPECT_EQ(redacted_store_url("postgres://u:pw@h/d"), "postgres://u:***@h/d");
  EXPECT_EQ(redacted_store_url("postgres://u@h/d"), "postgres://u@h/d");
}

class SqliteFile : public ::testing::Test {
 protected:
  void SetUp() override { backend_.set_up(); }
  void TearDown() override { backend_.tear_down(); }
  testing::SqliteBackend backend_;
};

TEST_F(SqliteFile, CreatesTheFileAndItsFolderInWalModeWithForeignKeys) {
  const auto file = backend_.data_dir / "nested" / "deeper" / "dorado.db";
  SqliteConnection c(file);
  EXPECT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(c.query("PRAGMA journal_mode").at(0).text(0), "wal");
  EXPECT_EQ(c.query("PRAGMA foreign_keys").at(0).integer(0), 1);
  EXPECT_GT(c.query("PRAGMA busy_timeout").at(0).integer(0), 0);
}

TEST_F(SqliteFile, ForeignKeysAreEnforced) {
  auto store = open_sql_store("sqlite://dorado.db", "alice", backend_.data_dir);
  store->migrate(sys_days{2024y / 1 / 1});
  try {
    store->connection().query(
        "INSERT INTO annotations (user_id, trade_id, tag, created_at) VALUES (?, ?, ?, ?)",
        {std::string("alice"), std::int64_t{42}, std::string("note"),
         std::string("2024-01-01T00:00:00.000000Z")});
    FAIL() << "dangling trade_id accepted";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("FOREIGN KEY constraint failed"));
  }
}

TEST_F(SqliteFile, StatementWithTheWrongNumberOfParametersIsRefused) {
  SqliteConnection c(backend_.data_dir / "x.db");
  EXPECT_THROW(c.query("SELECT ?", {}), StoreError);
}

}  // namespace
}  // namespace dorado::store
