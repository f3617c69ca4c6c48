// The scan's selection brought to the bots with each bot's approval mode.
#include "dorado/engine/approval/selection_intake.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/approval/approval_fixture.hpp"

namespace dorado::engine::testing {
namespace {

class SelectionIntakeTest : public ApprovalFixture {
 protected:
  static config::BotConfig bot(std::string id, config::ApprovalMode mode, bool enabled = true) {
    config::BotConfig b;
    b.id = std::move(id);
    b.approval_mode = mode;
    b.enabled = enabled;
    return b;
  }
  ports::CandidateRecord row(const std::string& bot_id, int rank, std::string status) {
    ports::CandidateRecord c;
    c.id = candidate(bot_id, rank);
    c.bot_id = bot_id;
    c.status = std::move(status);
    c.created_at = kScanAt;
    return c;
  }
};

TEST_F(SelectionIntakeTest, EachSelectedCandidateWaitsOrIsApprovedByItsBotsMode) {
  config::Configuration configuration;
  configuration.bots = {bot("spy-ic-01", config::ApprovalMode::HumanRequired),
                        bot("btc-cm-01", config::ApprovalMode::AutoExecute),
                        bot("gld-ic-01", config::ApprovalMode::HumanRequired, false)};
  const std::vector<ports::CandidateRecord> rows{
      row("spy-ic-01", 1, "selected"), row("btc-cm-01", 2, "selected"),
      row("gld-ic-01", 3, "selected"), row("tlt-ic-01", 4, "selected"),
      row("usdjpy-fxm-01", 5, "paper")};
  const auto lines = submit_selected(*desk_, configuration, rows);
  ASSERT_EQ(lines.size(), 4u) << "the paper candidate is not asked about";
  EXPECT_TRUE(lines[0].outcome.done);
  EXPECT_FALSE(lines[0].outcome.decision.has_value());
  EXPECT_TRUE(lines[1].outcome.done);
  ASSERT_TRUE(lines[1].outcome.decision.has_value());
  EXPECT_EQ(lines[1].outcome.decision->draft.channel, ports::ApprovalChannel::Automatic);
  EXPECT_EQ(lines[2].outcome.code, ReasonCode::BotPaused);
  EXPECT_EQ(lines[3].outcome.code, ReasonCode::UnknownBot);
  EXPECT_EQ(bots_->status("spy-ic-01").state, BotState::AwaitingApproval);
  EXPECT_EQ(bots_->status("btc-cm-01").state, BotState::AwaitingApproval);
  EXPECT_EQ(bots_->status("gld-ic-01").state, BotState::Idle);
  EXPECT_EQ(bots_->status("usdjpy-fxm-01").state, BotState::Idle);
  EXPECT_TRUE(gate_->authorize("btc-cm-01", rows[1].id, "btc-1").granted());
  EXPECT_FALSE(gate_->authorize("spy-ic-01", rows[0].id, "spy-1").granted());
}

}  // namespace
}  // namespace dorado::engine::testing
