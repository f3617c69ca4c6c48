#include "dorado/engine/approval/approval_desk.hpp"

#include <algorithm>
#include <stdexcept>

namespace dorado::engine {

namespace {

std::string candidate_text(std::int64_t id) {
  return "candidate " + std::to_string(id);
}

TransitionRequest step(BotState to, std::optional<std::int64_t> candidate_id, std::string actor,
                       std::optional<ReasonCode> code, std::string reason) {
  return {to, std::move(actor), code, std::move(reason), candidate_id};
}

std::string duration_text(std::chrono::seconds d) {
  if (d.count() % 3600 == 0) return std::to_string(d.count() / 3600) + " h";
  if (d.count() % 60 == 0) return std::to_string(d.count() / 60) + " min";
  return std::to_string(d.count()) + " s";
}

}  // namespace

ApprovalDesk::ApprovalDesk(ports::Store& store, BotStateMachine& bots, const ports::Clock& clock,
                           std::chrono::seconds timeout)
    : store_(store), bots_(bots), clock_(clock), timeout_(timeout) {
  if (timeout_.count() <= 0)
    throw std::invalid_argument("approval timeout must be positive, got " +
                                std::to_string(timeout_.count()) + " s");
}

Timestamp ApprovalDesk::deadline(const CandidateForApproval& candidate,
                                 Timestamp waiting_since) const {
  const Timestamp opened = std::min(candidate.created_at, waiting_since);
  Timestamp closes = opened + timeout_;
  if (candidate.expires_at) closes = std::min(closes, *candidate.expires_at);
  return closes;
}

ApprovalOutcome ApprovalDesk::submit(const CandidateForApproval& candidate,
                                     config::ApprovalMode mode,
                                     std::optional<ReasonCode> risk_refusal) {
  const auto id = candidate.candidate_id;
  // A candidate gets one cycle: a second submission (a repeated intake) must
  // not reopen one that was decided, refused or cancelled.
  if (store_.approval_for(id))
    return ApprovalOutcome::refused(ReasonCode::NotAwaitingApproval,
                                    candidate_text(id) + " was already decided");
  if (auto ended = ended_cycle(candidate)) return *ended;
  ApprovalOutcome outcome;
  atomically(candidate.bot_id, [&] {
    for (const auto to : {BotState::SignalReceived, BotState::RiskCheck}) {
      const auto moved = bots_.move(
          candidate.bot_id,
          step(to, id, "engine", std::nullopt, candidate_text(id) + " from the daily scan"));
      if (!moved.moved()) {
        outcome = ApprovalOutcome::refused(moved.refusal_code, moved.refusal);
        return;
      }
    }
    if (risk_refusal) {
      bots_.move(candidate.bot_id, step(BotState::Rejected, id, "engine", risk_refusal, ""));
      bots_.move(candidate.bot_id, step(BotState::Idle, std::nullopt, "engine", std::nullopt,
                                        "ready for the next signal"));
      outcome =
          ApprovalOutcome::refused(*risk_refusal, std::string(info_of(*risk_refusal).description));
      return;
    }
    bots_.move(candidate.bot_id,
               step(BotState::AwaitingApproval, id, "engine", ReasonCode::Selected, ""));
    outcome = {true, ReasonCode::Selected, candidate_text(id) + " awaits approval", std::nullopt};
    if (mode == config::ApprovalMode::AutoExecute)
      outcome.decision =
          record(candidate, {"engine", ports::ApprovalChannel::Automatic, {}, "auto_execute"},
                 ports::ApprovalDecision::Approved);
  });
  return outcome;
}

ApprovalOutcome ApprovalDesk::approve(const CandidateForApproval& candidate, const Answer& answer) {
  return this->answer(candidate, answer, ports::ApprovalDecision::Approved);
}

ApprovalOutcome ApprovalDesk::reject(const CandidateForApproval& candidate, const Answer& answer) {
  return this->answer(candidate, answer, ports::ApprovalDecision::Rejected);
}

ApprovalOutcome ApprovalDesk::answer(const CandidateForApproval& candidate, const Answer& answer,
                                     ports::ApprovalDecision decision) {
  const auto id = candidate.candidate_id;
  if (const auto earlier = store_.approval_for(id))
    return ApprovalOutcome::refused(
        ReasonCode::NotAwaitingApproval,
        candidate_text(id) + " was already " + std::string(name_of(earlier->draft.decision)) +
            " by " + earlier->draft.actor + " at " + to_iso8601(earlier->draft.at));
  BotStatus bot = bots_.status(candidate.bot_id);
  if (bot.state == BotState::Idle) {
    if (auto ended = ended_cycle(candidate)) return *ended;
    // Not brought to its bot yet: open its window now. The deadline still
    // counts from the candidate's creation.
    if (clock_.now() >= deadline(candidate, clock_.now()))
      return ApprovalOutcome::refused(ReasonCode::ApprovalTimeout,
                                      candidate_text(id) + "'s approval window closed at " +
                                          to_iso8601(deadline(candidate, clock_.now())));
    const auto submitted = submit(candidate, config::ApprovalMode::HumanRequired);
    if (!submitted.done) return submitted;
    bot = bots_.status(candidate.bot_id);
  }
  if (auto why_not = check_waiting(candidate, bot)) return *why_not;

  ApprovalOutcome outcome{true, ReasonCode::Selected, "", std::nullopt};
  atomically(candidate.bot_id, [&] {
    outcome.decision = record(candidate, answer, decision);
    if (decision == ports::ApprovalDecision::Rejected) {
      outcome.code = ReasonCode::RejectedByHuman;
      cancel(candidate.bot_id, ReasonCode::RejectedByHuman, answer.actor,
             answer.reason.empty() ? "" : "rejected: " + answer.reason);
      outcome.sentence = candidate_text(id) + " rejected; bot " + candidate.bot_id + " is idle";
    } else {
      outcome.sentence =
          candidate_text(id) + " approved; bot " + candidate.bot_id + " awaits execution";
    }
  });
  return outcome;
}

std::optional<ApprovalOutcome> ApprovalDesk::check_waiting(const CandidateForApproval& candidate,
                                                           const BotStatus& bot) {
  const auto id = candidate.candidate_id;
  if (bot.state != BotState::AwaitingApproval || bot.candidate_id != id)
    return ApprovalOutcome::refused(
        ReasonCode::NotAwaitingApproval,
        "bot " + candidate.bot_id + " is " + std::string(name_of(bot.state)) +
            (bot.candidate_id ? " with candidate " + std::to_string(*bot.candidate_id) : "") +
            ", not awaiting approval for " + candidate_text(id));
  const Timestamp closes = deadline(candidate, bot.since.value_or(candidate.created_at));
  if (clock_.now() >= closes) {
    const std::string sentence =
        candidate_text(id) + "'s approval window closed at " + to_iso8601(closes);
    cancel(candidate.bot_id, ReasonCode::ApprovalTimeout, "engine", sentence);
    return ApprovalOutcome::refused(ReasonCode::ApprovalTimeout, sentence);
  }
  return std::nullopt;
}

CandidateStanding ApprovalDesk::standing(const CandidateForApproval& candidate) {
  const auto id = candidate.candidate_id;
  if (const auto decision = store_.approval_for(id)) {
    const auto& d = decision->draft;
    const std::string by = "by " + d.actor + " at " + to_iso8601(d.at);
    if (d.decision == ports::ApprovalDecision::Rejected)
      return {Standing::Rejected, std::nullopt, by + (d.reason.empty() ? "" : ": " + d.reason)};
    if (decision->used_by)
      return {Standing::Executing, std::nullopt, "order " + *decision->used_by};
    return {Standing::Approved, std::nullopt, by};
  }
  const auto bot = bots_.status(candidate.bot_id);
  const Timestamp now = clock_.now();
  if (bot.state == BotState::AwaitingApproval && bot.candidate_id == id) {
    const auto closes = deadline(candidate, bot.since.value_or(now));
    if (now >= closes)
      return {Standing::Closed, std::nullopt, "window closed " + to_iso8601(closes)};
    return {Standing::Pending, closes, ""};
  }
  if (auto ended = ended_cycle(candidate)) return {Standing::Closed, std::nullopt, ended->sentence};
  const auto closes = deadline(candidate, now);
  if (now >= closes) return {Standing::Closed, std::nullopt, "window closed " + to_iso8601(closes)};
  if (bot.state != BotState::Idle)
    return {Standing::Blocked, closes,
            "bot " + candidate.bot_id + " is " + std::string(name_of(bot.state)) +
                (bot.candidate_id ? " with candidate " + std::to_string(*bot.candidate_id) : "")};
  return {Standing::Pending, closes, ""};
}

std::optional<ApprovalOutcome> ApprovalDesk::ended_cycle(const CandidateForApproval& candidate) {
  // A candidate is brought to its bot once: a cycle that ended (rejected by
  // the risk check, cancelled) is not reopened by a late answer.
  const auto history = store_.bot_transitions(candidate.bot_id);
  const auto last = std::find_if(history.rbegin(), history.rend(), [&](const auto& r) {
    return r.transition.candidate_id == candidate.candidate_id;
  });
  if (last == history.rend()) return std::nullopt;
  return ApprovalOutcome::refused(
      ReasonCode::NotAwaitingApproval,
      candidate_text(candidate.candidate_id) + "'s cycle on bot " + candidate.bot_id +
          " already ended: " + std::string(name_of(last->transition.to)) + " at " +
          to_iso8601(last->transition.at) + " (" + last->transition.reason + ")");
}

std::vector<ports::BotTransitionRecord> ApprovalDesk::expire_overdue() {
  std::vector<ports::BotTransitionRecord> cancelled;
  const Timestamp now = clock_.now();
  for (const auto& waiting : store_.bots_in_state(BotState::AwaitingApproval)) {
    const auto& t = waiting.transition;
    // An approved candidate waits for the order path, not for a human.
    if (t.candidate_id && store_.approval_for(*t.candidate_id)) continue;
    if (now < t.at + timeout_) continue;
    if (auto record =
            cancel(t.bot_id, ReasonCode::ApprovalTimeout, "engine",
                   "no answer within " + duration_text(timeout_) + " of " + to_iso8601(t.at)))
      cancelled.push_back(std::move(*record));
  }
  return cancelled;
}

std::optional<ports::BotTransitionRecord> ApprovalDesk::cancel(const std::string& bot_id,
                                                               ReasonCode code,
                                                               const std::string& actor,
                                                               const std::string& sentence) {
  std::optional<ports::BotTransitionRecord> cancelled;
  atomically(bot_id, [&] {
    const auto moved =
        bots_.move(bot_id, step(BotState::Cancelled, std::nullopt, actor, code, sentence));
    if (!moved.moved()) return;
    cancelled = moved.record;
    bots_.move(bot_id, step(BotState::Idle, std::nullopt, actor, std::nullopt,
                            "ready for the next signal"));
  });
  return cancelled;
}

void ApprovalDesk::atomically(const std::string& bot_id, const std::function<void()>& work) {
  try {
    store_.transaction([&](ports::Store&) { work(); });
  } catch (...) {
    // The moves inside were mirrored as they happened; the store rolled them
    // back, so the mirror is refreshed from the store before the error goes on.
    bots_.status(bot_id);
    throw;
  }
}

ports::ApprovalRecord ApprovalDesk::record(const CandidateForApproval& candidate,
                                           const Answer& answer, ports::ApprovalDecision decision) {
  return store_.record_approval({candidate.candidate_id, candidate.bot_id, decision, answer.actor,
                                 answer.channel, clock_.now(), answer.reason, answer.tags});
}

}  // namespace dorado::engine
