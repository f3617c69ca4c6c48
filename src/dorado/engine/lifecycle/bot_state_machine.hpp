#pragma once
// The bot state machine of the PRD. A bot runs one trade idea at a time
// through this cycle; every move is checked against the table below, written
// to the store with an audit record (the store is the truth) and then
// mirrored in the cache under bot:state:{id} (which may be lost at any time).
//
//   from               legal next states
//   -----------------  -------------------------------------------------------
//   IDLE               SIGNAL_RECEIVED
//   SIGNAL_RECEIVED    RISK_CHECK
//   RISK_CHECK         REJECTED, AWAITING_APPROVAL
//   AWAITING_APPROVAL  EXECUTING, CANCELLED (rejected by the trader, or timed out)
//   EXECUTING          MONITORING, FAILED
//   MONITORING         CLOSING, RISK_CHECK (re-entry for a roll or an adjustment)
//   CLOSING            IDLE, FAILED
//   REJECTED           IDLE
//   CANCELLED          IDLE
//   FAILED             IDLE
//
// Anything else is refused with ReasonCode::IllegalTransition and a sentence
// naming the legal moves; nothing is written for a refused move.
#include <optional>
#include <span>
#include <string>

#include "dorado/domain/bot_state.hpp"
#include "dorado/domain/reason_code.hpp"
#include "dorado/ports/cache.hpp"
#include "dorado/ports/clock.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::engine {

// The legal next states of `from`, in the table's order.
std::span<const BotState> legal_next_states(BotState from);
bool is_legal_transition(BotState from, BotState to);

// Where a bot stands: its state, since when, and the trade idea of the
// current cycle (cleared when the bot returns to IDLE).
struct BotStatus {
  std::string bot_id;
  BotState state = BotState::Idle;
  std::optional<Timestamp> since;  // nothing for a bot that never moved
  std::int64_t seq = 0;            // the latest transition's number; 0 when none
  std::optional<std::int64_t> candidate_id;

  bool operator==(const BotStatus&) const = default;
};

struct TransitionRequest {
  BotState to = BotState::Idle;
  std::string actor = "engine";
  std::optional<ReasonCode> reason_code;
  std::string reason;  // one sentence; the reason code's description when empty
  // The cycle's trade idea; carried over from the current state when unset.
  std::optional<std::int64_t> candidate_id;
};

// A move either happened (the record as stored) or was refused (why).
struct TransitionOutcome {
  std::optional<ports::BotTransitionRecord> record;
  ReasonCode refusal_code = ReasonCode::IllegalTransition;
  std::string refusal;  // empty when the move happened

  bool moved() const { return record.has_value(); }
};

class BotStateMachine {
 public:
  // All three must outlive the machine.
  BotStateMachine(ports::Store& store, ports::Cache& cache, const ports::Clock& clock);

  // The bot's status as the store has it (the truth), refreshing the mirror.
  BotStatus status(const std::string& bot_id);
  // Checks the move against the table and the bot's stored state, records it
  // (store and audit together) at the clock's now, then mirrors it.
  TransitionOutcome move(const std::string& bot_id, const TransitionRequest& request);

 private:
  void mirror(const BotStatus& status);

  ports::Store& store_;
  ports::Cache& cache_;
  const ports::Clock& clock_;
};

// Writes the mirror; a lost cache is not an error (the store holds the truth).
void mirror_bot_status(ports::Cache& cache, const BotStatus& status);

// The mirror's value for bot:state:{id}: a small JSON object.
std::string bot_status_json(const BotStatus& status);
std::optional<BotStatus> bot_status_from_json(std::string_view json);

// For readers that want speed over authority (the web UI, Telegram): the
// mirror when the cache has it, else the store's status (mirrored again).
BotStatus read_bot_status(ports::Cache& cache, ports::Store& store, const std::string& bot_id);

}  // namespace dorado::engine
