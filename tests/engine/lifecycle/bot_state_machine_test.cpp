// The bot state machine on a real store and cache: the PRD's table, refusals
// that write nothing, every move persisted, audited and mirrored, and the
// state recovered from the store when the cache is lost.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "dorado/cache/keys.hpp"
#include "engine/lifecycle/lifecycle_fixture.hpp"

namespace dorado::engine::testing {
namespace {

using S = BotState;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::array kAllStates{
    S::Idle,      S::SignalReceived, S::RiskCheck, S::Rejected,  S::AwaitingApproval,
    S::Executing, S::Monitoring,     S::Closing,   S::Cancelled, S::Failed};

// The PRD's diagram written out edge by edge, independently of the table in
// bot_state_machine.cpp.
const std::set<std::pair<S, S>> kDiagram{
    {S::Idle, S::SignalReceived},
    {S::SignalReceived, S::RiskCheck},
    {S::RiskCheck, S::Rejected},
    {S::RiskCheck, S::AwaitingApproval},
    {S::AwaitingApproval, S::Executing},
    {S::AwaitingApproval, S::Cancelled},
    {S::Executing, S::Monitoring},
    {S::Executing, S::Failed},
    {S::Monitoring, S::Closing},
    {S::Monitoring, S::RiskCheck},
    {S::Closing, S::Idle},
    {S::Closing, S::Failed},
    {S::Rejected, S::Idle},
    {S::Cancelled, S::Idle},
    {S::Failed, S::Idle},
};

// A path from IDLE to each state, through legal moves only.
std::vector<S> path_to(S target) {
  const std::map<S, std::vector<S>> paths{
      {S::Idle, {}},
      {S::SignalReceived, {S::SignalReceived}},
      {S::RiskCheck, {S::SignalReceived, S::RiskCheck}},
      {S::Rejected, {S::SignalReceived, S::RiskCheck, S::Rejected}},
      {S::AwaitingApproval, {S::SignalReceived, S::RiskCheck, S::AwaitingApproval}},
      {S::Executing, {S::SignalReceived, S::RiskCheck, S::AwaitingApproval, S::Executing}},
      {S::Monitoring,
       {S::SignalReceived, S::RiskCheck, S::AwaitingApproval, S::Executing, S::Monitoring}},
      {S::Closing,
       {S::SignalReceived, S::RiskCheck, S::AwaitingApproval, S::Executing, S::Monitoring,
        S::Closing}},
      {S::Cancelled, {S::SignalReceived, S::RiskCheck, S::AwaitingApproval, S::Cancelled}},
      {S::Failed, {S::SignalReceived, S::RiskCheck, S::AwaitingApproval, S::Executing, S::Failed}},
  };
  return paths.at(target);
}

TEST(BotStateTable, IsExactlyThePrdDiagram) {
  for (const auto from : kAllStates)
    for (const auto to : kAllStates)
      EXPECT_EQ(is_legal_transition(from, to), kDiagram.count({from, to}) == 1)
          << name_of(from) << " -> " << name_of(to);
}

class BotStateMachineTest : public LifecycleFixture {
 protected:
  void drive_to(const std::string& bot, S target) {
    for (const auto to : path_to(target)) {
      const auto outcome = bots_->move(bot, {to, "engine", std::nullopt, "", std::nullopt});
      ASSERT_TRUE(outcome.moved()) << outcome.refusal;
    }
  }
};

TEST_F(BotStateMachineTest, EveryIllegalMoveFromEveryStateIsRefusedAndWritesNothing) {
  int refused = 0;
  for (const auto from : kAllStates) {
    const std::string bot = "bot-" + std::string(name_of(from));
    drive_to(bot, from);
    const auto history = store_->bot_transitions(bot);
    const auto audit = store_->read_audit(0, 1000).size();
    for (const auto to : kAllStates) {
      if (kDiagram.count({from, to})) continue;
      const auto outcome = bots_->move(bot, {to, "engine", std::nullopt, "", std::nullopt});
      ASSERT_FALSE(outcome.moved()) << name_of(from) << " -> " << name_of(to);
      EXPECT_EQ(outcome.refusal_code, ReasonCode::IllegalTransition);
      EXPECT_THAT(outcome.refusal, HasSubstr("cannot move to"));
      ++refused;
    }
    EXPECT_EQ(store_->bot_transitions(bot), history) << name_of(from);
    EXPECT_EQ(store_->read_audit(0, 1000).size(), audit) << name_of(from);
    EXPECT_EQ(bots_->status(bot).state, from);
  }
  EXPECT_EQ(refused, 100 - 15);
}

TEST_F(BotStateMachineTest, RefusalNamesTheLegalMoves) {
  const auto outcome = bots_->move("spy-ic-01", {S::Monitoring, "engine", std::nullopt, "", {}});
  EXPECT_EQ(outcome.refusal,
            "a bot in IDLE cannot move to MONITORING; it may only move to "
            "SIGNAL_RECEIVED");
  drive_to("spy-ic-02", S::Monitoring);
  EXPECT_EQ(bots_->move("spy-ic-02", {S::Idle, "engine", std::nullopt, "", {}}).refusal,
            "a bot in MONITORING cannot move to IDLE; it may only move to CLOSING or RISK_CHECK");
}

TEST_F(BotStateMachineTest, AFullCycleWithARollIsPersistedAuditedAndMirrored) {
  const std::int64_t entry = 11, roll = 12;
  walk("spy-ic-01", {S::SignalReceived, S::RiskCheck, S::AwaitingApproval}, entry);
  clock_.advance(10min);
  walk("spy-ic-01", {S::Executing, S::Monitoring});
  clock_.advance(24h);
  // Re-entry from MONITORING for a roll: a new trade idea through the checks.
  walk("spy-ic-01", {S::RiskCheck, S::AwaitingApproval, S::Executing, S::Monitoring}, roll);
  clock_.advance(24h);
  walk("spy-ic-01", {S::Closing, S::Idle});

  const auto history = store_->bot_transitions("spy-ic-01");
  ASSERT_EQ(history.size(), 11u);
  std::vector<std::string> moves;
  for (const auto& r : history)
    moves.push_back(std::string(name_of(r.transition.from)) + ">" +
                    std::string(name_of(r.transition.to)));
  EXPECT_THAT(moves, ElementsAre("idle>signal_received", "signal_received>risk_check",
                                 "risk_check>awaiting_approval", "awaiting_approval>executing",
                                 "executing>monitoring", "monitoring>risk_check",
                                 "risk_check>awaiting_approval", "awaiting_approval>executing",
                                 "executing>monitoring", "monitoring>closing", "closing>idle"));
  // The trade idea is carried through the cycle, replaced by the roll, and
  // cleared when the bot is idle again.
  EXPECT_EQ(history[4].transition.candidate_id, entry);
  EXPECT_EQ(history[5].transition.candidate_id, roll);
  EXPECT_EQ(history[9].transition.candidate_id, roll);
  EXPECT_FALSE(history[10].transition.candidate_id.has_value());
  // Times are the injected clock's.
  EXPECT_EQ(history[0].transition.at, kScanAt);
  EXPECT_EQ(history[3].transition.at, kScanAt + 10min);
  EXPECT_EQ(history[10].transition.at, kScanAt + 10min + 48h);

  const auto audit = store_->read_audit(0, 100);
  ASSERT_EQ(audit.size(), 11u);
  for (std::size_t i = 0; i < audit.size(); ++i) {
    EXPECT_EQ(audit[i].entry.action, "bot.transition");
    EXPECT_EQ(audit[i].entry.entity_id, "spy-ic-01");
    EXPECT_EQ(nlohmann::json::parse(audit[i].entry.detail_json)["seq"], history[i].seq);
  }
  EXPECT_TRUE(store_->verify_audit_chain().intact());

  const auto mirrored = cache_->get(cache::keys::bot_state("spy-ic-01"));
  ASSERT_TRUE(mirrored.has_value());
  EXPECT_EQ(bot_status_from_json(*mirrored), bots_->status("spy-ic-01"));
  EXPECT_EQ(bot_status_from_json(*mirrored)->state, S::Idle);
  EXPECT_EQ(bot_status_from_json(*mirrored)->seq, 11);
}

TEST_F(BotStateMachineTest, StateIsRecoveredFromTheStoreWhenTheCacheIsLost) {
  walk("spy-ic-01", {S::SignalReceived, S::RiskCheck, S::AwaitingApproval}, 7);
  const BotStatus before = bots_->status("spy-ic-01");
  EXPECT_EQ(before.state, S::AwaitingApproval);
  EXPECT_EQ(before.candidate_id, 7);
  EXPECT_EQ(before.since, kScanAt);

  // The cache is lost (a Redis restart): a fresh, empty one.
  cache::MemoryCache flushed(clock_);
  EXPECT_FALSE(flushed.exists(cache::keys::bot_state("spy-ic-01")));
  EXPECT_EQ(read_bot_status(flushed, *store_, "spy-ic-01"), before);
  EXPECT_TRUE(flushed.exists(cache::keys::bot_state("spy-ic-01"))) << "re-mirrored";

  // The mirror also expires with its TTL; the store still answers.
  clock_.advance(cache::keys::kBotStateTtl + 1s);
  EXPECT_FALSE(cache_->exists(cache::keys::bot_state("spy-ic-01")));
  EXPECT_EQ(read_bot_status(*cache_, *store_, "spy-ic-01"), before);

  // A machine started on the flushed cache continues from the stored state.
  BotStateMachine restarted(*store_, flushed, clock_);
  EXPECT_TRUE(restarted.move("spy-ic-01", {S::Executing, "engine", std::nullopt, "", {}}).moved());
}

TEST_F(BotStateMachineTest, AStaleOrCorruptMirrorNeverDecidesAMove) {
  cache_->set(cache::keys::bot_state("spy-ic-01"),
              R"({"bot_id":"spy-ic-01","state":"monitoring","seq":9,"since_us":null,)"
              R"("candidate_id":null})");
  EXPECT_FALSE(bots_->move("spy-ic-01", {S::Closing, "engine", std::nullopt, "", {}}).moved())
      << "the store says idle";
  EXPECT_TRUE(
      bots_->move("spy-ic-01", {S::SignalReceived, "engine", std::nullopt, "", {}}).moved());

  cache_->set(cache::keys::bot_state("spy-ic-01"), "not json");
  EXPECT_EQ(read_bot_status(*cache_, *store_, "spy-ic-01").state, S::SignalReceived);
}

TEST_F(BotStateMachineTest, ReasonCodeAndSentenceAreKept) {
  walk("spy-ic-01", {S::SignalReceived, S::RiskCheck});
  const auto outcome = bots_->move(
      "spy-ic-01", {S::Rejected, "engine", ReasonCode::PortfolioHeatExceeded, "", std::nullopt});
  ASSERT_TRUE(outcome.moved());
  EXPECT_EQ(outcome.record->transition.reason_code, "portfolio_heat_exceeded");
  EXPECT_EQ(outcome.record->transition.reason,
            "adding the trade would exceed the portfolio heat limit");
  EXPECT_EQ(store_->latest_bot_transition("spy-ic-01"), outcome.record);
}

TEST(BotStatusJson, RoundTripsExactly) {
  const BotStatus s{"btc-cm-01", S::Monitoring, sys_days{2024y / June / 3} + 13h + 50min + 123456us,
                    42, 77};
  EXPECT_EQ(bot_status_from_json(bot_status_json(s)), s);
  const BotStatus idle{"x", S::Idle, std::nullopt, 0, std::nullopt};
  EXPECT_EQ(bot_status_from_json(bot_status_json(idle)), idle);
  EXPECT_FALSE(bot_status_from_json(R"({"bot_id":"x","state":"sleeping","seq":1})").has_value());
}

}  // namespace
}  // namespace dorado::engine::testing
