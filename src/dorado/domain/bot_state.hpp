#pragma once
// The states of a bot's trading cycle, as drawn in the PRD's state diagram.
// The names are the vocabulary only; which moves between them are legal is
// the engine's bot state machine (engine/lifecycle/bot_state_machine.hpp).
#include <array>
#include <string_view>
#include <utility>

#include "dorado/domain/enum_names.hpp"

namespace dorado {

enum class BotState {
  Idle,              // nothing in flight
  SignalReceived,    // a scan candidate or webhook signal arrived
  RiskCheck,         // trade and portfolio checks run
  Rejected,          // the checks refused the trade
  AwaitingApproval,  // a human (or auto_execute) must approve
  Executing,         // orders are being placed
  Monitoring,        // a position is open and managed
  Closing,           // exit orders are being placed
  Cancelled,         // rejected by the trader, or the approval timed out
  Failed,            // execution or closing did not complete
};

template <>
struct EnumNames<BotState> {
  static constexpr std::array<std::pair<BotState, std::string_view>, 10> table{{
      {BotState::Idle, "idle"},
      {BotState::SignalReceived, "signal_received"},
      {BotState::RiskCheck, "risk_check"},
      {BotState::Rejected, "rejected"},
      {BotState::AwaitingApproval, "awaiting_approval"},
      {BotState::Executing, "executing"},
      {BotState::Monitoring, "monitoring"},
      {BotState::Closing, "closing"},
      {BotState::Cancelled, "cancelled"},
      {BotState::Failed, "failed"},
  }};
};

}  // namespace dorado
