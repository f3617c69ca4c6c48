#pragma once
// Each subcommand registers itself on the CLI11 app; its callback stores the
// exit code in the shared slot so main can return it.
#include <CLI/CLI.hpp>

namespace dorado::cli {

struct CommandContext {
  std::string config_dir = ".";  // --config: the configuration folder
  int exit_code = 0;
};

void add_init_command(CLI::App& app, CommandContext& ctx);
void add_validate_command(CLI::App& app, CommandContext& ctx);
void add_db_command(CLI::App& app, CommandContext& ctx);
void add_audit_command(CLI::App& app, CommandContext& ctx);
void add_demo_command(CLI::App& app, CommandContext& ctx);
void add_data_command(CLI::App& app, CommandContext& ctx);
void add_bench_command(CLI::App& app, CommandContext& ctx);
void add_scan_command(CLI::App& app, CommandContext& ctx);
void add_approval_commands(CLI::App& app, CommandContext& ctx);
void add_regime_command(CLI::App& app, CommandContext& ctx);
void add_planned_commands(CLI::App& app, CommandContext& ctx);

}  // namespace dorado::cli
