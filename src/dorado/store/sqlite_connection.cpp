#include "dorado/store/sqlite_connection.hpp"

#include <sqlite3.h>

#include "dorado/store/store_error.hpp"

namespace dorado::store {

namespace {

constexpr int kBusyTimeoutMs = 10'000;

std::string savepoint_name(int depth) {
  return "dorado_sp_" + std::to_string(depth);
}

}  // namespace

SqliteConnection::SqliteConnection(const std::filesystem::path& file) : file_(file) {
  if (file_.has_parent_path()) std::filesystem::create_directories(file_.parent_path());
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(file_.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw StoreError("cannot open SQLite database " + file_.string() + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  execute_ddl(
      "PRAGMA journal_mode = WAL;"
      "PRAGMA synchronous = NORMAL;"
      "PRAGMA foreign_keys = ON;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void SqliteConnection::fail(std::string_view what, std::string_view sql) const {
  throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db_) + " [" + std::string(sql) + "]");
}

sqlite3_stmt* SqliteConnection::prepared(std::string_view sql) {
  std::string key(sql);
  if (auto it = statements_.find(key); it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK)
    fail("cannot prepare statement", sql);
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

void SqliteConnection::bind(sqlite3_stmt* stmt, std::span<const SqlValue> params,
                            std::string_view sql) {
  if (sqlite3_bind_parameter_count(stmt) != static_cast<int>(params.size()))
    throw StoreError("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                     " parameters, got " + std::to_string(params.size()) + " [" + std::string(sql) +
                     "]");
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    const int rc = std::visit(
        [&](const auto& v) -> int {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>) return sqlite3_bind_null(stmt, index);
          if constexpr (std::is_same_v<T, std::int64_t>) return sqlite3_bind_int64(stmt, index, v);
          if constexpr (std::is_same_v<T, double>) return sqlite3_bind_double(stmt, index, v);
          if constexpr (std::is_same_v<T, SqlBool>) return sqlite3_bind_int(stmt, index, v.value);
          if constexpr (std::is_same_v<T, std::string>)
            return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
        },
        params[i]);
    if (rc != SQLITE_OK) fail("cannot bind parameter " + std::to_string(index), sql);
  }
}

SqlRows SqliteConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
  sqlite3_stmt* stmt = prepared(sql);
  // Reset on every exit so the statement never holds a read lock between calls.
  struct Reset {
    sqlite3_stmt* s;
    ~Reset() {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
  } reset{stmt};
  bind(stmt, params, sql);
  SqlRows rows;
  const int columns = sqlite3_column_count(stmt);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail("statement failed", sql);
    std::vector<SqlValue> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_NULL:
          values.emplace_back(std::monostate{});
          break;
        case SQLITE_INTEGER:
          values.emplace_back(std::int64_t{sqlite3_column_int64(stmt, c)});
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(stmt, c));
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          values.emplace_back(
              std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

void SqliteConnection::execute_ddl(std::string_view script) {
  const std::string sql(script);
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError("SQLite schema statement failed: " + message);
  }
}

void SqliteConnection::begin() {
  // IMMEDIATE takes the write lock up front: two writers never deadlock on a
  // read-to-write upgrade, the second simply waits (busy timeout).
  execute_ddl(depth_ == 0 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT " + savepoint_name(depth_));
  ++depth_;
}

void SqliteConnection::commit() {
  if (depth_ == 0) throw StoreError("commit without a transaction");
  --depth_;
  if (depth_ > 0) return execute_ddl("RELEASE " + savepoint_name(depth_));
  try {
    execute_ddl("COMMIT");
  } catch (...) {
    // A failed COMMIT leaves the transaction open; close it so the
    // connection's state matches depth_ again.
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SqliteConnection::rollback() {
  if (depth_ == 0) throw StoreError("rollback without a transaction");
  --depth_;
  if (depth_ == 0) {
    execute_ddl("ROLLBACK");
  } else {
    const auto name = savepoint_name(depth_);
    execute_ddl("ROLLBACK TO " + name + "; RELEASE " + name);
  }
}

}  // namespace dorado::store
