#pragma once
// The comma-separated files traders download (Yahoo, FRED, CBOE), read as
// records that remember their line numbers so every problem can be reported
// as file:line. Quoted fields ("Volume: 72,373,012") may hold commas and
// doubled quotes; no field in these formats spans lines, so one physical line
// is one record. A UTF-8 byte-order mark, CR line ends and blank lines are
// tolerated.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dorado::data {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line in the file
  std::vector<std::string> fields;
  std::optional<std::string> problem;  // e.g. an unterminated quote; fields then empty
};

std::vector<CsvRecord> read_csv_records(std::string_view text);

// One line's fields, or nullopt when a quote is left open.
std::optional<std::vector<std::string>> split_csv_line(std::string_view line);

}  // namespace dorado::data
