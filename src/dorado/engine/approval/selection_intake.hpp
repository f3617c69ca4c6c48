#pragma once
// After a scan, the candidates it selected are brought to their bots, each
// with its bot's approval_mode: a human_required bot starts waiting (its
// approval window opens), an auto_execute bot is approved by the engine at
// once. Candidates sent to paper or dropped are not the human step's business.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dorado/config/configuration.hpp"
#include "dorado/engine/approval/approval_desk.hpp"
#include "dorado/ports/store_scan.hpp"

namespace dorado::engine {

struct IntakeLine {
  std::int64_t candidate_id = 0;
  std::string bot_id;
  ApprovalOutcome outcome;
};

// One line per selected candidate, in the given order. An unknown or disabled
// bot, or a bot busy with another candidate, is a refused line, never a throw.
std::vector<IntakeLine> submit_selected(ApprovalDesk& desk,
                                        const config::Configuration& configuration,
                                        std::span<const ports::CandidateRecord> candidates);

}  // namespace dorado::engine
