#include "dorado/cli/store_report.hpp"

#include <fmt/format.h>

#include <ostream>

namespace dorado::cli {

void migrate_and_record(Workspace& ws, std::string_view actor, std::ostream& out) {
  const auto report = ws.store->migrate(ws.clock->now());
  if (report.applied.empty()) {
    out << fmt::format("Store is up to date at schema version {}.\n", report.to_version);
  } else {
    for (const auto& m : report.applied) out << "  applied migration " << m << "\n";
    out << fmt::format("Store migrated from schema version {} to {}.\n", report.from_version,
                       report.to_version);
    ws.store->append_audit({.at = ws.clock->now(),
                            .actor = std::string(actor),
                            .action = "store.migrated",
                            .entity = "store",
                            .entity_id = ws.configuration.settings.user_id,
                            .detail_json = fmt::format(R"({{"from":{},"to":{}}})",
                                                       report.from_version, report.to_version)});
  }
  const int changed = record_bot_config_versions(ws, actor);
  out << fmt::format("Bot configurations: {} of {} recorded as new versions.\n", changed,
                     ws.configuration.bots.size());
}

void print_schema_status(std::ostream& out, const ports::SchemaStatus& status) {
  out << fmt::format("Store ({}) at schema version {} of {}{}\n", status.backend,
                     status.current_version, status.latest_version,
                     status.up_to_date() ? "" : " -- migrations pending");
  for (const auto& t : status.tables)
    out << fmt::format("  {:<18} {:>10}\n", t.table,
                       t.rows ? std::to_string(*t.rows) : std::string("missing"));
}

void print_audit_verification(std::ostream& out, const ports::AuditVerification& v) {
  if (v.intact()) {
    out << fmt::format("Audit chain intact: {} records, last seq {}, head {}\n", v.records_checked,
                       v.last_seq, v.head_hash);
    return;
  }
  const auto& b = *v.first_break;
  out << fmt::format("Audit chain BROKEN at seq {}: {} -- {}\n", b.seq, name_of(b.kind),
                     b.explanation);
}

}  // namespace dorado::cli
