#include "dorado/store/audit_chain.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "dorado/digest/sha256.hpp"
#include "dorado/store/sql_time.hpp"
#include "dorado/store/store_error.hpp"

namespace dorado::store {

using ports::AuditBreak;
using ports::AuditRecord;
using ports::AuditTamper;
using ports::AuditVerification;

std::string canonical_json(std::string_view json) {
  try {
    return nlohmann::json::parse(json).dump();
  } catch (const nlohmann::json::parse_error& e) {
    throw std::invalid_argument("audit detail is not JSON: " + std::string(e.what()));
  }
}

std::string canonical_audit_content(std::int64_t seq, const ports::AuditEntry& entry) {
  const nlohmann::json content =
      nlohmann::json::array({seq, sql_timestamp(entry.at), entry.actor, entry.action, entry.entity,
                             entry.entity_id, nlohmann::json::parse(entry.detail_json)});
  return content.dump();
}

std::string audit_hash(std::string_view prev_hash, std::string_view content) {
  return digest::sha256_hex({prev_hash, "\n", content});
}

AuditRecord chain_audit_record(const AuditRecord* previous, const ports::AuditEntry& entry) {
  AuditRecord record;
  record.seq = previous ? previous->seq + 1 : 1;
  record.entry = entry;
  record.entry.detail_json = canonical_json(entry.detail_json);
  record.prev_hash = previous ? previous->hash : std::string(kAuditGenesisHash);
  record.hash = audit_hash(record.prev_hash, canonical_audit_content(record.seq, record.entry));
  return record;
}

namespace {

std::string recomputed_hash(const AuditRecord& r) {
  try {
    return audit_hash(r.prev_hash, canonical_audit_content(r.seq, r.entry));
  } catch (const std::exception&) {  // detail no longer JSON: certainly edited
    return {};
  }
}

AuditBreak broken(std::int64_t seq, AuditTamper kind, std::string explanation) {
  return AuditBreak{seq, kind, std::move(explanation)};
}

// The record's prev_hash does not name the record stored before it. Where does
// it point? At another stored record: the chain was reordered. Past a gap in
// seq: records were deleted. Otherwise the link itself was rewritten.
AuditBreak broken_link(const AuditRecord& r, std::int64_t expected_seq,
                       const std::unordered_map<std::string, std::int64_t>& seq_by_hash) {
  const std::string seq = std::to_string(r.seq);
  if (const auto it = seq_by_hash.find(r.prev_hash); it != seq_by_hash.end())
    return broken(r.seq, AuditTamper::reordered,
                  "record " + seq + " was chained after record " + std::to_string(it->second) +
                      (expected_seq == 1
                           ? std::string(" but is stored first")
                           : " but is stored after record " + std::to_string(expected_seq - 1)));
  if (r.seq > expected_seq) {
    const std::string missing =
        r.seq - 1 > expected_seq
            ? "records " + std::to_string(expected_seq) + ".." + std::to_string(r.seq - 1) + " were"
            : "record " + std::to_string(expected_seq) + " was";
    return broken(expected_seq, AuditTamper::deleted,
                  missing + " deleted: record " + seq + " links to a predecessor no longer stored");
  }
  return broken(r.seq, AuditTamper::edited,
                "record " + seq + " links to a predecessor hash that matches no record");
}

}  // namespace

AuditVerification verify_audit_records(std::span<const AuditRecord> records) {
  AuditVerification report;
  // Where each stored hash sits, to tell a record moved elsewhere in the chain
  // (reordered) from one whose predecessor is gone (deleted).
  std::unordered_map<std::string, std::int64_t> seq_by_hash;
  for (const auto& r : records) seq_by_hash.emplace(r.hash, r.seq);

  std::string expected_prev(kAuditGenesisHash);
  std::int64_t expected_seq = 1;
  for (const auto& r : records) {
    ++report.records_checked;
    const std::string seq = std::to_string(r.seq);
    if (r.prev_hash != expected_prev) {
      report.first_break = broken_link(r, expected_seq, seq_by_hash);
      break;
    }
    if (r.seq != expected_seq) {
      report.first_break =
          broken(r.seq, AuditTamper::edited,
                 "record stored as seq " + seq + " should be seq " + std::to_string(expected_seq));
      break;
    }
    if (recomputed_hash(r) != r.hash) {
      report.first_break =
          broken(r.seq, AuditTamper::edited,
                 "record " + seq + " was edited: its content no longer matches its hash");
      break;
    }
    expected_prev = r.hash;
    expected_seq = r.seq + 1;
    report.last_seq = r.seq;
    report.head_hash = r.hash;
  }
  return report;
}

}  // namespace dorado::store
