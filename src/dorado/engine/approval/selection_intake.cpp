#include "dorado/engine/approval/selection_intake.hpp"

namespace dorado::engine {

std::vector<IntakeLine> submit_selected(ApprovalDesk& desk,
                                        const config::Configuration& configuration,
                                        std::span<const ports::CandidateRecord> candidates) {
  std::vector<IntakeLine> lines;
  for (const auto& c : candidates) {
    if (c.status != "selected" || !c.bot_id) continue;
    IntakeLine line{c.id, *c.bot_id, {}};
    const auto* bot = configuration.bot(*c.bot_id);
    if (!bot)
      line.outcome = ApprovalOutcome::refused(ReasonCode::UnknownBot,
                                              "bot " + *c.bot_id + " is not configured");
    else if (!bot->enabled)
      line.outcome =
          ApprovalOutcome::refused(ReasonCode::BotPaused, "bot " + *c.bot_id + " is disabled");
    else
      line.outcome = desk.submit({c.id, *c.bot_id, c.created_at, c.expires_at}, bot->approval_mode);
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace dorado::engine
