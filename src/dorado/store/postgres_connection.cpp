#include "dorado/store/postgres_connection.hpp"

#include <charconv>
#include <pqxx/pqxx>

#include "dorado/store/store_error.hpp"

namespace dorado::store {

struct PostgresConnection::Session {
  pqxx::connection connection;
  // The open transaction, if any (at most one; savepoints nest inside it).
  std::vector<std::unique_ptr<pqxx::dbtransaction>> transactions;

  explicit Session(const std::string& url) : connection(url) {}
};

namespace {

// Type OIDs from pg_type.h; libpqxx 6 does not export them.
constexpr pqxx::oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701;

std::string shortest_decimal(double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc{}) throw StoreError("cannot format double");
  return std::string(buf, end);
}

// libpq takes text parameters; NaN and infinities never reach here because
// the typed operations refuse them first.
std::optional<std::string> to_parameter(const SqlValue& value) {
  return std::visit(
      [](const auto& v) -> std::optional<std::string> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return std::nullopt;
        if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
        if constexpr (std::is_same_v<T, double>) return shortest_decimal(v);
        if constexpr (std::is_same_v<T, SqlBool>) return std::string(v.value ? "true" : "false");
        if constexpr (std::is_same_v<T, std::string>) return v;
      },
      value);
}

SqlValue from_field(const pqxx::field& f) {
  if (f.is_null()) return std::monostate{};
  const std::string_view text(f.c_str(), f.size());
  switch (f.type()) {
    case kBool:
      return std::int64_t{text == "t" ? 1 : 0};
    case kInt2:
    case kInt4:
    case kInt8: {
      std::int64_t n = 0;
      std::from_chars(text.data(), text.data() + text.size(), n);
      return n;
    }
    case kFloat4:
    case kFloat8: {
      double d = 0;
      std::from_chars(text.data(), text.data() + text.size(), d);
      return d;
    }
    default:
      return std::string(text);
  }
}

template <typename F>
auto translating_errors(std::string_view sql, F&& f) {
  try {
    return f();
  } catch (const pqxx::failure& e) {
    throw StoreError(std::string("PostgreSQL: ") + e.what() + " [" + std::string(sql) + "]");
  }
}

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url) {
  try {
    session_ = std::make_unique<Session>(url);
    pqxx::nontransaction session(session_->connection);
    session.exec("SET TIME ZONE 'UTC'");
    session.exec("SET DateStyle = 'ISO, YMD'");
    // Our notices (IF NOT EXISTS skips) are expected; keep them off stderr.
    session.exec("SET client_min_messages = warning");
  } catch (const pqxx::failure& e) {
    // The URL may carry a password: name only the failure.
    throw StoreError(std::string("cannot connect to PostgreSQL: ") + e.what());
  }
}

PostgresConnection::~PostgresConnection() {
  if (!session_) return;
  auto& open = session_->transactions;
  while (!open.empty()) open.pop_back();  // aborts, innermost first
}

int PostgresConnection::transaction_depth() const {
  return depth_;
}

const std::string& PostgresConnection::statement_name(std::string_view sql) {
  std::string key(sql);
  if (auto it = statement_names_.find(key); it != statement_names_.end()) return it->second;
  std::string name = "dorado_" + std::to_string(statement_names_.size() + 1);
  session_->connection.prepare(name, to_numbered_placeholders(sql));
  return statement_names_.emplace(std::move(key), std::move(name)).first->second;
}

SqlRows PostgresConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
  return translating_errors(sql, [&] {
    const std::string& name = statement_name(sql);
    std::vector<std::optional<std::string>> texts;
    texts.reserve(params.size());
    for (const auto& p : params) texts.push_back(to_parameter(p));
    std::vector<const char*> pointers;
    pointers.reserve(texts.size());
    for (const auto& t : texts) pointers.push_back(t ? t->c_str() : nullptr);
    const auto dynamic = pqxx::prepare::make_dynamic_params(pointers);

    pqxx::result result;
    if (session_->transactions.empty()) {
      pqxx::nontransaction autocommit(session_->connection);
      result = autocommit.exec_prepared(name, dynamic);
    } else {
      result = session_->transactions.back()->exec_prepared(name, dynamic);
    }
    SqlRows rows;
    rows.reserve(result.size());
    for (const auto& r : result) {
      std::vector<SqlValue> values;
      values.reserve(r.size());
      for (const auto& f : r) values.push_back(from_field(f));
      rows.emplace_back(std::move(values));
    }
    return rows;
  });
}

void PostgresConnection::execute_ddl(std::string_view script) {
  translating_errors(script, [&] {
    const std::string sql(script);
    if (session_->transactions.empty()) {
      pqxx::nontransaction autocommit(session_->connection);
      autocommit.exec(sql);
    } else {
      session_->transactions.back()->exec(sql);
    }
    return 0;
  });
}

// Savepoints are plain statements on the one open transaction: libpqxx's
// subtransactions start lazily, so one that only parents another never sets
// its savepoint and cannot be rolled back.
void PostgresConnection::begin() {
  if (session_->transactions.empty()) {
    translating_errors("BEGIN", [&] {
      session_->transactions.push_back(std::make_unique<pqxx::work>(session_->connection));
      return 0;
    });
    ++depth_;
    return;
  }
  execute_ddl("SAVEPOINT dorado_sp_" + std::to_string(depth_));
  ++depth_;
}

void PostgresConnection::commit() {
  if (depth_ == 0) throw StoreError("commit without a transaction");
  --depth_;
  if (depth_ > 0) return execute_ddl("RELEASE SAVEPOINT dorado_sp_" + std::to_string(depth_));
  auto work = std::move(session_->transactions.back());
  session_->transactions.pop_back();
  translating_errors("COMMIT", [&] {
    work->commit();
    return 0;
  });
}

void PostgresConnection::rollback() {
  if (depth_ == 0) throw StoreError("rollback without a transaction");
  --depth_;
  if (depth_ > 0) {
    const auto name = "dorado_sp_" + std::to_string(depth_);
    return execute_ddl("ROLLBACK TO SAVEPOINT " + name + "; RELEASE SAVEPOINT " + name);
  }
  auto work = std::move(session_->transactions.back());
  session_->transactions.pop_back();
  translating_errors("ROLLBACK", [&] {
    work->abort();
    return 0;
  });
}

}  // namespace dorado::store
