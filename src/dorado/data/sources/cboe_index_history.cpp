#include "dorado/data/sources/cboe_index_history.hpp"

#include <algorithm>
#include <cctype>

#include "dorado/data/sources/payload_error.hpp"
#include "dorado/data/sources/text_fields.hpp"

namespace dorado::data {
namespace {

std::vector<std::string_view> cells(std::string_view line) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto comma = line.find(',');
    out.push_back(text_fields::trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) return out;
    line.remove_prefix(comma + 1);
  }
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

std::vector<IndexClose> parse_cboe_index_history(std::string_view csv) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);  // a UTF-8 byte-order mark
  std::vector<IndexClose> rows;
  std::size_t date_column = 0, close_column = 0, columns = 0;
  bool have_header = false;
  std::size_t line_number = 0;
  while (!csv.empty()) {
    const auto newline = csv.find('\n');
    const std::string_view line = text_fields::trim(csv.substr(0, newline));
    csv.remove_prefix(newline == std::string_view::npos ? csv.size() : newline + 1);
    ++line_number;
    if (line.empty()) continue;
    const std::string where = "line " + std::to_string(line_number);
    const auto fields = cells(line);

    if (!have_header) {
      std::vector<std::string> names;
      for (const auto field : fields) names.push_back(upper(field));
      const auto find = [&](std::string_view name) {
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) -
                                        names.begin());
      };
      date_column = find("DATE");
      close_column = find("CLOSE");
      if (close_column == names.size() && names.size() == 2) close_column = 1 - date_column;
      if (date_column == names.size() || close_column >= names.size())
        throw PayloadError(where, "header \"" + std::string(line) +
                                      "\" has no DATE and CLOSE (or single value) column");
      columns = names.size();
      have_header = true;
      continue;
    }

    if (fields.size() != columns)
      throw PayloadError(where, "has " + std::to_string(fields.size()) + " fields, the header " +
                                    std::to_string(columns));
    const auto date = text_fields::parse_us_date(fields[date_column]);
    if (!date)
      throw PayloadError(where,
                         "DATE \"" + std::string(fields[date_column]) + "\" is not MM/DD/YYYY");
    const auto close = text_fields::parse_decimal(fields[close_column]);
    if (!close)
      throw PayloadError(where,
                         "close \"" + std::string(fields[close_column]) + "\" is not a number");
    if (!rows.empty() && rows.back().date >= *date)
      throw PayloadError(where, "date " + to_iso_date(*date) + " does not follow " +
                                    to_iso_date(rows.back().date));
    rows.push_back({*date, *close});
  }
  if (!have_header) throw PayloadError("line 1", "empty file, no header");
  return rows;
}

}  // namespace dorado::data
