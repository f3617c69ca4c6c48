// dorado scan [--as-of DATE] [--json]: the daily scan now, on the market
// dorado.yaml names (the synthetic market after `dorado init`). The screen or
// the JSON goes to stdout, progress to stderr; everything is persisted.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>

#include "dorado/cli/command.hpp"
#include "dorado/cli/scan_screen.hpp"
#include "dorado/cli/store_report.hpp"
#include "dorado/cli/workspace.hpp"
#include "dorado/data/sources/text_fields.hpp"
#include "dorado/engine/scan/daily_scan.hpp"
#include "dorado/regime/publish/regime_reader.hpp"

namespace dorado::cli {
namespace {

struct ScanOptions {
  std::string as_of;
  bool json = false;
};

regime::RegimeReaderConfig reader_config(const config::Universe& universe) {
  regime::RegimeReaderConfig c;
  for (const auto& m : universe.underlyings) {
    if (!m.enabled) continue;
    if (m.asset_class == AssetClass::Fx) c.fx_pairs.push_back(m.symbol);
    if (m.asset_class == AssetClass::Crypto) c.crypto_coins.push_back(m.symbol);
  }
  return c;
}

int run_scan_command(const std::string& config_dir, const ScanOptions& o) {
  std::optional<Date> as_of;
  if (!o.as_of.empty()) {
    as_of = data::text_fields::parse_iso_date(o.as_of);
    if (!as_of) {
      std::cerr << "dorado scan: --as-of '" << o.as_of << "' is not a date (YYYY-MM-DD)\n";
      return 1;
    }
  }
  auto ws = open_workspace(config_dir, std::cerr);
  if (!ws) return 1;
  // A fresh `dorado init` folder scans at once: the store is brought up to date first.
  if (!ws->store->schema_status().up_to_date()) migrate_and_record(*ws, "scan", std::cerr);

  const Date today{std::chrono::floor<std::chrono::days>(ws->clock->now())};
  const auto market = engine::market_snapshots_for(ws->configuration, *ws->store, today);
  regime::RegimeReader reader(*ws->cache, *ws->store, reader_config(ws->configuration.universe));
  engine::DailyScanOptions options;
  options.as_of = as_of;
  options.read_regimes = [&reader](Timestamp at) { return reader.read(at); };
  options.progress = [](const std::string& line) { std::cerr << "scan: " << line << "\n"; };
  try {
    const auto scan = engine::run_daily_scan(ws->configuration, *market, *ws->store, options);
    if (o.json)
      std::cout << engine::scan_json(scan.result, scan.header).dump(2) << "\n";
    else
      print_scan_screen(std::cout, scan);
  } catch (const std::invalid_argument& e) {
    std::cerr << "dorado scan: " << e.what() << "\n";
    return 1;
  } catch (const std::out_of_range& e) {
    std::cerr << "dorado scan: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void add_scan_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<ScanOptions>();
  auto* scan = app.add_subcommand(
      "scan", "run the daily scan now: gates, candidates, scores, portfolio selection");
  scan->add_option("--as-of", options->as_of,
                   "trade date to scan, YYYY-MM-DD (default: the market data's latest day)");
  scan->add_flag("--json", options->json, "print the screen as JSON");
  scan->callback([&ctx, options] { ctx.exit_code = run_scan_command(ctx.config_dir, *options); });
}

}  // namespace dorado::cli
