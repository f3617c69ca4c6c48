#include "dorado/engine/approval/approval_gate.hpp"

#include <stdexcept>

namespace dorado::engine {

namespace {

GateDecision refuse(ReasonCode code, std::string sentence) {
  return {std::nullopt, code, std::move(sentence)};
}

// Thrown inside the transaction to undo the move when another order path
// marked the approval used first.
struct UsedConcurrently {};

std::string candidate_text(std::int64_t id) {
  return "candidate " + std::to_string(id);
}

}  // namespace

ApprovalGate::ApprovalGate(ports::Store& store, BotStateMachine& bots)
    : store_(store), bots_(bots) {}

GateDecision ApprovalGate::authorize(const std::string& bot_id, std::int64_t candidate_id,
                                     const std::string& order_ref) {
  if (order_ref.empty()) throw std::invalid_argument("authorize: empty order reference");
  const auto bot = bots_.status(bot_id);
  if (bot.state != BotState::AwaitingApproval || bot.candidate_id != candidate_id)
    return refuse(
        ReasonCode::NotAwaitingApproval,
        "bot " + bot_id + " is " + std::string(name_of(bot.state)) +
            (bot.candidate_id ? " with candidate " + std::to_string(*bot.candidate_id) : "") +
            ", not awaiting approval for " + candidate_text(candidate_id));
  const auto approval = store_.approval_for(candidate_id);
  if (!approval)
    return refuse(ReasonCode::ApprovalMissing,
                  "no approval record for " + candidate_text(candidate_id));
  const auto& d = approval->draft;
  if (d.decision != ports::ApprovalDecision::Approved)
    return refuse(ReasonCode::RejectedByHuman,
                  candidate_text(candidate_id) + " was rejected by " + d.actor);
  if (d.bot_id != bot_id)
    return refuse(ReasonCode::ApprovalMissing, "the approval of " + candidate_text(candidate_id) +
                                                   " is for bot " + d.bot_id + ", not " + bot_id);
  if (approval->used_at)
    return refuse(ReasonCode::ApprovalAlreadyUsed,
                  "the approval of " + candidate_text(candidate_id) + " was used by " +
                      approval->used_by.value_or("?") + " at " + to_iso8601(*approval->used_at));

  GateDecision decision =
      refuse(ReasonCode::ApprovalAlreadyUsed,
             "the approval of " + candidate_text(candidate_id) + " was used concurrently");
  try {
    store_.transaction([&](ports::Store&) {
      const auto moved =
          bots_.move(bot_id, {BotState::Executing, "engine", std::nullopt,
                              "approved by " + d.actor + "; order " + order_ref, candidate_id});
      if (!moved.moved()) {
        decision = refuse(moved.refusal_code, moved.refusal);
        return;
      }
      // Used and moved together: if the mark fails, the move is undone.
      if (!store_.use_approval(approval->id, order_ref, moved.record->transition.at))
        throw UsedConcurrently{};
      decision = {ExecutionPermit(approval->id, candidate_id, bot_id, order_ref),
                  ReasonCode::Selected, ""};
    });
  } catch (const UsedConcurrently&) {
    bots_.status(bot_id);  // the rolled-back move was mirrored: refresh from the store
  } catch (...) {
    bots_.status(bot_id);
    throw;
  }
  return decision;
}

}  // namespace dorado::engine
