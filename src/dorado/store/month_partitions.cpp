#include "dorado/store/month_partitions.hpp"

#include <algorithm>
#include <cstdio>

namespace dorado::store {

namespace {

std::string month_start(std::chrono::year_month m, bool timestamp) {
  char buf[32];
  std::snprintf(buf, sizeof buf, timestamp ? "%04d-%02u-01 00:00:00+00" : "%04d-%02u-01",
                int(m.year()), unsigned(m.month()));
  return buf;
}

}  // namespace

std::string MonthPartitions::partition_name(std::string_view table, std::chrono::year_month m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "_p%04d_%02u", int(m.year()), unsigned(m.month()));
  return std::string(table) + buf;
}

void MonthPartitions::load(SqlConnection& c) {
  partitioned_.clear();
  if (c.dialect() != SqlDialect::postgres) return;
  const auto rows = c.query(
      "SELECT c.relname FROM pg_partitioned_table p "
      "JOIN pg_class c ON c.oid = p.partrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()");
  for (const auto& row : rows) partitioned_.insert(row.text(0));
}

void MonthPartitions::ensure(SqlConnection& c, const TimeSeriesTable& table,
                             std::span<const std::chrono::year_month> months) {
  if (!partitioned_.contains(table.table)) return;
  for (const auto month : months) {
    const std::string name = partition_name(table.table, month);
    if (known_.contains(name)) continue;
    if (std::any_of(pending_.begin(), pending_.end(),
                    [&](const auto& level) { return level.contains(name); }))
      continue;
    // Two writers reaching a new month together would race on CREATE TABLE
    // (IF NOT EXISTS does not cover a concurrent, uncommitted creation): the
    // second waits here until the first commits, then finds the partition.
    c.query("SELECT pg_advisory_xact_lock(hashtext(?))", {"dorado.partition:" + name});
    // DDL: identifiers and bounds come from a validated year_month, never from input text.
    c.execute_ddl("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " +
                  std::string(table.table) + " FOR VALUES FROM ('" +
                  month_start(month, table.timestamp) + "') TO ('" +
                  month_start(month + std::chrono::months{1}, table.timestamp) + "')");
    if (pending_.empty())
      known_.insert(name);
    else
      pending_.back().insert(name);
  }
}

void MonthPartitions::begin() {
  pending_.emplace_back();
}

void MonthPartitions::commit() {
  auto level = std::move(pending_.back());
  pending_.pop_back();
  (pending_.empty() ? known_ : pending_.back()).merge(level);
}

void MonthPartitions::rollback() {
  pending_.pop_back();
}

}  // namespace dorado::store
