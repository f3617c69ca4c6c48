#include "dorado/data/import/macro_csv.hpp"

#include <map>

#include "dorado/data/import/csv_records.hpp"
#include "dorado/data/import/field_values.hpp"

namespace dorado::data {

MacroFile parse_macro_csv(std::string_view text, const std::string& series) {
  MacroFile file;
  const auto records = read_csv_records(text);
  if (records.empty()) {
    file.problems.push_back({0, "the file is empty"});
    return file;
  }
  const auto& header = records.front();
  if (header.problem || header.fields.size() != 2 ||
      has_value(parse_iso_date("", header.fields[0]))) {
    file.problems.push_back({header.line,
                             "the header must name a date column and one value column "
                             "(e.g. DATE,VIXCLS or observation_date,T10Y2Y)"});
    return file;
  }
  file.value_column = std::string(trim(header.fields[1]));
  std::map<Date, std::size_t> first_line_of;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    if (r.problem) {
      file.problems.push_back({r.line, *r.problem});
      continue;
    }
    if (r.fields.size() != 2) {
      file.problems.push_back(
          {r.line, "has " + std::to_string(r.fields.size()) + " fields, the header has 2"});
      continue;
    }
    const auto date = parse_iso_date("date", r.fields[0]);
    if (!has_value(date)) {
      file.problems.push_back({r.line, std::get<std::string>(date)});
      continue;
    }
    const Date day = std::get<Date>(date);
    if (const auto [it, fresh] = first_line_of.emplace(day, r.line); !fresh) {
      file.problems.push_back({r.line, "date " + to_iso_date(day) + " already appears on line " +
                                           std::to_string(it->second)});
      continue;
    }
    const auto text_value = trim(r.fields[1]);
    if (text_value == "." || text_value.empty()) {
      file.missing.push_back(day);
      continue;
    }
    const auto value = parse_decimal(file.value_column, text_value);
    if (!has_value(value)) {
      file.problems.push_back({r.line, std::get<std::string>(value)});
      continue;
    }
    file.observations.push_back({series, day, std::get<double>(value)});
  }
  if (file.observations.empty() && file.missing.empty() && file.problems.empty())
    file.problems.push_back({header.line, "the file has a header but no rows"});
  return file;
}

}  // namespace dorado::data
