// The human step: submit, approve with tags, reject, auto_execute, and the
// approval timeout on the injected clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/approval/approval_fixture.hpp"

namespace dorado::engine::testing {
namespace {

using S = BotState;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> states(const std::vector<ports::BotTransitionRecord>& history) {
  std::vector<std::string> out;
  for (const auto& r : history) out.emplace_back(name_of(r.transition.to));
  return out;
}

class ApprovalDeskTest : public ApprovalFixture {};

TEST_F(ApprovalDeskTest, ASelectedCandidateWaitsForItsHuman) {
  const auto c = pending("spy-ic-01", 1);
  const auto submitted = desk_->submit(c, config::ApprovalMode::HumanRequired);
  ASSERT_TRUE(submitted.done) << submitted.sentence;
  EXPECT_FALSE(submitted.decision.has_value()) << "human_required: nobody approved yet";
  EXPECT_THAT(states(store_->bot_transitions("spy-ic-01")),
              ElementsAre("signal_received", "risk_check", "awaiting_approval"));
  EXPECT_EQ(bots_->status("spy-ic-01").candidate_id, c.candidate_id);
  EXPECT_FALSE(store_->approval_for(c.candidate_id).has_value());
}

TEST_F(ApprovalDeskTest, ApprovalRecordsWhoWhenChannelAndTagsAndLeavesTheBotForExecution) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  clock_.advance(25min);
  const auto approved = desk_->approve(c, alice({"conviction=high", "textbook"}));
  ASSERT_TRUE(approved.done) << approved.sentence;
  EXPECT_THAT(approved.sentence, HasSubstr("awaits execution"));
  const auto stored = store_->approval_for(c.candidate_id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored, approved.decision);
  EXPECT_EQ(stored->draft.actor, "cli:alice");
  EXPECT_EQ(stored->draft.channel, ports::ApprovalChannel::Terminal);
  EXPECT_EQ(stored->draft.at, kScanAt + 25min);
  EXPECT_THAT(stored->draft.tags, ElementsAre("conviction=high", "textbook"));
  EXPECT_EQ(bots_->status("spy-ic-01").state, S::AwaitingApproval);

  // An approved candidate waits for the order path, not for a human: the
  // timeout does not cancel it.
  clock_.advance(5h);
  EXPECT_TRUE(desk_->expire_overdue().empty());
  EXPECT_EQ(bots_->status("spy-ic-01").state, S::AwaitingApproval);
}

TEST_F(ApprovalDeskTest, RejectionCancelsTheCycleWithTheReason) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  const auto rejected = desk_->reject(c, alice({"too-close-to-fomc"}, "FOMC tomorrow"));
  ASSERT_TRUE(rejected.done) << rejected.sentence;
  EXPECT_EQ(rejected.code, ReasonCode::RejectedByHuman);
  EXPECT_EQ(store_->approval_for(c.candidate_id)->draft.decision,
            ports::ApprovalDecision::Rejected);
  EXPECT_EQ(store_->approval_for(c.candidate_id)->draft.reason, "FOMC tomorrow");
  const auto history = store_->bot_transitions("spy-ic-01");
  EXPECT_THAT(states(history), ElementsAre("signal_received", "risk_check", "awaiting_approval",
                                           "cancelled", "idle"));
  EXPECT_EQ(history[3].transition.reason_code, "rejected_by_human");
  EXPECT_EQ(history[3].transition.actor, "cli:alice");
  EXPECT_EQ(history[3].transition.reason, "rejected: FOMC tomorrow");

  const auto again = desk_->approve(c, alice());
  EXPECT_FALSE(again.done);
  EXPECT_THAT(again.sentence, HasSubstr("already rejected by cli:alice"));
}

TEST_F(ApprovalDeskTest, AwaitingApprovalTimesOutIntoCancelledAtFourHours) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  clock_.advance(4h - 1us);
  EXPECT_TRUE(desk_->expire_overdue().empty()) << "one microsecond before the deadline";
  clock_.advance(1us);
  const auto cancelled = desk_->expire_overdue();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0].transition.to, S::Cancelled);
  EXPECT_EQ(cancelled[0].transition.reason_code, "approval_timeout");
  EXPECT_EQ(cancelled[0].transition.at, kScanAt + 4h);
  EXPECT_EQ(cancelled[0].transition.candidate_id, c.candidate_id);
  EXPECT_EQ(bots_->status("spy-ic-01").state, S::Idle);
  EXPECT_TRUE(desk_->expire_overdue().empty()) << "cancelled once";

  const auto late = desk_->approve(c, alice());
  EXPECT_FALSE(late.done);
  EXPECT_EQ(late.code, ReasonCode::NotAwaitingApproval);
  EXPECT_THAT(late.sentence, HasSubstr("already ended: cancelled at 2024-06-03T17:50:00"));
  EXPECT_FALSE(store_->approval_for(c.candidate_id).has_value());
}

TEST_F(ApprovalDeskTest, AnAnswerAfterTheDeadlineCancelsInsteadOfApproving) {
  const auto c = pending("spy-ic-01", 1);
  desk_->submit(c, config::ApprovalMode::HumanRequired);
  clock_.advance(4h + 1s);  // nobody ran expire_overdue yet
  const auto late = desk_->approve(c, alice());
  EXPECT_FALSE(late.done);
  EXPECT_EQ(late.code, ReasonCode::ApprovalTimeout);
  EXPECT_THAT(late.sentence, HasSubstr("window closed at 2024-06-03T17:50:00"));
  EXPECT_EQ(bots_->status("spy-ic-01").state, S::Idle);
  EXPECT_EQ(store_->bot_transitions("spy-ic-01")[3].transition.reason_code, "approval_timeout");
}

TEST_F(ApprovalDeskTest, TheTimeoutIsConfigurable) {
  ApprovalDesk quick(*store_, *bots_, clock_, std::chrono::minutes(30));
  const auto c = pending("spy-ic-01", 1);
  quick.submit(c, config::ApprovalMode::HumanRequired);
  clock_.advance(29min);
  EXPECT_TRUE(quick.expire_overdue().empty());
  clock_.advance(1min);
  ASSERT_EQ(quick.expire_overdue().size(), 1u);
  EXPECT_THAT(store_->bot_transitions("spy-ic-01")[3].transition.reason,
              HasSubstr("no answer within 30 min"));
  EXPECT_THROW(ApprovalDesk(*store_, *bots_, clock_, std::chrono::seconds(0)),
               std::invalid_argument);
}

TEST_F(ApprovalDeskTest, TheWindowOpensWhenTheScanCreatedTheCandidate) {
  // The scan ran at kScanAt; the bot is brought to the candidate only at the
  // trader's answer, 3 h later: one hour remains, not four.
  const auto c = pending("spy-ic-01", 1);
  clock_.advance(3h);
  EXPECT_EQ(desk_->deadline(c, clock_.now()), kScanAt + 4h);
  auto expiring = c;
  expiring.expires_at = kScanAt + 2h;
  EXPECT_EQ(desk_->deadline(expiring, clock_.now()), kScanAt + 2h) << "its own expiry is earlier";
  clock_.advance(1h);
  const auto late = desk_->approve(c, alice());
  EXPECT_FALSE(late.done);
  EXPECT_EQ(late.code, ReasonCode::ApprovalTimeout);
  EXPECT_TRUE(store_->bot_transitions("spy-ic-01").empty()) << "never brought to the bot";
}

TEST_F(ApprovalDeskTest, AnAnswerBringsAnUnsubmittedCandidateToItsBotFirst) {
  const auto c = pending("spy-ic-01", 1);
  clock_.advance(10min);
  const auto approved = desk_->approve(c, alice());
  ASSERT_TRUE(approved.done) << approved.sentence;
  EXPECT_THAT(states(store_->bot_transitions("spy-ic-01")),
              ElementsAre("signal_received", "risk_check", "awaiting_approval"));
}

TEST_F(ApprovalDeskTest, AutoExecuteBotsAreApprovedByTheEngineAtOnce) {
  const auto c = pending("btc-cm-01", 1);
  const auto submitted = desk_->submit(c, config::ApprovalMode::AutoExecute);
  ASSERT_TRUE(submitted.done);
  ASSERT_TRUE(submitted.decision.has_value());
  EXPECT_EQ(submitted.decision->draft.actor, "engine");
  EXPECT_EQ(submitted.decision->draft.channel, ports::ApprovalChannel::Automatic);
  EXPECT_EQ(store_->approval_for(c.candidate_id), submitted.decision);
  clock_.advance(5h);
  EXPECT_TRUE(desk_->expire_overdue().empty());
}

TEST_F(ApprovalDeskTest, ARiskRefusalEndsTheCycleWithoutAsking) {
  const auto c = pending("spy-ic-01", 1);
  const auto refused =
      desk_->submit(c, config::ApprovalMode::HumanRequired, ReasonCode::PortfolioHeatExceeded);
  EXPECT_FALSE(refused.done);
  EXPECT_EQ(refused.code, ReasonCode::PortfolioHeatExceeded);
  const auto history = store_->bot_transitions("spy-ic-01");
  EXPECT_THAT(states(history), ElementsAre("signal_received", "risk_check", "rejected", "idle"));
  EXPECT_EQ(history[2].transition.reason_code, "portfolio_heat_exceeded");
  const auto answer = desk_->approve(c, alice());
  EXPECT_FALSE(answer.done) << "a refused candidate is not reopened";
  EXPECT_THAT(answer.sentence, HasSubstr("already ended"));
  const auto again = desk_->submit(c, config::ApprovalMode::HumanRequired);
  EXPECT_FALSE(again.done) << "nor submitted a second time";
  EXPECT_EQ(store_->bot_transitions("spy-ic-01").size(), 4u);
}

TEST_F(ApprovalDeskTest, ABusyBotDoesNotTakeASecondCandidate) {
  const auto first = pending("spy-ic-01", 1);
  const auto second = pending("spy-ic-01", 2);
  desk_->submit(first, config::ApprovalMode::HumanRequired);
  const auto refused = desk_->submit(second, config::ApprovalMode::HumanRequired);
  EXPECT_FALSE(refused.done);
  EXPECT_EQ(refused.code, ReasonCode::IllegalTransition);
  const auto answer = desk_->approve(second, alice());
  EXPECT_FALSE(answer.done);
  EXPECT_THAT(answer.sentence, HasSubstr("is awaiting_approval with candidate " +
                                         std::to_string(first.candidate_id)));
  EXPECT_EQ(store_->bot_transitions("spy-ic-01").size(), 3u);
}

}  // namespace
}  // namespace dorado::engine::testing
