#pragma once
// SQLite driver: one connection to a database file in WAL mode, with a busy
// timeout (so concurrent writers wait instead of failing) and foreign keys on.
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "dorado/store/sql_connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace dorado::store {

class SqliteConnection final : public SqlConnection {
 public:
  // Creates the file and its parent folder when missing.
  explicit SqliteConnection(const std::filesystem::path& file);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  SqlDialect dialect() const override { return SqlDialect::sqlite; }
  SqlRows execute(std::string_view sql, std::span<const SqlValue> params) override;
  void execute_ddl(std::string_view script) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  int transaction_depth() const override { return depth_; }

  const std::filesystem::path& file() const { return file_; }

 private:
  sqlite3_stmt* prepared(std::string_view sql);
  void bind(sqlite3_stmt* stmt, std::span<const SqlValue> params, std::string_view sql);
  [[noreturn]] void fail(std::string_view what, std::string_view sql) const;

  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  int depth_ = 0;
};

}  // namespace dorado::store
