#include "dorado/store/sql_value.hpp"

#include <charconv>
#include <stdexcept>

#include "dorado/store/store_error.hpp"

namespace dorado::store {

namespace {

template <typename T>
T parse_number(const std::string& s) {
  T out{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc{} || end != s.data() + s.size())
    throw StoreError("column holds '" + s + "', not a number");
  return out;
}

}  // namespace

const SqlValue& SqlRow::at(std::size_t i) const {
  if (i >= values_.size())
    throw StoreError("column " + std::to_string(i) + " out of range (row has " +
                     std::to_string(values_.size()) + ")");
  return values_[i];
}

bool SqlRow::is_null(std::size_t i) const {
  return std::holds_alternative<std::monostate>(at(i));
}

std::int64_t SqlRow::integer(std::size_t i) const {
  const auto& v = at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* b = std::get_if<SqlBool>(&v)) return b->value ? 1 : 0;
  if (const auto* s = std::get_if<std::string>(&v)) return parse_number<std::int64_t>(*s);
  throw StoreError("column " + std::to_string(i) + " is not an integer");
}

double SqlRow::real(std::size_t i) const {
  const auto& v = at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return parse_number<double>(*s);
  throw StoreError("column " + std::to_string(i) + " is not a number");
}

std::string SqlRow::text(std::size_t i) const {
  const auto& v = at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  throw StoreError("column " + std::to_string(i) + " is not text");
}

std::optional<std::string> SqlRow::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

}  // namespace dorado::store
