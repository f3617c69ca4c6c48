#include "dorado/data/sources/text_fields.hpp"

#include <charconv>
#include <cmath>

namespace dorado::data::text_fields {
namespace {

std::optional<unsigned> digits(std::string_view text, std::size_t count) {
  if (text.size() != count) return std::nullopt;
  unsigned value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

std::optional<Date> make_date(std::optional<unsigned> y, std::optional<unsigned> m,
                              std::optional<unsigned> d) {
  if (!y || !m || !d) return std::nullopt;
  const Date date{std::chrono::year{static_cast<int>(*y)}, std::chrono::month{*m},
                  std::chrono::day{*d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return make_date(digits(text.substr(0, 4), 4), digits(text.substr(5, 2), 2),
                   digits(text.substr(8, 2), 2));
}

std::optional<Date> parse_us_date(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  return make_date(digits(text.substr(6, 4), 4), digits(text.substr(0, 2), 2),
                   digits(text.substr(3, 2), 2));
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace dorado::data::text_fields
