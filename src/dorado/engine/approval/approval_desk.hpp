#pragma once
// The human step (DESIGN.md section 5.6). A selected candidate is brought to
// its bot (IDLE -> SIGNAL_RECEIVED -> RISK_CHECK -> AWAITING_APPROVAL), where
// it waits for an answer:
//   - approve: the decision is recorded (with its tags) and the bot stays in
//     AWAITING_APPROVAL until the order path takes the approval through the
//     ApprovalGate, which moves it to EXECUTING;
//   - reject: recorded, and the bot goes CANCELLED -> IDLE;
//   - no answer before the deadline: CANCELLED -> IDLE (approval_timeout).
// The deadline is the approval timeout (risk_policy.yaml approval.timeout,
// 4 h by default) after the candidate was created or the bot began waiting,
// whichever is earlier, and never later than the candidate's own expiry. All
// times come from the injected clock.
//
// A bot whose approval_mode is auto_execute gets its approval written by the
// engine (actor "engine", channel automatic) as soon as it waits: the order
// path is the same, so no order ever runs without an approval record.
#include <chrono>
#include <functional>
#include <optional>
#include <vector>

#include "dorado/config/bot.hpp"
#include "dorado/engine/approval/approval_outcome.hpp"
#include "dorado/engine/lifecycle/bot_state_machine.hpp"

namespace dorado::engine {

class ApprovalDesk {
 public:
  // All must outlive the desk; `timeout` must be positive.
  ApprovalDesk(ports::Store& store, BotStateMachine& bots, const ports::Clock& clock,
               std::chrono::seconds timeout);

  // Brings the candidate to its bot (which must be IDLE). With `risk_refusal`
  // the bot goes RISK_CHECK -> REJECTED -> IDLE instead of waiting.
  ApprovalOutcome submit(const CandidateForApproval& candidate, config::ApprovalMode mode,
                         std::optional<ReasonCode> risk_refusal = std::nullopt);
  // The answers. A candidate whose bot is still IDLE (the scan has not
  // brought it yet) is submitted first, as human_required.
  ApprovalOutcome approve(const CandidateForApproval& candidate, const Answer& answer);
  ApprovalOutcome reject(const CandidateForApproval& candidate, const Answer& answer);

  // Cancels every bot still waiting, unanswered, past its deadline; returns
  // the CANCELLED transitions.
  std::vector<ports::BotTransitionRecord> expire_overdue();

  // Where the candidate stands now; reads only.
  CandidateStanding standing(const CandidateForApproval& candidate);

  // When the approval window of a candidate whose bot began waiting at
  // `waiting_since` closes.
  Timestamp deadline(const CandidateForApproval& candidate, Timestamp waiting_since) const;

 private:
  ApprovalOutcome answer(const CandidateForApproval& candidate, const Answer& answer,
                         ports::ApprovalDecision decision);
  // The bot waiting for exactly this candidate, or why not.
  std::optional<ApprovalOutcome> check_waiting(const CandidateForApproval& candidate,
                                               const BotStatus& bot);
  std::optional<ApprovalOutcome> ended_cycle(const CandidateForApproval& candidate);
  // CANCELLED then IDLE; the CANCELLED record, or nothing when the bot had moved on.
  std::optional<ports::BotTransitionRecord> cancel(const std::string& bot_id, ReasonCode code,
                                                   const std::string& actor,
                                                   const std::string& sentence);
  // Runs `work` in one store transaction; on failure re-mirrors the bot.
  void atomically(const std::string& bot_id, const std::function<void()>& work);
  ports::ApprovalRecord record(const CandidateForApproval& candidate, const Answer& answer,
                               ports::ApprovalDecision decision);

  ports::Store& store_;
  BotStateMachine& bots_;
  const ports::Clock& clock_;
  std::chrono::seconds timeout_;
};

}  // namespace dorado::engine
