#pragma once
// Monthly range partitions of the time series on PostgreSQL, created on demand
// before rows land in a month for the first time. Which partitions exist is
// cached per connection; partitions created inside a transaction only enter
// the cache when it commits (a rollback undoes the CREATE TABLE too).
#include <chrono>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "dorado/store/migrations.hpp"
#include "dorado/store/sql_connection.hpp"

namespace dorado::store {

class MonthPartitions {
 public:
  // Reads which time series tables are range-partitioned: none on SQLite or
  // when TimescaleDB manages them as hypertables.
  void load(SqlConnection& connection);

  // Creates the missing partitions of `table` for `months`. Call inside the
  // transaction that writes the rows.
  void ensure(SqlConnection& connection, const TimeSeriesTable& table,
              std::span<const std::chrono::year_month> months);

  // Mirror the store's transaction nesting.
  void begin();
  void commit();
  void rollback();

  // "ohlcv_p2024_03"
  static std::string partition_name(std::string_view table, std::chrono::year_month month);

 private:
  std::set<std::string, std::less<>> partitioned_;
  std::set<std::string> known_;
  std::vector<std::set<std::string>> pending_;  // created in each open transaction level
};

}  // namespace dorado::store
