#include "dorado/cli/app.hpp"

#include "dorado/cli/command.hpp"

namespace dorado::cli {

int run(int argc, char** argv) {
  CLI::App app{
      "Dorado: daily scan, approval, execution and risk for a systematic trader.\n"
      "Every command reads the configuration folder (--config, default: the current "
      "directory) made by `dorado init`."};
  app.set_version_flag("--version", "dorado 0.1.0");
  app.require_subcommand(1);
  CommandContext ctx;
  app.add_option("-c,--config", ctx.config_dir, "Configuration folder")->capture_default_str();

  add_init_command(app, ctx);
  add_validate_command(app, ctx);
  add_db_command(app, ctx);
  add_audit_command(app, ctx);
  add_demo_command(app, ctx);
  add_data_command(app, ctx);
  add_bench_command(app, ctx);
  add_scan_command(app, ctx);
  add_approval_commands(app, ctx);
  add_regime_command(app, ctx);
  add_planned_commands(app, ctx);

  CLI11_PARSE(app, argc, argv);
  return ctx.exit_code;
}

}  // namespace dorado::cli
