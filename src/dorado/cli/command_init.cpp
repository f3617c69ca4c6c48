// dorado init [DIR]: writes the shipped configuration folder.
#include <filesystem>
#include <iostream>

#include "dorado/cli/command.hpp"
#include "dorado/cli/init_folder.hpp"

namespace dorado::cli {

void add_init_command(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string dir = ".";
    bool force = false;
  };
  auto opts = std::make_shared<Options>();
  auto* sub = app.add_subcommand(
      "init",
      "write a ready configuration folder (universe, risk policy, scoring weights, bots, "
      "strategy templates)");
  sub->add_option("dir", opts->dir, "Folder to write (created if missing)")->capture_default_str();
  sub->add_flag("--force", opts->force, "Overwrite files that already exist");
  sub->callback([&ctx, opts] {
    const auto result = write_config_folder(opts->dir, opts->force);
    if (!result.clashes.empty()) {
      std::cerr << "dorado init: " << opts->dir
                << " already holds a configuration; not touching:\n";
      for (const auto& c : result.clashes) std::cerr << "  " << c << "\n";
      std::cerr << "Use --force to overwrite them.\n";
      ctx.exit_code = 1;
      return;
    }
    std::cout << "Wrote " << result.written << " files to "
              << std::filesystem::absolute(opts->dir).lexically_normal().string() << "\n"
              << "Next: cd " << opts->dir << " && dorado validate && dorado db migrate\n";
  });
}

}  // namespace dorado::cli
