// dorado validate: load every configuration file and print each problem as
// file:line:col: message.
#include <iostream>

#include "dorado/cli/command.hpp"
#include "dorado/cli/configuration_summary.hpp"
#include "dorado/config/loader.hpp"

namespace dorado::cli {

void add_validate_command(CLI::App& app, CommandContext& ctx) {
  auto* sub =
      app.add_subcommand("validate",
                         "load and validate every configuration file; print each problem as "
                         "file:line:col: message");
  sub->callback([&ctx] {
    const auto loaded = config::load_config_folder(ctx.config_dir);
    if (!loaded.ok()) {
      for (const auto& d : loaded.diagnostics) std::cout << d.to_string() << "\n";
      std::cout << loaded.diagnostics.size() << " problem(s) in " << ctx.config_dir << "\n";
      ctx.exit_code = 1;
      return;
    }
    std::cout << "Configuration valid.\n";
    print_configuration_summary(std::cout, *loaded.configuration);
  });
}

}  // namespace dorado::cli
