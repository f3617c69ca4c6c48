// No order without an approval record: every way an order path could try to
// get past the approval step, against the real store. Only an unused approval
// for the bot's current candidate opens the gate, and only once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/approval/approval_fixture.hpp"

namespace dorado::engine::testing {
namespace {

using S = BotState;
using ::testing::HasSubstr;

class NoOrderWithoutApproval : public ApprovalFixture {
 protected:
  // Asserts a refusal with `code` and that nothing moved or was used.
  void expect_refused(const std::string& bot, std::int64_t candidate_id, ReasonCode code,
                      const std::string& why) {
    const auto before = store_->bot_transitions(bot);
    const auto approval = store_->approval_for(candidate_id);
    const auto decision = gate_->authorize(bot, candidate_id, "order-" + why);
    EXPECT_FALSE(decision.granted()) << why;
    EXPECT_EQ(decision.refusal_code, code) << why << ": " << decision.refusal;
    EXPECT_EQ(store_->bot_transitions(bot), before) << why;
    EXPECT_EQ(store_->approval_for(candidate_id), approval) << why;
  }
};

TEST_F(NoOrderWithoutApproval, AManualApprovalOpensTheGateOnce) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  clock_.advance(20min);
  const auto approved = desk_->approve(c, alice({"conviction=high"}));
  ASSERT_TRUE(approved.done);
  clock_.advance(1min);
  const auto decision = gate_->authorize("spy-ic-01", c.candidate_id, "spy-ic-01-c1-a1");
  ASSERT_TRUE(decision.granted()) << decision.refusal;
  EXPECT_EQ(decision.permit->approval_id(), approved.decision->id);
  EXPECT_EQ(decision.permit->candidate_id(), c.candidate_id);
  EXPECT_EQ(decision.permit->bot_id(), "spy-ic-01");
  EXPECT_EQ(decision.permit->order_ref(), "spy-ic-01-c1-a1");
  EXPECT_EQ(bots_->status("spy-ic-01").state, S::Executing);
  const auto used = store_->approval_for(c.candidate_id);
  EXPECT_EQ(used->used_at, kScanAt + 21min);
  EXPECT_EQ(used->used_by, "spy-ic-01-c1-a1");
  EXPECT_EQ(store_->read_audit(0, 100).back().entry.action, "approval.used");
}

TEST_F(NoOrderWithoutApproval, AnAutoExecuteBotPassesThroughItsEngineApproval) {
  const auto c = pending("btc-cm-01", 1);
  ASSERT_TRUE(desk_->submit(c, config::ApprovalMode::AutoExecute).done);
  const auto decision = gate_->authorize("btc-cm-01", c.candidate_id, "btc-cm-01-c1-a1");
  ASSERT_TRUE(decision.granted()) << decision.refusal;
  EXPECT_EQ(store_->approval_for(c.candidate_id)->draft.actor, "engine");
}

TEST_F(NoOrderWithoutApproval, NoAnswerYet) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::ApprovalMissing, "pending");
}

TEST_F(NoOrderWithoutApproval, NeverSubmitted) {
  const auto c = pending("spy-ic-01", 1);
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::NotAwaitingApproval, "idle bot");
}

TEST_F(NoOrderWithoutApproval, TimedOut) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  clock_.advance(4h + 1s);
  // Before the expiry sweep ran: still no approval record.
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::ApprovalMissing, "overdue");
  ASSERT_EQ(desk_->expire_overdue().size(), 1u);
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::NotAwaitingApproval, "timed out");
  EXPECT_FALSE(desk_->approve(c, alice()).done) << "a late approval is refused";
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::NotAwaitingApproval, "late approval");
}

TEST_F(NoOrderWithoutApproval, Rejected) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  ASSERT_TRUE(desk_->reject(c, alice({}, "no")).done);
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::NotAwaitingApproval, "rejected");
}

TEST_F(NoOrderWithoutApproval, ARejectionWrittenWhileTheBotStillWaits) {
  // A rejection from another channel (Telegram) lands in the store while the
  // bot has not been cancelled yet: the gate reads the decision itself.
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  store_->record_approval({c.candidate_id,
                           "spy-ic-01",
                           ports::ApprovalDecision::Rejected,
                           "telegram:42",
                           ports::ApprovalChannel::Telegram,
                           clock_.now(),
                           "",
                           {}});
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::RejectedByHuman, "rejected elsewhere");
}

TEST_F(NoOrderWithoutApproval, AnApprovalForAnotherCandidate) {
  const auto mine = pending("spy-ic-01", 1);
  const auto theirs = pending("gld-ic-01", 2);
  desk_->submit(mine, config::ApprovalMode::HumanRequired);
  desk_->submit(theirs, config::ApprovalMode::HumanRequired);
  ASSERT_TRUE(desk_->approve(theirs, alice()).done);
  // spy-ic-01 waits for its own candidate, which nobody approved.
  expect_refused("spy-ic-01", mine.candidate_id, ReasonCode::ApprovalMissing, "mine unapproved");
  expect_refused("spy-ic-01", theirs.candidate_id, ReasonCode::NotAwaitingApproval,
                 "borrowing another bot's approval");
  EXPECT_TRUE(gate_->authorize("gld-ic-01", theirs.candidate_id, "gld-1").granted());
}

TEST_F(NoOrderWithoutApproval, AnApprovalRecordedForAnotherBot) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  store_->record_approval({c.candidate_id,
                           "tlt-ic-01",
                           ports::ApprovalDecision::Approved,
                           "cli:alice",
                           ports::ApprovalChannel::Terminal,
                           clock_.now(),
                           "",
                           {}});
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::ApprovalMissing, "wrong bot");
}

TEST_F(NoOrderWithoutApproval, AReplayedApproval) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  desk_->approve(c, alice());
  ASSERT_TRUE(gate_->authorize("spy-ic-01", c.candidate_id, "first").granted());
  // The same approval again, while the first order is executing.
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::NotAwaitingApproval, "replay");
  // The order failed and the bot is brought back to the same candidate: the
  // approval was spent on the first order path.
  walk("spy-ic-01", {S::Failed, S::Idle});
  walk("spy-ic-01", {S::SignalReceived, S::RiskCheck, S::AwaitingApproval}, c.candidate_id);
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::ApprovalAlreadyUsed, "spent");
  EXPECT_FALSE(desk_->approve(c, alice()).done) << "and it cannot be approved a second time";
  EXPECT_EQ(store_->approval_for(c.candidate_id)->used_by, "first");
}

TEST_F(NoOrderWithoutApproval, AnApprovalAfterCancel) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  walk("spy-ic-01", {S::Cancelled, S::Idle});  // e.g. a breaker halted new trades
  const auto late = desk_->approve(c, alice());
  EXPECT_FALSE(late.done);
  EXPECT_THAT(late.sentence, HasSubstr("already ended"));
  expect_refused("spy-ic-01", c.candidate_id, ReasonCode::NotAwaitingApproval, "after cancel");
  EXPECT_FALSE(store_->approval_for(c.candidate_id).has_value());
}

}  // namespace
}  // namespace dorado::engine::testing
