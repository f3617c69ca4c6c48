#pragma once
// PostgreSQL driver (libpqxx). Sessions run in UTC so TIMESTAMPTZ values come
// back in the same zone they were written in.
#include <memory>
#include <string>
#include <unordered_map>

#include "dorado/store/sql_connection.hpp"

namespace dorado::store {

class PostgresConnection final : public SqlConnection {
 public:
  // url: a libpq URI, "postgres://user@host:port/db?options=...".
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  SqlDialect dialect() const override { return SqlDialect::postgres; }
  SqlRows execute(std::string_view sql, std::span<const SqlValue> params) override;
  void execute_ddl(std::string_view script) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  int transaction_depth() const override;

 private:
  const std::string& statement_name(std::string_view sql);

  struct Session;  // libpqxx objects, kept out of this header
  std::unique_ptr<Session> session_;
  int depth_ = 0;  // 1 = in the transaction, 2+ = inside savepoints
  std::unordered_map<std::string, std::string> statement_names_;  // '?' text -> prepared name
};

}  // namespace dorado::store
