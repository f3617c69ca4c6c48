#include "dorado/data/import/csv_kind.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "dorado/data/import/csv_records.hpp"
#include "dorado/data/import/field_values.hpp"

namespace dorado::data {

namespace {

bool names_column(const std::vector<std::string>& header, std::string_view name) {
  return std::any_of(header.begin(), header.end(), [&](const std::string& h) {
    const auto t = trim(h);
    return t.size() == name.size() &&
           std::equal(t.begin(), t.end(), name.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  });
}

}  // namespace

std::optional<CsvKind> detect_csv_kind(std::string_view text) {
  const auto records = read_csv_records(text.substr(0, 4096));
  if (records.empty()) return std::nullopt;
  const auto& first = records.front().fields;
  const bool has_last = std::any_of(first.begin(), first.end(), [](const std::string& f) {
    return trim(f).starts_with("Last:");
  });
  if (has_last && records.size() >= 3 && names_column(records[2].fields, "strike"))
    return CsvKind::Chain;
  if (names_column(first, "open") && names_column(first, "high") && names_column(first, "low") &&
      names_column(first, "close"))
    return CsvKind::Ohlcv;
  if (first.size() == 2) return CsvKind::Macro;
  return std::nullopt;
}

}  // namespace dorado::data
