#pragma once
// The audit log's vocabulary: what happened (an entry), how it is stored
// (a record chained to its predecessor by hash) and what a verification found.
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::ports {

struct AuditEntry {
  Timestamp at;
  std::string actor;               // "cli:alice", "engine", "telegram:12345"
  std::string action;              // "bot_config.saved", "candidate.approved"
  std::string entity;              // "bot", "candidate", "order"
  std::string entity_id;           // "spy-ic-01"
  std::string detail_json = "{}";  // any JSON value; stored canonically
};

struct AuditRecord {
  std::int64_t seq = 0;  // 1, 2, 3 ... per user, no gaps
  AuditEntry entry;
  std::string prev_hash;  // hex SHA-256 of the previous record; 64 zeros for seq 1
  std::string hash;       // hex SHA-256 over prev_hash and this record's content
};

// How a chain was broken, in the words of what an attacker did to it.
enum class AuditTamper {
  edited,     // a record's content (or its link) no longer matches its hash
  deleted,    // records are missing before this one
  reordered,  // this record points at a predecessor that sits elsewhere in the chain
};

struct AuditBreak {
  std::int64_t seq = 0;  // the first bad record (for deleted: the first missing seq)
  AuditTamper kind = AuditTamper::edited;
  std::string explanation;
};

struct AuditVerification {
  std::int64_t records_checked = 0;
  std::int64_t last_seq = 0;
  // Publish or note this: removing records from the end of a chain can only be
  // detected against a head hash kept somewhere else.
  std::string head_hash;
  std::optional<AuditBreak> first_break;

  bool intact() const { return !first_break.has_value(); }
};

}  // namespace dorado::ports

template <>
struct dorado::EnumNames<dorado::ports::AuditTamper> {
  static constexpr std::array table{
      std::pair{ports::AuditTamper::edited, std::string_view{"edited"}},
      std::pair{ports::AuditTamper::deleted, std::string_view{"deleted"}},
      std::pair{ports::AuditTamper::reordered, std::string_view{"reordered"}},
  };
};
