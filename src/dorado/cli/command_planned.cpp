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
  const char* arrives;  // where it comes from, in a few words
};

constexpr PlannedCommand kPlanned[] = {
    {"positions", "open positions with per-side P&L", "issue 6 (Execution and lifecycle)"},
    {"monitor", "apply management rules to open positions now",
     "issue 6 (Execution and lifecycle)"},
    {"reconcile", "reconcile local positions and orders with the venue",
     "issue 6 (Execution and lifecycle)"},
    {"canary", "paper-vs-live canary ladder report", "issue 6 (Execution and lifecycle)"},
    {"replay", "walk-forward simulation of the whole pipeline over stored history",
     "issue 6 (Execution and lifecycle)"},
    {"serve", "the daemon: scheduler, REST API, webhook, web UI", "issue 7 (The daemon)"},
};

}  // namespace

void add_planned_commands(CLI::App& app, CommandContext& ctx) {
  for (const auto& planned : kPlanned) {
    const std::string description =
        std::string(planned.job) + " [not built yet: " + planned.arrives + "]";
    auto* sub = app.add_subcommand(planned.name, description);
    sub->allow_extras();
    sub->prefix_command();
    sub->callback([&ctx, &planned] {
      std::cerr << "dorado " << planned.name << ": not built yet; it arrives with "
                << planned.arrives << ".\n";
      ctx.exit_code = 2;
    });
  }
}

}  // namespace dorado::cli
