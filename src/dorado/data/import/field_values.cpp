#include "dorado/data/import/field_values.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace dorado::data {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};

std::string quoted(std::string_view field, std::string_view text, std::string_view what) {
  return std::string(field) + " is \"" + std::string(text) + "\", not " + std::string(what);
}

bool whole_number(std::string_view text, int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

FieldValue<double> parse_decimal(std::string_view field, std::string_view text) {
  const auto t = trim(text);
  double value = 0;
  const auto* begin = t.data();
  if (!t.empty() && t.front() == '+') ++begin;
  const auto [end, ec] = std::from_chars(begin, t.data() + t.size(), value);
  if (t.empty() || ec != std::errc{} || end != t.data() + t.size() || !std::isfinite(value))
    return quoted(field, text, "a number");
  return value;
}

FieldValue<std::int64_t> parse_count(std::string_view field, std::string_view text) {
  std::string digits;
  for (const char c : trim(text))
    if (c != ',') digits += c;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || value < 0)
    return quoted(field, text, "a whole non-negative number");
  return value;
}

FieldValue<Date> parse_iso_date(std::string_view field, std::string_view text) {
  const auto t = trim(text);
  int y = 0, m = 0, d = 0;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !whole_number(t.substr(0, 4), y) ||
      !whole_number(t.substr(5, 2), m) || !whole_number(t.substr(8, 2), d))
    return quoted(field, text, "a date (YYYY-MM-DD)");
  const Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return quoted(field, text, "a calendar date");
  return date;
}

FieldValue<Date> parse_cboe_date(std::string_view field, std::string_view text) {
  const auto t = trim(text);
  // "Mon Jul 11 2022"
  int d = 0, y = 0;
  if (t.size() != 15 || t[3] != ' ' || t[7] != ' ' || t[10] != ' ' ||
      !whole_number(t.substr(8, 2), d) || !whole_number(t.substr(11, 4), y))
    return quoted(field, text, "a date (Mon Jul 11 2022)");
  unsigned m = 0;
  for (unsigned i = 0; i < kMonths.size(); ++i)
    if (t.substr(4, 3) == kMonths[i]) m = i + 1;
  const Date date{year{y}, month{m}, day{static_cast<unsigned>(d)}};
  if (m == 0 || !date.ok()) return quoted(field, text, "a calendar date");
  if (kWeekdays[weekday{sys_days{date}}.c_encoding()] != t.substr(0, 3))
    return quoted(field, text, "a date whose weekday matches");
  return date;
}

}  // namespace dorado::data
