#include "dorado/data/import/ohlcv_csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

#include "dorado/data/import/csv_records.hpp"
#include "dorado/data/import/field_values.hpp"
#include "dorado/data/pipeline/bar_rounding.hpp"
#include "dorado/domain/bar.hpp"

namespace dorado::data {

namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Columns {
  std::size_t date = 0, open = 0, high = 0, low = 0, close = 0;
  std::optional<std::size_t> adj_close, volume;
  std::size_t width = 0;
};

std::variant<Columns, std::string> find_columns(const std::vector<std::string>& header) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < header.size(); ++i) at.emplace(lowercase(trim(header[i])), i);
  Columns c;
  c.width = header.size();
  std::string missing;
  auto need = [&](const char* name, std::size_t& slot) {
    if (const auto it = at.find(name); it != at.end())
      slot = it->second;
    else
      missing += std::string(missing.empty() ? "" : ", ") + name;
  };
  need("date", c.date);
  need("open", c.open);
  need("high", c.high);
  need("low", c.low);
  need("close", c.close);
  if (!missing.empty())
    return "the header lacks " + missing +
           " (expected Date,Open,High,Low,Close[,Adj Close],Volume)";
  if (const auto it = at.find("adj close"); it != at.end()) c.adj_close = it->second;
  if (const auto it = at.find("volume"); it != at.end()) c.volume = it->second;
  return c;
}

// One line's bar, or the first thing wrong with it.
std::variant<ports::OhlcvBar, std::string> read_bar(const std::vector<std::string>& fields,
                                                    const Columns& c, const std::string& symbol,
                                                    const std::string& source,
                                                    std::size_t& repairs) {
  if (fields.size() != c.width)
    return "has " + std::to_string(fields.size()) + " fields, the header has " +
           std::to_string(c.width);
  const auto date = parse_iso_date("date", fields[c.date]);
  if (!has_value(date)) return std::get<std::string>(date);
  ports::OhlcvBar bar;
  bar.symbol = symbol;
  bar.source = source;
  bar.bar_date = std::get<Date>(date);
  std::array<std::pair<const char*, double*>, 4> prices{
      {{"open", &bar.open}, {"high", &bar.high}, {"low", &bar.low}, {"close", &bar.close}}};
  const std::array<std::size_t, 4> at{c.open, c.high, c.low, c.close};
  for (std::size_t i = 0; i < prices.size(); ++i) {
    const auto v = parse_decimal(prices[i].first, fields[at[i]]);
    if (!has_value(v)) return std::get<std::string>(v);
    *prices[i].second = std::get<double>(v);
  }
  if (c.adj_close) {
    const auto v = parse_decimal("adj close", fields[*c.adj_close]);
    if (!has_value(v)) return std::get<std::string>(v);
    bar.adj_close = std::get<double>(v);
  }
  if (c.volume) {
    const auto v = parse_decimal("volume", fields[*c.volume]);
    if (!has_value(v)) return std::get<std::string>(v);
    bar.volume = std::get<double>(v);
  }
  if (snap_rounding_noise(bar)) ++repairs;
  Bar checked{std::chrono::sys_days{bar.bar_date},
              bar.open,
              bar.high,
              bar.low,
              bar.close,
              bar.volume,
              bar.adj_close};
  const auto problems = checked.problems();
  if (!problems.empty()) {
    std::string why;
    for (const auto& p : problems) why += (why.empty() ? "" : "; ") + p.message;
    return why;
  }
  return bar;
}

}  // namespace

OhlcvFile parse_ohlcv_csv(std::string_view text, const std::string& symbol,
                          const std::string& source) {
  OhlcvFile file;
  const auto records = read_csv_records(text);
  if (records.empty()) {
    file.problems.push_back({0, "the file is empty"});
    return file;
  }
  const auto& header = records.front();
  if (header.problem) {
    file.problems.push_back({header.line, *header.problem});
    return file;
  }
  const auto columns = find_columns(header.fields);
  if (const auto* why = std::get_if<std::string>(&columns)) {
    file.problems.push_back({header.line, *why});
    return file;
  }
  const auto& c = std::get<Columns>(columns);
  std::map<Date, std::size_t> first_line_of;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    if (r.problem) {
      file.problems.push_back({r.line, *r.problem});
      continue;
    }
    auto bar = read_bar(r.fields, c, symbol, source, file.rounding_repairs);
    if (auto* why = std::get_if<std::string>(&bar)) {
      file.problems.push_back({r.line, std::move(*why)});
      continue;
    }
    auto& b = std::get<ports::OhlcvBar>(bar);
    const auto [it, fresh] = first_line_of.emplace(b.bar_date, r.line);
    if (!fresh) {
      file.problems.push_back({r.line, "date " + to_iso_date(b.bar_date) +
                                           " already appears on line " +
                                           std::to_string(it->second)});
      continue;
    }
    file.bars.push_back(std::move(b));
  }
  if (file.bars.empty() && file.problems.empty())
    file.problems.push_back({header.line, "the file has a header but no rows"});
  return file;
}

}  // namespace dorado::data
