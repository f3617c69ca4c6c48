// Bot state transitions and approval decisions on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/store/sql_time.hpp"
#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::ApprovalChannel;
using ports::ApprovalDecision;
using ports::ApprovalDraft;
using ports::BotTransition;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Timestamp kAt = sys_days{2024y / May / 6} + 13h + 45min;

BotTransition move(std::string bot, BotState from, BotState to, Timestamp at = kAt) {
  return {std::move(bot), from, to, at, "engine", std::nullopt, std::nullopt, "a sentence"};
}

template <typename Backend>
class StoreLifecycleTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kAt);
  }
  // A candidate row as the scan writes it (the scan's own store methods are
  // not this suite's subject).
  std::int64_t candidate(const std::string& bot, const std::string& user = "alice") {
    return this->sql()
        .query(
            "INSERT INTO candidates (user_id, scan_id, scan_date, bot_id, symbol, strategy, "
            "status, created_at) VALUES (?, 'scan-1', ?, ?, 'SPY', 'iron_condor', 'selected', ?) "
            "RETURNING id",
            {user, sql_date(year_month_day{2024y / May / 6}), bot, sql_timestamp(kAt)})
        .at(0)
        .integer(0);
  }
  ApprovalDraft approval(std::int64_t candidate_id, std::vector<std::string> tags = {}) {
    return {candidate_id,
            "spy-ic-01",
            ApprovalDecision::Approved,
            "cli:alice",
            ApprovalChannel::Terminal,
            kAt + 5min,
            "",
            std::move(tags)};
  }
};
TYPED_TEST_SUITE(StoreLifecycleTest, Backends, BackendNames);

TYPED_TEST(StoreLifecycleTest, RecordsTransitionsInOrderAndAuditsEach) {
  auto& s = *this->store_;
  EXPECT_FALSE(s.latest_bot_transition("spy-ic-01").has_value()) << "never moved: idle";
  auto first = move("spy-ic-01", BotState::Idle, BotState::SignalReceived);
  first.candidate_id = 42;
  first.reason_code = "selected";
  const auto r1 = s.record_bot_transition(first);
  const auto r2 = s.record_bot_transition(
      move("spy-ic-01", BotState::SignalReceived, BotState::RiskCheck, kAt + 1s));
  EXPECT_EQ(r1.seq, 1);
  EXPECT_EQ(r2.seq, 2);
  EXPECT_THAT(s.bot_transitions("spy-ic-01"), ElementsAre(r1, r2));
  EXPECT_EQ(s.latest_bot_transition("spy-ic-01"), r2);
  EXPECT_EQ(s.bot_transitions("spy-ic-01")[0].transition.candidate_id, 42);

  const auto audit = s.read_audit(0, 10);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].entry.action, "bot.transition");
  EXPECT_EQ(audit[0].entry.entity_id, "spy-ic-01");
  const auto detail = nlohmann::json::parse(audit[0].entry.detail_json);
  EXPECT_EQ(detail["from"], "idle");
  EXPECT_EQ(detail["to"], "signal_received");
  EXPECT_EQ(detail["candidate_id"], 42);
  EXPECT_EQ(detail["reason_code"], "selected");
  EXPECT_TRUE(s.verify_audit_chain().intact());
}

TYPED_TEST(StoreLifecycleTest, RefusesATransitionFromAStateTheBotIsNotIn) {
  auto& s = *this->store_;
  EXPECT_THROW(s.record_bot_transition(move("b", BotState::RiskCheck, BotState::Rejected)),
               ports::StaleBotState)
      << "a bot that never moved is idle";
  s.record_bot_transition(move("b", BotState::Idle, BotState::SignalReceived));
  EXPECT_THROW(s.record_bot_transition(move("b", BotState::Idle, BotState::SignalReceived)),
               ports::StaleBotState)
      << "a second writer that read the old state";
  EXPECT_EQ(s.bot_transitions("b").size(), 1u);
  EXPECT_EQ(s.read_audit(0, 10).size(), 1u) << "nothing audited for the refused move";
}

TYPED_TEST(StoreLifecycleTest, RefusesIncompleteTransitions) {
  auto& s = *this->store_;
  auto t = move("b", BotState::Idle, BotState::SignalReceived);
  t.reason.clear();
  EXPECT_THROW(s.record_bot_transition(t), std::invalid_argument);
  t = move("", BotState::Idle, BotState::SignalReceived);
  EXPECT_THROW(s.record_bot_transition(t), std::invalid_argument);
  t = move("b", BotState::Idle, BotState::SignalReceived);
  t.actor.clear();
  EXPECT_THROW(s.record_bot_transition(t), std::invalid_argument);
  EXPECT_THAT(s.bot_transitions("b"), IsEmpty());
}

TYPED_TEST(StoreLifecycleTest, ListsTheBotsCurrentlyInAState) {
  auto& s = *this->store_;
  for (const char* bot : {"c", "a", "b"}) {
    s.record_bot_transition(move(bot, BotState::Idle, BotState::SignalReceived));
    s.record_bot_transition(move(bot, BotState::SignalReceived, BotState::RiskCheck));
  }
  s.record_bot_transition(move("b", BotState::RiskCheck, BotState::AwaitingApproval));
  s.record_bot_transition(move("c", BotState::RiskCheck, BotState::AwaitingApproval));
  std::vector<std::string> awaiting;
  for (const auto& r : s.bots_in_state(BotState::AwaitingApproval))
    awaiting.push_back(r.transition.bot_id);
  EXPECT_THAT(awaiting, ElementsAre("b", "c"));
  ASSERT_EQ(s.bots_in_state(BotState::RiskCheck).size(), 1u);
  EXPECT_EQ(s.bots_in_state(BotState::RiskCheck)[0].transition.bot_id, "a");
  EXPECT_THAT(this->open("bob")->bots_in_state(BotState::AwaitingApproval), IsEmpty());
  EXPECT_FALSE(this->open("bob")->latest_bot_transition("a").has_value());
}

TYPED_TEST(StoreLifecycleTest, TransitionIsPartOfTheStoreTransaction) {
  auto& s = *this->store_;
  EXPECT_THROW(s.transaction([](ports::Store& tx) {
    tx.record_bot_transition(move("b", BotState::Idle, BotState::SignalReceived));
    throw std::runtime_error("crash before the order was persisted");
  }),
               std::runtime_error);
  EXPECT_THAT(s.bot_transitions("b"), IsEmpty());
  EXPECT_THAT(s.read_audit(0, 10), IsEmpty());
}

TYPED_TEST(StoreLifecycleTest, RecordsADecisionWithItsTagsAndAuditsIt) {
  auto& s = *this->store_;
  const auto id = this->candidate("spy-ic-01");
  const auto record = s.record_approval(this->approval(id, {"conviction=high", "textbook"}));
  EXPECT_GT(record.id, 0);
  EXPECT_EQ(s.approval_for(id), record);
  EXPECT_THAT(s.approval_for(id)->draft.tags, ElementsAre("conviction=high", "textbook"));
  EXPECT_FALSE(s.approval_for(id)->used_at.has_value());
  EXPECT_EQ(this->sql()
                .query("SELECT count(*) FROM annotations WHERE user_id = 'alice' AND "
                       "candidate_id = ?",
                       {id})
                .at(0)
                .integer(0),
            2);
  const auto audit = s.read_audit(0, 10);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].entry.action, "candidate.approved");
  EXPECT_EQ(audit[0].entry.actor, "cli:alice");
  EXPECT_EQ(audit[0].entry.entity_id, std::to_string(id));
  EXPECT_EQ(nlohmann::json::parse(audit[0].entry.detail_json)["channel"], "terminal");
}

TYPED_TEST(StoreLifecycleTest, ACandidateIsDecidedOnce) {
  auto& s = *this->store_;
  const auto id = this->candidate("spy-ic-01");
  auto rejection = this->approval(id);
  rejection.decision = ApprovalDecision::Rejected;
  rejection.reason = "earnings next week";
  s.record_approval(rejection);
  EXPECT_THROW(s.record_approval(this->approval(id)), ports::DecisionExists);
  EXPECT_EQ(s.approval_for(id)->draft.decision, ApprovalDecision::Rejected);
  EXPECT_EQ(s.approval_for(id)->draft.reason, "earnings next week");
  EXPECT_EQ(s.read_audit(0, 10).size(), 1u);
}

TYPED_TEST(StoreLifecycleTest, RefusesIncompleteDecisionsAndUnknownCandidates) {
  auto& s = *this->store_;
  const auto id = this->candidate("spy-ic-01");
  EXPECT_THROW(s.record_approval(this->approval(id, {"two words"})), std::invalid_argument);
  EXPECT_THROW(s.record_approval(this->approval(id, {""})), std::invalid_argument);
  auto anonymous = this->approval(id);
  anonymous.actor.clear();
  EXPECT_THROW(s.record_approval(anonymous), std::invalid_argument);
  EXPECT_THROW(s.record_approval(this->approval(0)), std::invalid_argument);
  EXPECT_ANY_THROW(s.record_approval(this->approval(id + 1000))) << "no such candidate";
  EXPECT_FALSE(s.approval_for(id).has_value());
  EXPECT_THAT(s.read_audit(0, 10), IsEmpty());
}

TYPED_TEST(StoreLifecycleTest, AnApprovalIsUsedOnceAndARejectionNever) {
  auto& s = *this->store_;
  const auto approved = s.record_approval(this->approval(this->candidate("spy-ic-01")));
  EXPECT_TRUE(s.use_approval(approved.id, "spy-ic-01-c1-a1", kAt + 10min));
  EXPECT_FALSE(s.use_approval(approved.id, "spy-ic-01-c1-a2", kAt + 11min)) << "replayed";
  const auto used = s.approval_for(approved.draft.candidate_id);
  EXPECT_EQ(used->used_at, kAt + 10min);
  EXPECT_EQ(used->used_by, "spy-ic-01-c1-a1");

  auto rejection = this->approval(this->candidate("spy-ic-01"));
  rejection.decision = ApprovalDecision::Rejected;
  const auto rejected = s.record_approval(rejection);
  EXPECT_FALSE(s.use_approval(rejected.id, "order-x", kAt + 12min));
  EXPECT_FALSE(this->open("bob")->use_approval(approved.id, "order-y", kAt)) << "another user";

  std::vector<std::string> actions;
  for (const auto& r : s.read_audit(0, 10)) actions.push_back(r.entry.action);
  EXPECT_THAT(actions, ElementsAre("candidate.approved", "approval.used", "candidate.rejected"));
}

}  // namespace
}  // namespace dorado::store::testing
