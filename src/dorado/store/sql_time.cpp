#include "dorado/store/sql_time.hpp"

#include <charconv>
#include <optional>

#include "dorado/store/store_error.hpp"

namespace dorado::store {

namespace {

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data() + pos, s.data() + pos + width, value);
  if (ec != std::errc{} || end != s.data() + pos + width) return std::nullopt;
  return value;
}

std::optional<Date> date_prefix(std::string_view s) {
  const auto y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (!y || !m || !d || s[4] != '-' || s[7] != '-') return std::nullopt;
  const Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                  std::chrono::day{static_cast<unsigned>(*d)}};
  return date.ok() ? std::optional(date) : std::nullopt;
}

}  // namespace

std::string sql_timestamp(Timestamp t) {
  return to_iso8601(t);
}
std::string sql_date(Date d) {
  return to_iso_date(d);
}

Timestamp parse_sql_timestamp(std::string_view text) {
  const auto bad = [&] { return StoreError("not a UTC timestamp: '" + std::string(text) + "'"); };
  std::string_view s = text;
  // Only UTC is ever stored; any other offset means a session not in UTC,
  // which would silently shift every time, so it is refused.
  for (std::string_view utc : {"Z", "+00:00", "+00"})
    if (s.size() > utc.size() && s.ends_with(utc)) {
      s.remove_suffix(utc.size());
      break;
    }
  const auto date = date_prefix(s);
  if (!date || s.size() < 19 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
    throw bad();
  const auto h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
  if (!h || !mi || !sec || *h > 23 || *mi > 59 || *sec > 59) throw bad();
  std::int64_t micros = 0;
  if (s.size() > 19) {
    const std::size_t width = s.size() - 20;
    if (s[19] != '.' || width == 0 || width > 6) throw bad();
    const auto fraction = digits(s, 20, width);
    if (!fraction) throw bad();
    micros = *fraction;
    for (std::size_t i = width; i < 6; ++i) micros *= 10;
  }
  using namespace std::chrono;
  return Timestamp{sys_days{*date}} + hours{*h} + minutes{*mi} + seconds{*sec} +
         microseconds{micros};
}

Date parse_sql_date(std::string_view text) {
  const auto date = date_prefix(text);
  if (!date || text.size() != 10) throw StoreError("not a date: '" + std::string(text) + "'");
  return *date;
}

}  // namespace dorado::store
