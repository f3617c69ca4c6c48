#pragma once
// The thin SQL layer under the store: prepared statements and transactions.
// Statements are written once with '?' placeholders; each driver prepares
// them (translating placeholders where its dialect needs it) and caches the
// prepared form by text, so every data statement is prepared exactly once per
// connection and values are only ever bound, never spliced into SQL.
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "dorado/store/sql_value.hpp"

namespace dorado::store {

enum class SqlDialect { sqlite, postgres };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual SqlDialect dialect() const = 0;

  // Runs one prepared statement with bound parameters; returns every row.
  virtual SqlRows execute(std::string_view sql, std::span<const SqlValue> params) = 0;

  // Runs schema statements (DDL, no parameters). Reserved for migrations and
  // partition maintenance, whose SQL this binary ships; never for values.
  virtual void execute_ddl(std::string_view script) = 0;

  // Transactions nest: the outermost is a real transaction, inner ones are
  // savepoints, so an inner failure can be undone without losing the outer.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual int transaction_depth() const = 0;

  SqlRows query(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
    return execute(sql, std::span<const SqlValue>(params.begin(), params.size()));
  }
};

// Scope guard: rolls back unless committed, so an exception leaves nothing
// half-written.
class SqlTransaction {
 public:
  explicit SqlTransaction(SqlConnection& connection) : connection_(connection) {
    connection_.begin();
  }
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  ~SqlTransaction() {
    if (!done_) {
      try {
        connection_.rollback();
      } catch (...) {  // a destructor must not throw; the original error propagates
      }
    }
  }

  void commit() {
    done_ = true;
    connection_.commit();
  }

 private:
  SqlConnection& connection_;
  bool done_ = false;
};

// "a = ? AND b = ?" -> "a = $1 AND b = $2", leaving quoted text and comments alone.
std::string to_numbered_placeholders(std::string_view sql);

}  // namespace dorado::store
