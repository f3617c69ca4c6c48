// dorado demo: a complete offline run on the embedded defaults. At this stage
// of the product: init a configuration into a temporary folder, validate it,
// migrate a SQLite store, verify the audit chain and print a status summary.
// Then the daily scan on the synthetic market (the init folder's default
// market data). Later issues extend it with regimes and a replay.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "dorado/cli/command.hpp"
#include "dorado/cli/configuration_summary.hpp"
#include "dorado/cli/init_folder.hpp"
#include "dorado/cli/market_hours.hpp"
#include "dorado/cli/scan_screen.hpp"
#include "dorado/cli/store_report.hpp"
#include "dorado/cli/workspace.hpp"
#include "dorado/engine/scan/daily_scan.hpp"

namespace dorado::cli {
namespace {

constexpr int kSteps = 6;

void step(int n, std::string_view what) {
  std::cout << fmt::format("[{}/{}] {}\n", n, kSteps, what) << std::flush;
}

std::filesystem::path make_demo_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "dorado-demo-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
  return pattern;
}

int run_demo() {
  const auto folder = make_demo_folder();
  step(1, "init: writing the embedded configuration to " + folder.string());
  const auto init = write_config_folder(folder, false);
  std::cout << fmt::format("      {} files\n", init.written);

  step(2, "validate");
  auto ws = open_workspace(folder, std::cerr);
  if (!ws) return 1;
  print_configuration_summary(std::cout, ws->configuration);

  step(3, "migrate the store (" + ws->configuration.settings.store_url + ")");
  migrate_and_record(*ws, "demo", std::cout);

  step(4, "verify the audit chain");
  const auto verification = ws->store->verify_audit_chain();
  print_audit_verification(std::cout, verification);

  step(5, "status");
  print_schema_status(std::cout, ws->store->schema_status());
  print_market_hours(std::cout, ws->clock->now());
  std::cout << fmt::format("  cache     {}\n", ws->configuration.settings.cache_url);

  step(6, "daily scan on the " +
              std::string(name_of(ws->configuration.settings.market_data.source)) + " market data");
  const Date today{std::chrono::floor<std::chrono::days>(ws->clock->now())};
  const auto market = engine::market_snapshots_for(ws->configuration, *ws->store, today);
  const auto scan = engine::run_daily_scan(ws->configuration, *market, *ws->store, {});
  print_scan_screen(std::cout, scan);
  std::cout << fmt::format(
      "\nDemo configuration left in {}\nExplore it: cd {} && dorado scan --as-of 2024-07-15\n",
      folder.string(), folder.string());
  return verification.intact() ? 0 : 1;
}

}  // namespace

void add_demo_command(CLI::App& app, CommandContext& ctx) {
  app.add_subcommand("demo", "a complete offline run on the embedded defaults")->callback([&ctx] {
    ctx.exit_code = run_demo();
  });
}

}  // namespace dorado::cli
