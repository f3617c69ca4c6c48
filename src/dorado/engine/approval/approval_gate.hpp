#pragma once
// The execution guard: no order without an approval record (DESIGN.md 5.6).
// The order path asks the gate before it persists or sends anything; only the
// gate can mint an ExecutionPermit, so a function that takes one cannot be
// reached without passing here. The gate grants a permit when, and only when:
//   - the bot is AWAITING_APPROVAL for exactly this candidate (not cancelled,
//     not timed out, not moved on to another idea);
//   - the store holds an approved decision for this candidate, for this bot;
//   - that approval was never used (it is marked used, and the bot moved to
//     EXECUTING, in one store transaction: a replayed approval finds it used).
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/domain/reason_code.hpp"
#include "dorado/engine/lifecycle/bot_state_machine.hpp"

namespace dorado::engine {

class ApprovalGate;

// Proof that one approval authorised one order path. Copyable so the order
// path can keep it with the order, but constructible only by the gate.
class ExecutionPermit {
 public:
  std::int64_t approval_id() const { return approval_id_; }
  std::int64_t candidate_id() const { return candidate_id_; }
  const std::string& bot_id() const { return bot_id_; }
  const std::string& order_ref() const { return order_ref_; }

 private:
  friend class ApprovalGate;
  ExecutionPermit(std::int64_t approval_id, std::int64_t candidate_id, std::string bot_id,
                  std::string order_ref)
      : approval_id_(approval_id),
        candidate_id_(candidate_id),
        bot_id_(std::move(bot_id)),
        order_ref_(std::move(order_ref)) {}

  std::int64_t approval_id_;
  std::int64_t candidate_id_;
  std::string bot_id_;
  std::string order_ref_;
};

struct GateDecision {
  std::optional<ExecutionPermit> permit;
  ReasonCode refusal_code = ReasonCode::ApprovalMissing;
  std::string refusal;  // empty when a permit was granted

  bool granted() const { return permit.has_value(); }
};

class ApprovalGate {
 public:
  // Both must outlive the gate.
  ApprovalGate(ports::Store& store, BotStateMachine& bots);

  // `order_ref` names the order path that uses the approval (the client order
  // id); it is stored with the approval.
  GateDecision authorize(const std::string& bot_id, std::int64_t candidate_id,
                         const std::string& order_ref);

 private:
  ports::Store& store_;
  BotStateMachine& bots_;
};

}  // namespace dorado::engine
