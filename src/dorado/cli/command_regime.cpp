// dorado regime update | show | history | compare
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "dorado/cli/command.hpp"
#include "dorado/cli/regime_timeline_svg.hpp"
#include "dorado/cli/regime_update.hpp"
#include "dorado/cli/workspace.hpp"
#include "dorado/data/sources/text_fields.hpp"
#include "dorado/regime/macro_regime_filter.hpp"
#include "dorado/regime/publish/stored_models.hpp"
#include "dorado/regime/state_count_comparison.hpp"

namespace dorado::cli {
namespace {

using namespace std::chrono;

struct RegimeOptions {
  std::string train_to;
  std::size_t states = 6;
  std::string from;
  std::string to;
  bool json = false;
  std::string plot;
};

void progress(const std::string& line) {
  std::cerr << "regime: " << line << "...\n";
}

Date day_option(const std::string& text, const char* option) {
  const auto day = data::text_fields::parse_iso_date(text);
  if (!day)
    throw std::invalid_argument(fmt::format("{} {}: expected a date YYYY-MM-DD", option, text));
  return *day;
}

// Opens the folder, migrating a fresh store so `regime` works right after `init`.
std::optional<Workspace> ready_workspace(const std::string& config_dir) {
  auto ws = open_workspace(config_dir, std::cerr);
  if (!ws) return std::nullopt;
  if (!ws->store->schema_status().up_to_date()) {
    progress("migrating the store");
    ws->store->migrate(ws->clock->now());
  }
  return ws;
}

void print_probabilities(const regime::MacroRegimeReading& r) {
  std::cout << fmt::format("  {:<12} {:>11} {:>10}\n", "regime", "probability", "3-day");
  for (std::size_t i = 0; i < r.probabilities.size(); ++i)
    std::cout << fmt::format("  {:<12} {:>11.3f} {:>+10.3f}\n",
                             name_of(static_cast<MacroRegime>(i)), r.probabilities[i],
                             r.trend_3d[i]);
}

int run_update(Workspace& ws, const RegimeOptions& o) {
  RegimeUpdateRequest request;
  if (!o.train_to.empty()) request.train_to = day_option(o.train_to, "--train-to");
  request.states = o.states;
  request.now = ws.clock->now();
  request.progress = progress;
  const auto report = update_regimes(ws, request);
  const auto& m = report.model;
  std::cout << fmt::format("Market: {}\n", report.market);
  std::cout << fmt::format("Macro model {} ({}): {}\n", m.version,
                           report.trained ? "trained" : "kept", report.training_reason);
  std::cout << fmt::format(
      "  {} features, {} PCA components ({:.1f} % of variance), {} states, BIC {:.1f}, "
      "mean regime {:.1f} days\n",
      m.feature_names.size(), m.pca.components(), 100.0 * m.metrics.explained_variance, m.states(),
      m.metrics.bic, m.metrics.mean_regime_duration_days);
  std::cout << fmt::format("Filtered {} day(s) out of sample; published {} new.\n",
                           report.inferred_days, report.published_days);
  if (report.latest)
    std::cout << fmt::format(
        "Latest: {} {} (confidence {:.2f}){}\n", to_iso_date(report.latest->date),
        name_of(report.latest->regime), report.latest->confidence,
        report.latest->transition_alert ? "  ALERT: " + report.latest->alert_reason : "");
  if (report.correlation)
    std::cout << fmt::format("Correlation regime: {} ({})\n", report.correlation->label,
                             to_iso_date(year_month_day{floor<days>(report.correlation->as_of)}));
  return 0;
}

std::optional<PublishedRegime> latest_published(ports::Store& store, const std::string& model) {
  const auto rows = store.read_regime_history(
      {model, std::nullopt, Timestamp{}, Timestamp{sys_days{year{2100} / 1 / 1}}});
  if (rows.empty()) return std::nullopt;
  return rows.back().regime;
}

int run_show(Workspace& ws) {
  const auto model = regime::load_latest_macro_model(*ws.store);
  if (!model) {
    std::cerr << "No macro regime model yet: run `dorado regime update` first.\n";
    return 1;
  }
  progress("filtering the market with " + model->version);
  const auto market = load_regime_market(ws);
  const auto history = macro_feature_history(market, model->window.last);
  if (history.names != model->feature_names)
    throw std::invalid_argument("the stored macro model " + model->version +
                                " uses features this market cannot supply");
  regime::MacroRegimeFilter filter(*model);
  regime::MacroRegimeReading r;
  for (std::size_t t = 0; t < history.days(); ++t)
    r = filter.update(history.dates[t],
                      history.values.row(static_cast<Eigen::Index>(t)).transpose());
  std::cout << fmt::format("Macro regime on {}: {} (confidence {:.2f}), model {}\n",
                           to_iso_date(r.date), name_of(r.regime), r.confidence, model->version);
  print_probabilities(r);
  std::cout << (r.transition_alert ? "Transition alert: " + r.alert_reason + "\n"
                                   : std::string("No transition alert.\n"));
  std::cout << "Features driving it:";
  for (std::size_t i = 0; i < r.importances.size() && i < 5; ++i)
    std::cout << fmt::format(" {} {:.0f} %", r.importances[i].feature,
                             100.0 * r.importances[i].share);
  std::cout << "\n";
  for (const char* other : {"correlation", "fx", "crypto"}) {
    if (const auto p = latest_published(*ws.store, other))
      std::cout << fmt::format("{} regime: {} (confidence {:.2f}, as of {}, {})\n", other, p->label,
                               p->confidence, to_iso8601(p->as_of), p->model_version);
    else
      std::cout << fmt::format("{} regime: not published yet\n", other);
  }
  return 0;
}

nlohmann::json history_row(const PublishedRegime& p) {
  return {{"date", to_iso_date(year_month_day{floor<days>(p.as_of)})},
          {"regime", p.label},
          {"confidence", p.confidence},
          {"probabilities", p.probabilities},
          {"model_version", p.model_version}};
}

int run_history(Workspace& ws, const RegimeOptions& o) {
  const Date from = day_option(o.from, "--from");
  const Date to = day_option(o.to, "--to");
  const auto rows =
      ws.store->read_regime_history({"macro", std::nullopt, Timestamp{sys_days{from}},
                                     Timestamp{sys_days{to} + days{1}} - microseconds{1}});
  std::vector<PublishedRegime> readings;
  for (const auto& row : rows) readings.push_back(row.regime);
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : readings) out.push_back(history_row(p));
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << fmt::format("{:<10}  {:<11} {:>5}", "date", "regime", "conf");
    for (std::size_t i = 0; i < 6; ++i)
      std::cout << fmt::format(" {:>10}", name_of(static_cast<MacroRegime>(i)));
    std::cout << "\n";
    for (const auto& p : readings) {
      std::cout << fmt::format("{:<10}  {:<11} {:>5.2f}",
                               to_iso_date(year_month_day{floor<days>(p.as_of)}), p.label,
                               p.confidence);
      for (std::size_t i = 0; i < 6; ++i) {
        const auto it = p.probabilities.find(std::string(name_of(static_cast<MacroRegime>(i))));
        std::cout << fmt::format(" {:>10.3f}", it == p.probabilities.end() ? 0.0 : it->second);
      }
      std::cout << "\n";
    }
    if (readings.empty())
      std::cout << "No macro readings published in that range (run `dorado regime update`).\n";
  }
  if (!o.plot.empty()) {
    std::ofstream out(o.plot, std::ios::binary);
    out << regime_timeline_svg(readings, fmt::format("Macro regime {} .. {}", o.from, o.to));
    if (!out) throw std::runtime_error("cannot write " + o.plot);
    std::cerr << fmt::format("regime: wrote the timeline of {} reading(s) to {}\n", readings.size(),
                             o.plot);
  }
  return 0;
}

int run_compare(Workspace& ws, const RegimeOptions& o) {
  progress("reading the market and building the macro features");
  const auto market = load_regime_market(ws);
  const Date last =
      o.train_to.empty() ? market.macro.trading_days.back() : day_option(o.train_to, "--train-to");
  const auto history = macro_feature_history(market, last);
  const auto window = history.head(history.days_through(last));
  progress("training 4, 5 and 6 states on " + std::to_string(window.days()) + " days");
  const auto rows = regime::compare_state_counts(window, regime::MacroModelConfig{});
  std::cout << fmt::format("{} .. {}, {} days, {} features\n", to_iso_date(window.dates.front()),
                           to_iso_date(window.dates.back()), window.days(), window.names.size());
  std::cout << regime::format_state_count_table(rows);
  return 0;
}

// Expected failures (bad dates, too little data) are messages, not crashes.
void guarded(CommandContext& ctx, const std::function<int(Workspace&)>& body) {
  auto ws = ready_workspace(ctx.config_dir);
  if (!ws) return void(ctx.exit_code = 1);
  try {
    ctx.exit_code = body(*ws);
  } catch (const std::exception& e) {
    std::cerr << "dorado regime: " << e.what() << "\n";
    ctx.exit_code = 1;
  }
}

}  // namespace

void add_regime_command(CLI::App& app, CommandContext& ctx) {
  auto* regime = app.add_subcommand("regime", "train, publish and inspect the regime models");
  regime->require_subcommand(1);
  auto o = std::make_shared<RegimeOptions>();

  auto* update = regime->add_subcommand(
      "update", "train the macro model when due (monthly) and publish every new day's regime");
  update->add_option("--train-to", o->train_to, "train on data up to this day (YYYY-MM-DD) only");
  update->add_option("--states", o->states, "HMM states (4..6)")
      ->check(CLI::Range(4, 6))
      ->capture_default_str();
  update->callback([&ctx, o] { guarded(ctx, [o](Workspace& ws) { return run_update(ws, *o); }); });

  regime->add_subcommand("show", "current regimes, probabilities, 3-day trend, transition alert")
      ->callback([&ctx] { guarded(ctx, [](Workspace& ws) { return run_show(ws); }); });

  auto* history = regime->add_subcommand("history", "published macro regimes over a date range");
  history->add_option("--from", o->from, "first day (YYYY-MM-DD)")->required();
  history->add_option("--to", o->to, "last day (YYYY-MM-DD)")->required();
  history->add_flag("--json", o->json, "JSON rows instead of a table");
  history->add_option("--plot", o->plot, "also write an SVG timeline to this file");
  history->callback(
      [&ctx, o] { guarded(ctx, [o](Workspace& ws) { return run_history(ws, *o); }); });

  auto* compare =
      regime->add_subcommand("compare", "4 vs 5 vs 6 states by BIC and regime duration");
  compare->add_option("--train-to", o->train_to, "use data up to this day only");
  compare->callback(
      [&ctx, o] { guarded(ctx, [o](Workspace& ws) { return run_compare(ws, *o); }); });
}

}  // namespace dorado::cli
