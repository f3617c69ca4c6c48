#pragma once
// Checks every row of a batch before the store touches the database, so bad
// input changes nothing, and names the first bad row the way the store's
// callers report it: "row 2 (SPY 2024-03-05): high 90 is below ...".
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/time.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::store {

// Shortest text that reads back as `v` to ten significant digits.
inline std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

inline std::optional<std::string> invalid_positive(std::string_view field, double v) {
  if (std::isfinite(v) && v > 0) return std::nullopt;
  return std::string(field) + " is " + number_text(v) + ", not a positive price";
}

inline std::optional<std::string> invalid_non_negative(std::string_view field, double v) {
  if (std::isfinite(v) && v >= 0) return std::nullopt;
  return std::string(field) + " is " + number_text(v) + ", not a non-negative number";
}

inline std::optional<std::string> invalid_finite(std::string_view field, double v) {
  if (std::isfinite(v)) return std::nullopt;
  return std::string(field) + " is " + number_text(v) + ", not a finite number";
}

template <typename Row, typename Check, typename Label>
std::optional<ports::RejectedRow> first_invalid(std::span<const Row> rows, Check check,
                                                Label label) {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (auto why = check(rows[i]))
      return ports::RejectedRow{i,
                                "row " + std::to_string(i) + " (" + label(rows[i]) + "): " + *why};
  return std::nullopt;
}

inline std::vector<std::chrono::year_month> distinct_months(std::vector<Date> dates) {
  std::vector<std::chrono::year_month> months;
  months.reserve(dates.size());
  for (const auto& d : dates) months.emplace_back(d.year(), d.month());
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

template <typename Row, typename DateOf>
std::vector<std::chrono::year_month> months_of(std::span<const Row> rows, DateOf date_of) {
  std::vector<Date> dates;
  dates.reserve(rows.size());
  for (const auto& r : rows) dates.push_back(date_of(r));
  return distinct_months(std::move(dates));
}

inline Date utc_date(Timestamp t) {
  return Date{std::chrono::floor<std::chrono::days>(t)};
}

}  // namespace dorado::store
