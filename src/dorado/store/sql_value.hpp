#pragma once
// The values that cross the SQL boundary. Both drivers bind and return these,
// so the store's typed operations are written once for SQLite and PostgreSQL.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dorado::store {

// Booleans are bound as SqlBool so each driver can spell them its own way
// (BOOLEAN on PostgreSQL, 0/1 INTEGER on SQLite).
struct SqlBool {
  bool value;
};

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, SqlBool>;

inline SqlValue sql_null() {
  return std::monostate{};
}

template <typename T>
SqlValue sql_optional(const std::optional<T>& v) {
  return v ? SqlValue{*v} : sql_null();
}

// One result row, typed on the way out: both drivers normalise integers to
// int64, floating point to double, booleans to 0/1 and everything else to text.
class SqlRow {
 public:
  explicit SqlRow(std::vector<SqlValue> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t i) const;
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
  std::string text(std::size_t i) const;
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  std::optional<std::string> optional_text(std::size_t i) const;

 private:
  const SqlValue& at(std::size_t i) const;
  std::vector<SqlValue> values_;
};

using SqlRows = std::vector<SqlRow>;

}  // namespace dorado::store
