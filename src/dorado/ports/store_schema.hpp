#pragma once
// What `dorado db migrate` and `dorado db status` report.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dorado::ports {

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // "2 time_series", in order
};

struct TableRowCount {
  std::string table;
  std::optional<std::int64_t> rows;  // nullopt: the table does not exist yet
};

struct SchemaStatus {
  std::string backend;  // "sqlite" or "postgres"
  int current_version = 0;
  int latest_version = 0;
  std::vector<TableRowCount> tables;  // rows belonging to the store's user

  bool up_to_date() const { return current_version == latest_version; }
};

}  // namespace dorado::ports
