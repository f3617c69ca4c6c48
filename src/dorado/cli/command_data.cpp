// dorado data import | status | fetch
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "dorado/calendar/calendars.hpp"
#include "dorado/cli/command.hpp"
#include "dorado/cli/data_source_clients.hpp"
#include "dorado/cli/data_status_report.hpp"
#include "dorado/cli/workspace.hpp"
#include "dorado/data/import/csv_import.hpp"
#include "dorado/data/pipeline/data_fetch.hpp"
#include "dorado/data/pipeline/fetch_plan.hpp"
#include "dorado/data/pipeline/iv_history_update.hpp"
#include "dorado/data/pipeline/series_status.hpp"

namespace dorado::cli {
namespace {

constexpr std::size_t kFindingsShown = 20;

struct ImportOptions {
  std::string file;
  std::string symbol;
  std::string kind;
  std::string calendar;
  double rate = 0.0;
};

// The store must be migrated before data lands in it.
bool store_ready(Workspace& ws) {
  if (ws.store->schema_status().up_to_date()) return true;
  std::cerr << "The store is not up to date: run `dorado db migrate` first.\n";
  return false;
}

const config::UniverseMember* member_named(const config::Universe& universe,
                                           const std::string& name) {
  for (const auto& u : universe.underlyings)
    if (u.symbol == name || u.data_symbol == name) return &u;
  return nullptr;
}

void print_findings(const std::vector<data::DataFinding>& findings) {
  if (findings.empty()) return;
  std::cout << fmt::format("{} data-quality finding(s) journaled:\n", findings.size());
  for (std::size_t i = 0; i < findings.size() && i < kFindingsShown; ++i)
    std::cout << fmt::format("  {:<18} {}\n", findings[i].reason_code, findings[i].message);
  if (findings.size() > kFindingsShown)
    std::cout << fmt::format("  ... and {} more\n", findings.size() - kFindingsShown);
}

int run_import(const std::string& config_dir, const ImportOptions& o) {
  auto ws = open_workspace(config_dir, std::cerr);
  if (!ws || !store_ready(*ws)) return 1;
  data::ImportRequest request;
  request.symbol = o.symbol;
  if (!o.kind.empty()) request.kind = parse_name<data::CsvKind>(o.kind);
  if (!o.calendar.empty())
    request.calendar = &calendar::calendar_named(o.calendar);
  else if (const auto* member = member_named(ws->configuration.universe, o.symbol))
    request.calendar = &calendar::calendar_for(member->asset_class);
  request.at = ws->clock->now();
  request.config_hash = ws->configuration.content_hash;
  request.iv.rate = o.rate;
  const auto report = data::import_csv_file(*ws->store, o.file, request);
  if (!report.ok()) {
    for (const auto& p : report.problems) std::cerr << p << "\n";
    std::cerr << fmt::format("{} problem(s): nothing was imported.\n", report.problems.size());
    return 1;
  }
  const auto kind = name_of(*report.kind);
  std::cout << fmt::format("Imported {} {} row(s) of {} from {}", report.rows_written, kind,
                           o.symbol, o.file);
  if (report.first && report.last)
    std::cout << fmt::format(" ({} .. {})", to_iso_date(*report.first), to_iso_date(*report.last));
  std::cout << ".\n";
  if (report.missing_values > 0)
    std::cout << fmt::format("{} day(s) without a value kept as missing.\n", report.missing_values);
  if (report.iv30) {
    const auto& iv = *report.iv30;
    std::cout << fmt::format("30-day ATM implied vol on {}: {:.2f} %", to_iso_date(iv.obs_date),
                             100.0 * iv.iv30);
    for (const auto& p : iv.used)
      std::cout << fmt::format("{} {} (strike {:g}, {:.2f} %)",
                               &p == &iv.used.front() ? " from" : ",", to_iso_date(p.expiration),
                               p.strike, 100.0 * p.atm_iv);
    std::cout << (iv.extrapolated ? ", extrapolated" : "") << "; stored in iv_history.\n";
  }
  print_findings(report.findings);
  return 0;
}

int run_status(const std::string& config_dir, bool json) {
  auto ws = open_workspace(config_dir, std::cerr);
  if (!ws || !store_ready(*ws)) return 1;
  const auto& universe = ws->configuration.universe;
  const auto status =
      data::data_status(*ws->store, ws->clock->now(), [&](const std::string& symbol) {
        const auto* member = member_named(universe, symbol);
        return member ? &calendar::calendar_for(member->asset_class) : nullptr;
      });
  if (json)
    print_data_status_json(std::cout, status);
  else
    print_data_status_table(std::cout, status);
  return 0;
}

int run_fetch(const std::string& config_dir) {
  auto ws = open_workspace(config_dir, std::cerr);
  if (!ws || !store_ready(*ws)) return 1;
  std::vector<data::FetchUnderlying> universe;
  for (const auto& u : ws->configuration.universe.underlyings)
    universe.push_back({u.symbol, u.asset_class, u.data_symbol, u.enabled});
  const auto jobs = data::plan_fetch(universe);
  SourceClientSet sources(*ws->clock);
  data::FetchOptions options;
  options.config_hash = ws->configuration.content_hash;
  data::ProgressBar progress(std::cerr);
  const auto report =
      data::run_fetch(*ws->store, *ws->clock, jobs, sources.clients(), options, &progress);
  std::size_t rows = 0, findings = 0;
  for (const auto& o : report.outcomes) {
    rows += o.rows_written;
    findings += o.findings;
    if (o.failure) continue;
    std::cout << fmt::format(
        "  {:<24} {}\n", o.job.label(),
        o.asked ? fmt::format("{} .. {}: {} row(s), {} finding(s)", to_iso_date(o.asked->first),
                              to_iso_date(o.asked->last), o.rows_written, o.findings)
                : std::string("up to date"));
  }
  std::cout << fmt::format("{} series, {} row(s) stored, {} finding(s) journaled.\n", jobs.size(),
                           rows, findings);
  const auto failures = report.failures();
  if (failures.empty()) return 0;
  std::cerr << fmt::format("{} series failed:\n", failures.size());
  for (const auto* f : failures)
    std::cerr << fmt::format("  {}: {}\n", f->job.label(), *f->failure);
  return 1;
}

int run_iv_history(const std::string& config_dir, const std::string& only, double rate) {
  auto ws = open_workspace(config_dir, std::cerr);
  if (!ws || !store_ready(*ws)) return 1;
  const auto& nyse = calendar::calendar_named("nyse");
  const ports::TimeRange all{Timestamp{},
                             Timestamp{std::chrono::sys_days{std::chrono::year{2200} / 1 / 1}}};
  int underlyings = 0;
  for (const auto& e : ws->store->series_extents(ports::SeriesKind::OptionChain)) {
    if (!only.empty() && e.name != only) continue;
    ++underlyings;
    const auto run = data::rebuild_iv_history(*ws->store, e.name, all, nyse, {rate},
                                              ws->clock->now(), ws->configuration.content_hash);
    std::cout << fmt::format("{}: {} day(s) of 30-day ATM implied vol", e.name, run.stored.size());
    if (!run.stored.empty())
      std::cout << fmt::format(", last {} {:.2f} %", to_iso_date(run.stored.back().obs_date),
                               100.0 * run.stored.back().iv30);
    std::cout << ".\n";
    print_findings(run.findings);
    if (const auto reading = run.stored.empty() ? std::nullopt
                                                : data::stored_iv_rank(*ws->store, e.name,
                                                                       run.stored.back().obs_date))
      std::cout << fmt::format("  IV rank {:.0f}, IV percentile {:.0f} (252 days)\n", reading->rank,
                               reading->percentile);
  }
  if (underlyings == 0) {
    std::cerr << "No option chain snapshots stored" << (only.empty() ? "" : " for " + only)
              << ": import one with `dorado data import CHAIN.csv --symbol X`.\n";
    return 1;
  }
  return 0;
}

}  // namespace

void add_data_command(CLI::App& app, CommandContext& ctx) {
  auto* data = app.add_subcommand("data", "fetch / import / status of market and macro data");
  data->require_subcommand(1);

  auto import_options = std::make_shared<ImportOptions>();
  auto* import_file = data->add_subcommand(
      "import", "import a CSV file (Yahoo bars, FRED series, CBOE option chain): all rows or none");
  import_file->add_option("file", import_options->file, "the CSV file")
      ->required()
      ->check(CLI::ExistingFile);
  import_file->add_option("--symbol", import_options->symbol, "the series' name: SPY, VIXCLS ...")
      ->required();
  import_file
      ->add_option("--kind", import_options->kind,
                   "ohlcv, macro or chain (default: from the header)")
      ->check(CLI::IsMember({"ohlcv", "macro", "chain"}));
  import_file
      ->add_option("--calendar", import_options->calendar,
                   "calendar gaps are counted on (default: the universe's, else nyse)")
      ->check(CLI::IsMember({"nyse", "fx", "crypto"}));
  import_file->add_option("--rate", import_options->rate,
                          "risk-free rate for chain implied vols, 0.02 = 2 % (default 0)");
  import_file->callback(
      [&ctx, import_options] { ctx.exit_code = run_import(ctx.config_dir, *import_options); });

  auto json = std::make_shared<bool>(false);
  auto* status =
      data->add_subcommand("status", "per series: first and last day, rows, gaps, how far behind");
  status->add_flag("--json", *json, "print JSON");
  status->callback([&ctx, json] { ctx.exit_code = run_status(ctx.config_dir, *json); });

  auto iv_options = std::make_shared<ImportOptions>();
  auto* iv = data->add_subcommand(
      "iv-history", "recompute the daily 30-day ATM implied vol from the stored option chains");
  iv->add_option("--symbol", iv_options->symbol, "only this underlying");
  iv->add_option("--rate", iv_options->rate, "risk-free rate, 0.02 = 2 % (default 0)");
  iv->callback([&ctx, iv_options] {
    ctx.exit_code = run_iv_history(ctx.config_dir, iv_options->symbol, iv_options->rate);
  });

  data->add_subcommand("fetch",
                       "fetch what the universe and the regime features need, only missing days")
      ->callback([&ctx] { ctx.exit_code = run_fetch(ctx.config_dir); });
}

}  // namespace dorado::cli
