#pragma once
// The hash chain of the audit log, independent of any database: how a
// record's content is encoded, how its hash is computed, and how a sequence
// of stored records is checked for edits, deletions and reordering.
#include <cstdint>
#include <span>
#include <string>

#include "dorado/ports/store_audit.hpp"

namespace dorado::store {

// The predecessor of the first record.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Parses and re-serialises JSON with sorted keys and no spaces, so the same
// detail hashes the same whichever backend stored it (JSONB reorders keys).
// Throws std::invalid_argument when `json` is not JSON.
std::string canonical_json(std::string_view json);

// JSON array [seq, at, actor, action, entity, entity_id, detail]: unambiguous
// field boundaries, no reliance on a separator that content could contain.
std::string canonical_audit_content(std::int64_t seq, const ports::AuditEntry& entry);

// hex(SHA-256(prev_hash || "\n" || content)).
std::string audit_hash(std::string_view prev_hash, std::string_view content);

// Builds the record that follows `previous` (nullptr for the first).
ports::AuditRecord chain_audit_record(const ports::AuditRecord* previous,
                                      const ports::AuditEntry& entry);

// Walks records in stored (seq) order and reports the first break.
ports::AuditVerification verify_audit_records(std::span<const ports::AuditRecord> records);

}  // namespace dorado::store
