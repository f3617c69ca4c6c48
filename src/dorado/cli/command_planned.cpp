// Subcommands of DESIGN.md that later issues build. They are listed in --help
// so the whole product is visible, and say which issue brings them.
#include <iostream>
#include <string>

#include "dorado/cli/command.hpp"

namespace dorado::cli {
namespace {

struct PlannedCommand {
  const char* name;
  const char* job;
  int issue;
  const char* issue_title;
};

constexpr PlannedCommand kPlanned[] = {
    {"bench", "performance figures (ratios against references in the same run)", 3,
     "Market data, TA engine, option math"},
    {"regime", "update / show / history / compare of the regime models", 4, "Regime Radar"},
    {"scan", "run the daily scan now: gates, candidates, scores, selection", 5, "Daily scan"},
    {"candidates", "show the pending candidate list", 6, "Execution and lifecycle"},
    {"select", "select candidates for approval by their numbers", 6, "Execution and lifecycle"},
    {"approve", "approve selected candidates for execution", 6, "Execution and lifecycle"},
    {"reject", "reject candidates", 6, "Execution and lifecycle"},
    {"positions", "open positions with per-side P&L", 6, "Execution and lifecycle"},
    {"monitor", "apply management rules to open positions now", 6, "Execution and lifecycle"},
    {"reconcile", "reconcile local positions and orders with the venue", 6,
     "Execution and lifecycle"},
    {"canary", "paper-vs-live canary ladder report", 6, "Execution and lifecycle"},
    {"replay", "walk-forward simulation of the whole pipeline over stored history", 6,
     "Execution and lifecycle"},
    {"serve", "the daemon: scheduler, REST API, webhook, web UI", 7, "The daemon"},
};

}  // namespace

void add_planned_commands(CLI::App& app, CommandContext& ctx) {
  for (const auto& planned : kPlanned) {
    const std::string description =
        std::string(planned.job) + " [not built yet: issue " + std::to_string(planned.issue) + "]";
    auto* sub = app.add_subcommand(planned.name, description);
    sub->allow_extras();
    sub->prefix_command();
    sub->callback([&ctx, &planned] {
      std::cerr << "dorado " << planned.name << ": not built yet; it arrives with issue "
                << planned.issue << " (" << planned.issue_title << ").\n";
      ctx.exit_code = 2;
    });
  }
}

}  // namespace dorado::cli
