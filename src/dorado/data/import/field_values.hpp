#pragma once
// Reading one field of a downloaded file: numbers, counts and dates, each
// either a value or a sentence saying what is wrong with the text.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "dorado/domain/time.hpp"

namespace dorado::data {

// A value, or why the text is not one ("open is \"null\", not a number").
template <typename T>
using FieldValue = std::variant<T, std::string>;

template <typename T>
bool has_value(const FieldValue<T>& v) {
  return std::holds_alternative<T>(v);
}

std::string_view trim(std::string_view text);

// A finite decimal number ("388.67", "-0.32", "1e6"); surrounding blanks allowed.
FieldValue<double> parse_decimal(std::string_view field, std::string_view text);
// A whole non-negative count ("1126", "72,373,012").
FieldValue<std::int64_t> parse_count(std::string_view field, std::string_view text);
// An ISO date "2022-07-08" that exists on the calendar.
FieldValue<Date> parse_iso_date(std::string_view field, std::string_view text);
// CBOE's "Mon Jul 11 2022" (the weekday must match the date).
FieldValue<Date> parse_cboe_date(std::string_view field, std::string_view text);

}  // namespace dorado::data
