#pragma once
// A bot's trading cycle as the store keeps it: every state transition, in
// order, per bot. The latest transition is the bot's current state (a bot
// with none is idle); the cache only mirrors it.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "dorado/domain/bot_state.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::ports {

struct BotTransition {
  std::string bot_id;
  BotState from = BotState::Idle;
  BotState to = BotState::Idle;
  Timestamp at;
  std::string actor;                         // "engine", "cli:alice", "telegram:12345"
  std::optional<std::int64_t> candidate_id;  // the trade idea this cycle is about
  std::optional<std::string> reason_code;    // a ReasonCode's stable name, when one applies
  std::string reason;                        // one sentence for a human

  bool operator==(const BotTransition&) const = default;
};

struct BotTransitionRecord {
  std::int64_t seq = 0;  // 1, 2, 3 ... per bot, no gaps
  BotTransition transition;

  bool operator==(const BotTransitionRecord&) const = default;
};

// Thrown by Store::record_bot_transition when the bot is no longer in the
// state the transition starts from: another writer moved it first.
class StaleBotState : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dorado::ports
