// dorado audit verify
#include <iostream>

#include "dorado/cli/command.hpp"
#include "dorado/cli/store_report.hpp"
#include "dorado/cli/workspace.hpp"

namespace dorado::cli {

void add_audit_command(CLI::App& app, CommandContext& ctx) {
  auto* audit = app.add_subcommand("audit", "the append-only, hash-chained audit log");
  audit->require_subcommand(1);
  audit
      ->add_subcommand("verify",
                       "recompute the hash chain; name any edited, deleted or reordered record")
      ->callback([&ctx] {
        auto ws = open_workspace(ctx.config_dir, std::cerr);
        if (!ws) return void(ctx.exit_code = 1);
        const auto verification = ws->store->verify_audit_chain();
        print_audit_verification(std::cout, verification);
        if (!verification.intact()) ctx.exit_code = 1;
      });
}

}  // namespace dorado::cli
