// dorado db migrate | status
#include <fmt/format.h>

#include <iostream>

#include "dorado/cli/command.hpp"
#include "dorado/cli/store_report.hpp"
#include "dorado/cli/workspace.hpp"

namespace dorado::cli {

void add_db_command(CLI::App& app, CommandContext& ctx) {
  auto* db = app.add_subcommand("db", "create, upgrade or inspect the store");
  db->require_subcommand(1);

  db->add_subcommand("migrate", "apply pending schema migrations and record bot configurations")
      ->callback([&ctx] {
        auto ws = open_workspace(ctx.config_dir, std::cerr);
        if (!ws) return void(ctx.exit_code = 1);
        migrate_and_record(*ws, "cli", std::cout);
      });

  db->add_subcommand("status", "schema version and row counts per table")->callback([&ctx] {
    auto ws = open_workspace(ctx.config_dir, std::cerr);
    if (!ws) return void(ctx.exit_code = 1);
    const auto status = ws->store->schema_status();
    print_schema_status(std::cout, status);
    if (!status.up_to_date()) {
      std::cout << "Run `dorado db migrate` to bring the store up to date.\n";
      ctx.exit_code = 1;
    }
  });
}

}  // namespace dorado::cli
