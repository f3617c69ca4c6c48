// The daily scan's candidates, signals and risk events on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::CandidateRecord;
using ports::RiskEventRecord;
using ports::SignalRecord;
using ::testing::IsEmpty;

const Timestamp kAt = sys_days{2024y / December / 31} + 21h + 5min;
const Date kDay{2024y / December / 31};

CandidateRecord candidate(std::string scan_id, std::string symbol, std::optional<int> rank,
                          std::string status) {
  CandidateRecord c;
  c.scan_id = std::move(scan_id);
  c.scan_date = kDay;
  c.bot_id = "spy-ic-01";
  c.symbol = std::move(symbol);
  c.strategy = "iron_condor";
  c.rank = rank;
  c.score = rank ? std::optional<double>(0.5 + 0.1 * *rank) : std::nullopt;
  c.components_json = R"({"spread_tightness": 0.9, "credit_to_width": 0.4})";
  c.gates_json = R"([{"gate": "iv_rank", "passed": true}])";
  c.legs_json = R"([{"role": "short_put", "strike": 560}])";
  c.status = std::move(status);
  c.reason_code = c.status == "selected" ? "selected" : "sent_to_paper";
  c.config_hash = "abc123";
  c.created_at = kAt;
  c.expires_at = kAt + hours{4};
  return c;
}

SignalRecord scan_signal(std::string id) {
  SignalRecord s;
  s.source = "scan";
  s.signal_id = std::move(id);
  s.bot_id = "spy-ic-01";
  s.symbol = "SPY";
  s.action = "open";
  s.received_at = kAt;
  s.status = "selected";
  s.reason_code = "selected";
  s.reason = "every portfolio check passed";
  s.payload_json = R"({"rank": 1, "credit": 160.0})";
  return s;
}

RiskEventRecord trip(std::string breaker, Timestamp at) {
  RiskEventRecord e;
  e.at = at;
  e.kind = "breaker_tripped";
  e.breaker = std::move(breaker);
  e.action = "halt_all_bots";
  e.measured = 31.5;
  e.threshold = 30;
  e.reason = "VIX 31.5 > 30";
  return e;
}

template <typename Backend>
class StoreScanTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kAt);
  }
};
TYPED_TEST_SUITE(StoreScanTest, Backends, BackendNames);

TYPED_TEST(StoreScanTest, RecordsCandidatesWithCanonicalJsonAndReadsThemByRank) {
  auto& s = *this->store_;
  const std::vector<CandidateRecord> rows{candidate("scan-1", "GLD", std::nullopt, "rejected"),
                                          candidate("scan-1", "TLT", 2, "paper"),
                                          candidate("scan-1", "SPY", 1, "selected")};
  const auto stored = s.record_scan_candidates("scan-1", rows);
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_GT(stored[1].id, stored[0].id);
  EXPECT_EQ(stored[0].components_json, R"({"credit_to_width":0.4,"spread_tightness":0.9})");

  const auto read = s.scan_candidates("scan-1");
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0], stored[2]);  // rank 1
  EXPECT_EQ(read[1], stored[1]);  // rank 2
  EXPECT_EQ(read[2], stored[0]);  // unranked last
  EXPECT_FALSE(read[2].rank.has_value());
  EXPECT_FALSE(read[2].score.has_value());
  EXPECT_EQ(read[0].expires_at, kAt + hours{4});
  EXPECT_EQ(read[0].scan_date, kDay);
  EXPECT_EQ(s.latest_scan_id(), "scan-1");
  EXPECT_THAT(this->open("bob")->scan_candidates("scan-1"), IsEmpty());
}

TYPED_TEST(StoreScanTest, RunningTheSameScanAgainSupersedesTheEarlierRows) {
  auto& s = *this->store_;
  const std::vector<CandidateRecord> first{candidate("scan-1", "SPY", 1, "selected"),
                                           candidate("scan-1", "TLT", 2, "paper")};
  s.record_scan_candidates("scan-1", first);
  const std::vector<CandidateRecord> other{candidate("scan-0", "GLD", 1, "selected")};
  s.record_scan_candidates("scan-0", other);
  const std::vector<CandidateRecord> again{candidate("scan-1", "SPY", 1, "selected")};
  const auto stored = s.record_scan_candidates("scan-1", again);

  const auto read = s.scan_candidates("scan-1");
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0], stored[0]);
  EXPECT_EQ(s.scan_candidates("scan-0").size(), 1u);  // another scan is untouched
  EXPECT_EQ(s.latest_scan_id(), "scan-1");
  EXPECT_EQ(this->sql()
                .query("SELECT count(*) FROM candidates WHERE status = 'superseded'")
                .at(0)
                .integer(0),
            2);
}

TYPED_TEST(StoreScanTest, RefusesIncompleteCandidatesAndWritesNothing) {
  auto& s = *this->store_;
  auto bad_json = candidate("scan-1", "SPY", 1, "selected");
  bad_json.components_json = "{not json";
  const std::vector<CandidateRecord> with_bad_json{candidate("scan-1", "TLT", 2, "paper"),
                                                   bad_json};
  EXPECT_THROW(s.record_scan_candidates("scan-1", with_bad_json), std::invalid_argument);
  const std::vector<CandidateRecord> other_scan{candidate("scan-2", "SPY", 1, "selected")};
  EXPECT_THROW(s.record_scan_candidates("scan-1", other_scan), std::invalid_argument);
  const std::vector<CandidateRecord> no_status{candidate("scan-1", "SPY", 1, "")};
  EXPECT_THROW(s.record_scan_candidates("scan-1", no_status), std::invalid_argument);
  EXPECT_THAT(s.scan_candidates("scan-1"), IsEmpty());
  EXPECT_FALSE(s.latest_scan_id().has_value());
}

TYPED_TEST(StoreScanTest, StoresASignalOnceAndReturnsTheEarlierOnADuplicate) {
  auto& s = *this->store_;
  const auto first = s.record_signal(scan_signal("scan-1:spy-ic-01"));
  EXPECT_FALSE(first.duplicate);
  EXPECT_GT(first.record.id, 0);
  EXPECT_EQ(first.record.payload_json, R"({"credit":160.0,"rank":1})");

  auto again = scan_signal("scan-1:spy-ic-01");
  again.status = "paper";
  const auto second = s.record_signal(again);
  EXPECT_TRUE(second.duplicate);
  EXPECT_EQ(second.record, first.record);

  auto webhook = scan_signal("scan-1:spy-ic-01");  // same id, other source: not a duplicate
  webhook.source = "webhook";
  webhook.research_context_json = R"({"note": "tv alert"})";
  EXPECT_FALSE(s.record_signal(webhook).duplicate);

  const auto read = s.read_signals({kAt - hours{1}, kAt + hours{1}});
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0], first.record);
  EXPECT_EQ(read[1].research_context_json, R"({"note":"tv alert"})");
  EXPECT_THAT(s.read_signals({kAt + hours{1}, kAt + hours{2}}), IsEmpty());

  auto unknown = scan_signal("x");
  unknown.source = "email";
  EXPECT_THROW(s.record_signal(unknown), std::invalid_argument);
}

TYPED_TEST(StoreScanTest, RiskEventsStayOpenUntilLifted) {
  auto& s = *this->store_;
  const auto vol = s.append_risk_event(trip("high_vol", kAt));
  const auto crisis = s.append_risk_event(trip("crisis_halt", kAt + minutes{1}));
  RiskEventRecord lifted = trip("high_vol", kAt + hours{24});
  lifted.kind = "breaker_lifted";
  lifted.lifted_at = kAt + hours{24};
  lifted.lifted_by = "rule";
  s.append_risk_event(lifted);

  auto open = s.open_risk_events();
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0], vol);
  EXPECT_EQ(open[1], crisis);

  EXPECT_TRUE(s.lift_risk_event(vol.id, kAt + hours{24}, "rule"));
  EXPECT_FALSE(s.lift_risk_event(vol.id, kAt + hours{25}, "rule"));  // already lifted
  open = s.open_risk_events();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].breaker, "crisis_halt");

  const auto all = s.read_risk_events({kAt, kAt + hours{48}});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].lifted_at, kAt + hours{24});
  EXPECT_EQ(all[0].lifted_by, "rule");
  EXPECT_EQ(all[0].measured, 31.5);
  EXPECT_EQ(all[2].kind, "breaker_lifted");

  auto incomplete = trip("daily_loss", kAt);
  incomplete.reason.clear();
  EXPECT_THROW(s.append_risk_event(incomplete), std::invalid_argument);
  EXPECT_THAT(this->open("bob")->open_risk_events(), IsEmpty());
}

}  // namespace
}  // namespace dorado::store::testing
