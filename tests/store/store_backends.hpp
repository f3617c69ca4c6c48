#pragma once
// The two backends the store suite runs against. Each test gets a database
// of its own: a fresh SQLite file in a temporary folder, or a fresh schema in
// the test PostgreSQL (selected through the connection's search_path) that is
// dropped afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "dorado/store/open_store.hpp"
#include "dorado/store/postgres_connection.hpp"
#include "support/test_services.hpp"

namespace dorado::store::testing {

inline std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(random() % 1'000'000);
}

// Statements an attacker with database access would run; the dialects differ.
inline void drop_append_only_guard(SqlConnection& c) {
  if (c.dialect() == SqlDialect::sqlite)
    c.execute_ddl("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  else
    c.execute_ddl(
        "DROP TRIGGER audit_log_no_update ON audit_log;"
        "DROP TRIGGER audit_log_no_delete ON audit_log;");
}

inline bool has_not_null_user_id(SqlConnection& c, const std::string& table) {
  const auto rows = c.dialect() == SqlDialect::sqlite
                        ? c.query(
                              "SELECT count(*) FROM pragma_table_info(?) "
                              "WHERE name = 'user_id' AND \"notnull\" = 1",
                              {table})
                        : c.query(
                              "SELECT count(*) FROM information_schema.columns "
                              "WHERE table_schema = current_schema() AND table_name = ? "
                              "AND column_name = 'user_id' AND is_nullable = 'NO'",
                              {table});
  return rows.at(0).integer(0) == 1;
}

// The partitions PostgreSQL holds for a table, by name; SQLite has none.
inline std::vector<std::string> partitions_of(SqlConnection& c, const std::string& table) {
  std::vector<std::string> names;
  if (c.dialect() == SqlDialect::sqlite) return names;
  for (const auto& row :
       c.query("SELECT child.relname FROM pg_inherits i "
               "JOIN pg_class parent ON parent.oid = i.inhparent "
               "JOIN pg_class child ON child.oid = i.inhrelid "
               "JOIN pg_namespace n ON n.oid = parent.relnamespace "
               "WHERE n.nspname = current_schema() AND parent.relname = ? ORDER BY child.relname",
               {table}))
    names.push_back(row.text(0));
  return names;
}

struct SqliteBackend {
  static constexpr SqlDialect dialect = SqlDialect::sqlite;
  std::filesystem::path data_dir;

  void set_up() {
    data_dir = std::filesystem::temp_directory_path() / ("dorado-store-" + unique_suffix());
    std::filesystem::create_directories(data_dir);
  }
  void tear_down() {
    std::error_code ignored;
    std::filesystem::remove_all(data_dir, ignored);
  }
  std::string url() const { return "sqlite://store/dorado.db"; }
};

struct PostgresBackend {
  static constexpr SqlDialect dialect = SqlDialect::postgres;
  std::filesystem::path data_dir = std::filesystem::temp_directory_path();
  std::string server_url;
  std::string schema;

  void set_up() {
    DORADO_SERVICE_URL_OR_SKIP(url_from_env, "DORADO_TEST_POSTGRES_URL");
    server_url = url_from_env;
    schema = "dorado_test_" + unique_suffix();
    PostgresConnection(server_url).execute_ddl("CREATE SCHEMA " + schema);
  }
  void tear_down() {
    if (schema.empty()) return;
    PostgresConnection(server_url).execute_ddl("DROP SCHEMA " + schema + " CASCADE");
  }
  // libpq passes `options` to the server: this session sees only our schema.
  std::string url() const {
    return server_url + (server_url.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema;
  }
};

template <typename Backend>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    backend_.set_up();
    if (IsSkipped() || HasFatalFailure()) return;
    store_ = open("alice");
  }
  void TearDown() override {
    store_.reset();
    backend_.tear_down();
  }

  std::unique_ptr<SqlStore> open(const std::string& user) {
    return open_sql_store(backend_.url(), user, backend_.data_dir);
  }
  SqlConnection& sql() { return store_->connection(); }

  Backend backend_;
  std::unique_ptr<SqlStore> store_;
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;

struct BackendNames {
  template <typename T>
  static std::string GetName(int) {
    return T::dialect == SqlDialect::sqlite ? "Sqlite" : "Postgres";
  }
};

}  // namespace dorado::store::testing
