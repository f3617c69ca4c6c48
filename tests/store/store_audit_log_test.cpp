// The audit log on both backends: chained appends, append-only in the
// database, and verification that names the row an attacker touched after
// dropping the triggers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "dorado/store/audit_chain.hpp"
#include "dorado/store/store_error.hpp"
#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::AuditEntry;
using ports::AuditTamper;
using ::testing::HasSubstr;

const Timestamp kStart = sys_days{2024y / March / 15} + 13h + 30min;

AuditEntry entry(int i) {
  return {kStart + minutes{i} + microseconds{i * 7},
          "engine",
          "candidate.approved",
          "candidate",
          "cand-" + std::to_string(i),
          R"({"score":)" + std::to_string(i) +
              R"(.5,"legs":[{"strike":450,"right":"put"}],"by":"alice"})"};
}

template <typename Backend>
class StoreAuditLogTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (!this->store_) return;
    this->store_->migrate(kStart);
  }
  void append(int count) {
    for (int i = 1; i <= count; ++i) this->store_->append_audit(entry(i));
  }
  ports::AuditBreak first_break() {
    const auto report = this->store_->verify_audit_chain();
    EXPECT_FALSE(report.intact());
    return report.first_break.value_or(ports::AuditBreak{});
  }
};
TYPED_TEST_SUITE(StoreAuditLogTest, Backends, BackendNames);

TYPED_TEST(StoreAuditLogTest, AppendsRecordsChainedByHash) {
  const auto first = this->store_->append_audit(entry(1));
  const auto second = this->store_->append_audit(entry(2));
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(first.prev_hash, kAuditGenesisHash);
  EXPECT_EQ(first.hash, audit_hash(kAuditGenesisHash, canonical_audit_content(1, first.entry)));
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.prev_hash, first.hash);

  const auto stored = this->store_->read_audit(0, 10);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[1].entry.at, entry(2).at);
  EXPECT_EQ(stored[1].entry.entity_id, "cand-2");
  EXPECT_EQ(stored[1].entry.detail_json,
            R"({"by":"alice","legs":[{"right":"put","strike":450}],"score":2.5})");
  EXPECT_EQ(stored[1].hash, second.hash);
  EXPECT_EQ(this->store_->read_audit(1, 10).size(), 1u);

  const auto report = this->store_->verify_audit_chain();
  EXPECT_TRUE(report.intact());
  EXPECT_EQ(report.records_checked, 2);
  EXPECT_EQ(report.last_seq, 2);
  EXPECT_EQ(report.head_hash, second.hash);
}

TYPED_TEST(StoreAuditLogTest, EmptyLogVerifies) {
  const auto report = this->store_->verify_audit_chain();
  EXPECT_TRUE(report.intact());
  EXPECT_EQ(report.records_checked, 0);
}

TYPED_TEST(StoreAuditLogTest, RefusesADetailThatIsNotJson) {
  auto bad = entry(1);
  bad.detail_json = "{not json";
  EXPECT_THROW(this->store_->append_audit(bad), std::invalid_argument);
  EXPECT_TRUE(this->store_->read_audit(0, 10).empty());
}

TYPED_TEST(StoreAuditLogTest, DatabaseRefusesUpdateAndDelete) {
  this->append(3);
  try {
    this->sql().query("UPDATE audit_log SET actor = ? WHERE seq = 2", {std::string("mallory")});
    FAIL() << "UPDATE accepted";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("audit_log is append-only: UPDATE refused"));
  }
  try {
    this->sql().query("DELETE FROM audit_log WHERE seq = 2");
    FAIL() << "DELETE accepted";
  } catch (const StoreError& e) {
    EXPECT_THAT(e.what(), HasSubstr("audit_log is append-only: DELETE refused"));
  }
  EXPECT_TRUE(this->store_->verify_audit_chain().intact());
}

TYPED_TEST(StoreAuditLogTest, FindsAnEditedRecord) {
  this->append(5);
  drop_append_only_guard(this->sql());
  this->sql().execute_ddl(R"(UPDATE audit_log SET detail = '{"score":999}' WHERE seq = 3)");
  const auto broken = this->first_break();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.kind, AuditTamper::edited);
  EXPECT_EQ(broken.explanation, "record 3 was edited: its content no longer matches its hash");
}

TYPED_TEST(StoreAuditLogTest, FindsAnEditedActorOrTime) {
  this->append(5);
  drop_append_only_guard(this->sql());
  this->sql().execute_ddl("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4");
  EXPECT_EQ(this->first_break().seq, 4);
  EXPECT_EQ(this->first_break().kind, AuditTamper::edited);
}

TYPED_TEST(StoreAuditLogTest, FindsADeletedRecord) {
  this->append(5);
  drop_append_only_guard(this->sql());
  this->sql().execute_ddl("DELETE FROM audit_log WHERE seq = 3");
  const auto broken = this->first_break();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.kind, AuditTamper::deleted);
  EXPECT_EQ(broken.explanation,
            "record 3 was deleted: record 4 links to a predecessor no longer stored");
}

TYPED_TEST(StoreAuditLogTest, FindsDeletedLeadingRecords) {
  this->append(5);
  drop_append_only_guard(this->sql());
  this->sql().execute_ddl("DELETE FROM audit_log WHERE seq <= 2");
  const auto broken = this->first_break();
  EXPECT_EQ(broken.seq, 1);
  EXPECT_EQ(broken.kind, AuditTamper::deleted);
  EXPECT_EQ(broken.explanation,
            "records 1..2 were deleted: record 3 links to a predecessor no longer stored");
}

TYPED_TEST(StoreAuditLogTest, FindsSwappedRecords) {
  this->append(5);
  drop_append_only_guard(this->sql());
  this->sql().execute_ddl(
      "UPDATE audit_log SET seq = 1003 WHERE seq = 3;"
      "UPDATE audit_log SET seq = 3 WHERE seq = 4;"
      "UPDATE audit_log SET seq = 4 WHERE seq = 1003;");
  const auto broken = this->first_break();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.kind, AuditTamper::reordered);
  EXPECT_EQ(broken.explanation, "record 3 was chained after record 4 but is stored after record 2");
}

TYPED_TEST(StoreAuditLogTest, ConcurrentAppendersKeepOneChain) {
  constexpr int kPerWriter = 25;
  auto writer = [&] {
    auto store = this->open("alice");  // one connection per thread
    for (int i = 0; i < kPerWriter; ++i) store->append_audit(entry(i));
  };
  std::thread a(writer), b(writer);
  a.join();
  b.join();
  const auto report = this->store_->verify_audit_chain();
  EXPECT_TRUE(report.intact()) << report.first_break->explanation;
  EXPECT_EQ(report.last_seq, 2 * kPerWriter);
}

TYPED_TEST(StoreAuditLogTest, EachUserHasTheirOwnChain) {
  this->append(2);
  auto bob = this->open("bob");
  EXPECT_EQ(bob->append_audit(entry(9)).seq, 1);
  EXPECT_EQ(bob->verify_audit_chain().records_checked, 1);
  EXPECT_EQ(this->store_->verify_audit_chain().records_checked, 2);
}

}  // namespace
}  // namespace dorado::store::testing
