// The hash chain without a database: encoding, hashing against an independent
// SHA-256 (Python's hashlib), and verification of tampered record sequences.
#include "dorado/store/audit_chain.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "dorado/digest/sha256.hpp"

namespace dorado::store {
namespace {

using namespace std::chrono;
using ports::AuditEntry;
using ports::AuditRecord;
using ports::AuditTamper;

const Timestamp kAt = sys_days{2024y / March / 15} + 13h + 30min;

std::vector<AuditRecord> chain(int n) {
  std::vector<AuditRecord> records;
  for (int i = 0; i < n; ++i)
    records.push_back(chain_audit_record(
        records.empty() ? nullptr : &records.back(),
        {kAt + minutes{i}, "engine", "order.sent", "order", "o-" + std::to_string(i), "{}"}));
  return records;
}

TEST(AuditChain, ContentIsACanonicalJsonArray) {
  const AuditEntry e{kAt, "engine", "order.sent", "order", "o-1", R"({"b": [true, null], "a": 1})"};
  const auto content = canonical_audit_content(1, e);
  EXPECT_EQ(content, R"([1,"2024-03-15T13:30:00.000000Z","engine","order.sent","order","o-1",)"
                     R"({"a":1,"b":[true,null]}])");
  // hashlib.sha256(("0"*64 + "\n" + content).encode()).hexdigest()
  EXPECT_EQ(audit_hash(kAuditGenesisHash, content),
            "ddf22a439df71225e64de5193a31e6e5d67eddedd3b7c84c779baf92d9b228b4");
}

TEST(AuditChain, CanonicalJsonIgnoresKeyOrderAndSpacing) {
  EXPECT_EQ(canonical_json(R"({ "z": 1.5, "a": {"y": 2, "x": [1, 2]} })"),
            R"({"a":{"x":[1,2],"y":2},"z":1.5})");
  EXPECT_THROW(canonical_json("{"), std::invalid_argument);
}

TEST(AuditChain, IntactChainVerifies) {
  const auto records = chain(4);
  const auto report = verify_audit_records(records);
  EXPECT_TRUE(report.intact());
  EXPECT_EQ(report.records_checked, 4);
  EXPECT_EQ(report.last_seq, 4);
  EXPECT_EQ(report.head_hash, records.back().hash);
}

TEST(AuditChain, EditedContent) {
  auto records = chain(4);
  records[1].entry.entity_id = "o-forged";
  const auto report = verify_audit_records(records);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.first_break->seq, 2);
  EXPECT_EQ(report.first_break->kind, AuditTamper::edited);
  EXPECT_EQ(report.last_seq, 1);  // the verified prefix
}

TEST(AuditChain, DetailThatIsNoLongerJsonIsAnEdit) {
  auto records = chain(3);
  records[2].entry.detail_json = "{broken";
  const auto report = verify_audit_records(records);
  EXPECT_EQ(report.first_break->seq, 3);
  EXPECT_EQ(report.first_break->kind, AuditTamper::edited);
}

TEST(AuditChain, EditRehashedInPlaceBreaksTheNextLink) {
  // The attacker recomputes the edited record's own hash but not the chain after it.
  auto records = chain(4);
  records[1].entry.actor = "mallory";
  records[1].hash = audit_hash(records[1].prev_hash, canonical_audit_content(2, records[1].entry));
  const auto report = verify_audit_records(records);
  EXPECT_EQ(report.first_break->seq, 3);
  EXPECT_EQ(report.first_break->kind, AuditTamper::edited);
  EXPECT_EQ(report.first_break->explanation,
            "record 3 links to a predecessor hash that matches no record");
}

TEST(AuditChain, DeletedMiddleRecord) {
  auto records = chain(5);
  records.erase(records.begin() + 2);
  const auto report = verify_audit_records(records);
  EXPECT_EQ(report.first_break->seq, 3);
  EXPECT_EQ(report.first_break->kind, AuditTamper::deleted);
}

TEST(AuditChain, DeletedFirstRecord) {
  auto records = chain(3);
  records.erase(records.begin());
  const auto report = verify_audit_records(records);
  EXPECT_EQ(report.first_break->seq, 1);
  EXPECT_EQ(report.first_break->kind, AuditTamper::deleted);
  EXPECT_EQ(report.first_break->explanation,
            "record 1 was deleted: record 2 links to a predecessor no longer stored");
}

TEST(AuditChain, DeletedTailIsOnlyVisibleAgainstAKeptHeadHash) {
  auto records = chain(4);
  const auto head = records.back().hash;
  records.pop_back();
  const auto report = verify_audit_records(records);
  EXPECT_TRUE(report.intact());
  EXPECT_NE(report.head_hash, head);
}

TEST(AuditChain, ReorderedRecords) {
  auto records = chain(5);
  std::swap(records[1], records[2]);  // stored order 1, 3, 2, 4, 5 with seqs swapped too
  std::swap(records[1].seq, records[2].seq);
  const auto report = verify_audit_records(records);
  EXPECT_EQ(report.first_break->seq, 2);
  EXPECT_EQ(report.first_break->kind, AuditTamper::reordered);
  EXPECT_EQ(report.first_break->explanation,
            "record 2 was chained after record 3 but is stored after record 1");
}

TEST(AuditChain, ReorderedFirstRecord) {
  auto records = chain(3);
  std::swap(records[0], records[1]);
  std::swap(records[0].seq, records[1].seq);
  const auto report = verify_audit_records(records);
  EXPECT_EQ(report.first_break->seq, 1);
  EXPECT_EQ(report.first_break->kind, AuditTamper::reordered);
  EXPECT_EQ(report.first_break->explanation,
            "record 1 was chained after record 2 but is stored first");
}

TEST(AuditChain, TamperKindsHaveNames) {
  EXPECT_EQ(name_of(AuditTamper::edited), "edited");
  EXPECT_EQ(name_of(AuditTamper::deleted), "deleted");
  EXPECT_EQ(name_of(AuditTamper::reordered), "reordered");
}

}  // namespace
}  // namespace dorado::store
