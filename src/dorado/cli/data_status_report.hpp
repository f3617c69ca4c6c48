#pragma once
// How `dorado data status` prints: a table for people, JSON for scripts.
#include <iosfwd>
#include <vector>

#include "dorado/data/pipeline/series_status.hpp"

namespace dorado::cli {

void print_data_status_table(std::ostream& out, const std::vector<data::SeriesStatus>& status);
void print_data_status_json(std::ostream& out, const std::vector<data::SeriesStatus>& status);

}  // namespace dorado::cli
