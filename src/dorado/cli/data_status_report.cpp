#include "dorado/cli/data_status_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

namespace dorado::cli {

void print_data_status_table(std::ostream& out, const std::vector<data::SeriesStatus>& status) {
  if (status.empty()) {
    out << "No series stored yet: run `dorado data fetch` or `dorado data import`.\n";
    return;
  }
  out << fmt::format("{:<11} {:<22} {:<10} {:<10} {:>7} {:<14} {:>6} {:>6}  {}\n", "kind", "series",
                     "first", "last", "rows", "cadence", "gaps", "behind", "state");
  int stale = 0;
  for (const auto& s : status) {
    stale += s.stale ? 1 : 0;
    out << fmt::format("{:<11} {:<22} {:<10} {:<10} {:>7} {:<14} {:>6} {:>6}  {}\n",
                       name_of(s.kind), s.name, to_iso_date(s.first), to_iso_date(s.last), s.rows,
                       s.cadence, s.gaps, s.behind, s.stale ? "STALE" : "ok");
  }
  out << fmt::format(
      "{} series, {} stale. gaps: expected observations missing between first "
      "and last; behind: expected since the last one.\n",
      status.size(), stale);
}

void print_data_status_json(std::ostream& out, const std::vector<data::SeriesStatus>& status) {
  nlohmann::json series = nlohmann::json::array();
  for (const auto& s : status) {
    nlohmann::json row{{"kind", name_of(s.kind)},
                       {"series", s.name},
                       {"first", to_iso_date(s.first)},
                       {"last", to_iso_date(s.last)},
                       {"rows", s.rows},
                       {"cadence", s.cadence},
                       {"gaps", s.gaps},
                       {"behind", s.behind},
                       {"stale", s.stale}};
    row["last_expected"] =
        s.last_expected ? nlohmann::json(to_iso_date(*s.last_expected)) : nlohmann::json(nullptr);
    series.push_back(std::move(row));
  }
  out << nlohmann::json{{"series", series}}.dump(2) << "\n";
}

}  // namespace dorado::cli
