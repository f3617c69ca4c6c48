#include "dorado/engine/scan/daily_scan.hpp"

#include <algorithm>

#include "dorado/engine/scan/breaker_book.hpp"
#include "dorado/engine/scan/parallel_jobs.hpp"
#include "dorado/engine/scan/return_correlations.hpp"
#include "dorado/engine/scan/scan_instant.hpp"
#include "dorado/engine/scan/scan_records.hpp"
#include "dorado/engine/scan/stored_snapshots.hpp"
#include "dorado/engine/scan/synthetic_snapshots.hpp"
#include "dorado/strategy/gates/regime_gate.hpp"

namespace dorado::engine {
namespace {

void say(const DailyScanOptions& options, const std::string& line) {
  if (options.progress) options.progress(line);
}

risk::PortfolioState book_of(const config::Configuration& cfg,
                             const std::map<std::string, strategy::UnderlyingSnapshot>& snapshots) {
  const Currency currency(cfg.risk_policy.account.base_currency);
  auto book = risk::PortfolioState::flat(
      Money::from_double(cfg.risk_policy.account.starting_equity, currency));
  std::map<std::string, std::vector<Bar>> bars;
  for (const auto& [symbol, snapshot] : snapshots) bars[symbol] = snapshot.daily_bars;
  book.correlations = return_correlations(bars);
  return book;
}

// VIX of the scan date, from whichever snapshot carries it.
std::optional<double> vix_of(const std::map<std::string, strategy::UnderlyingSnapshot>& snapshots) {
  for (const auto& [symbol, snapshot] : snapshots)
    if (snapshot.vix) return snapshot.vix;
  return std::nullopt;
}

std::optional<MacroRegime> fresh_macro(const RegimeView& regimes, Timestamp at,
                                       const strategy::RegimeFreshness& freshness) {
  const auto fresh = strategy::fresh_regimes(regimes, at, freshness);
  if (!fresh.macro) return std::nullopt;
  return parse_name<MacroRegime>(fresh.macro->label);
}

}  // namespace

std::vector<std::string> scanned_symbols(const config::Configuration& cfg) {
  std::vector<std::string> out;
  for (const auto& bot : cfg.bots)
    if (bot.enabled && bot.signal_mode != config::SignalMode::Webhook)
      out.push_back(bot.underlying);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::map<std::string, strategy::UnderlyingSnapshot> universe_snapshots(
    const config::Universe& universe, const MarketSnapshots& market, Date as_of,
    std::size_t threads, const std::optional<std::vector<std::string>>& only) {
  std::vector<const config::UniverseMember*> members;
  for (const auto& m : universe.underlyings)
    if (m.enabled && (!only || std::binary_search(only->begin(), only->end(), m.symbol)))
      members.push_back(&m);
  std::vector<strategy::UnderlyingSnapshot> built(members.size());
  run_parallel(members.size(), market.concurrent() ? threads : 1,
               [&](std::size_t i) { built[i] = market.snapshot(*members[i], as_of); });
  std::map<std::string, strategy::UnderlyingSnapshot> out;
  for (auto& s : built) {
    auto symbol = s.symbol;
    out.emplace(std::move(symbol), std::move(s));
  }
  return out;
}

DailyScan run_daily_scan(const config::Configuration& cfg, const MarketSnapshots& market,
                         ports::Store& store, const DailyScanOptions& options) {
  const Date as_of = options.as_of.value_or(market.default_as_of());
  const Timestamp at = scan_instant(as_of);
  say(options, "scan " + to_iso_date(as_of) + " on the " + market.description());

  const auto snapshots = universe_snapshots(cfg.universe, market, as_of, options.settings.threads,
                                            scanned_symbols(cfg));
  say(options, "snapshots: " + std::to_string(snapshots.size()) + " underlyings");

  ScanHeader header{market.description(),
                    options.read_regimes ? options.read_regimes(at) : RegimeView{}};

  auto book = book_of(cfg, snapshots);
  auto breakers = check_breakers(
      store, cfg.risk_policy, {at, as_of, book.equity},
      {fresh_macro(header.regimes, at, options.settings.gates.freshness), vix_of(snapshots)});
  say(options, "circuit breakers: " + std::to_string(breakers.state.tripped.size()) + " tripped");

  ScanInputs inputs{cfg, snapshots, {}, header.regimes, std::move(book), breakers.state, as_of, at};
  for (const auto& m : cfg.universe.underlyings) inputs.pricing[m.symbol] = market.pricing(m);
  auto result = run_scan(inputs, options.settings);
  say(options, "scanned " + std::to_string(result.bots.size()) +
                   " bots: " + std::to_string(result.selection.decisions.size()) + " candidates");

  auto stored = persist_scan(store, result, cfg.risk_policy);
  say(options, "stored scan " + result.scan_id);
  return DailyScan{std::move(result), std::move(header), std::move(breakers.written),
                   std::move(stored)};
}

std::unique_ptr<MarketSnapshots> market_snapshots_for(const config::Configuration& cfg,
                                                      ports::Store& store, Date today) {
  const auto& md = cfg.settings.market_data;
  if (md.source == config::MarketDataSource::Store)
    return std::make_unique<StoredSnapshots>(store, cfg.universe.underlyings, today);
  data::synthetic::SyntheticMarketConfig synthetic;
  synthetic.seed = md.seed;
  return std::make_unique<SyntheticSnapshots>(synthetic);
}

}  // namespace dorado::engine
