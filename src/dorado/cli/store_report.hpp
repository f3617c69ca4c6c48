#pragma once
#include <iosfwd>
#include <string_view>

#include "dorado/cli/workspace.hpp"
#include "dorado/ports/store_audit.hpp"
#include "dorado/ports/store_schema.hpp"

namespace dorado::cli {

// Migrates the store, audits the migration, and records the bot
// configurations as versions; prints what it did.
void migrate_and_record(Workspace& ws, std::string_view actor, std::ostream& out);

void print_schema_status(std::ostream& out, const ports::SchemaStatus& status);
void print_audit_verification(std::ostream& out, const ports::AuditVerification& v);

}  // namespace dorado::cli
