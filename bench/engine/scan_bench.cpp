// The full daily scan at universe scale (issue 5): 500 options underlyings,
// one iron-condor bot each, every snapshot with a 5,000-contract chain. Timed:
// run_scan = gate cascade -> chain validation (implied vol and greeks of
// every quoted contract recomputed from its mid) -> resolve -> score ->
// trade-level risk, in parallel across underlyings, then one portfolio
// selection over the 500 candidates. Target: well under a second on two cores.
//
// The gates are opened (no volatility or technical thresholds) so that every
// underlying reaches the resolver: the expensive path, not the cheap
// rejections. Chains are the synthetic market's SPY chain of the day, each
// drawn from its own seed and cut to the 5,000 contracts of the nearest
// expirations; bars and IV history are SPY's.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/synthetic/option_chain_builder.hpp"
#include "dorado/engine/scan/daily_scan.hpp"
#include "dorado/engine/scan/return_correlations.hpp"
#include "dorado/engine/scan/scan_instant.hpp"
#include "dorado/engine/scan/synthetic_snapshots.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono;

constexpr std::size_t kUnderlyings = 500;
constexpr std::size_t kContracts = 5000;
const Date kDay{2024y / December / 31};

config::StrategyTemplate open_iron_condor() {
  config::StrategyTemplate t;
  t.name = "iron_condor";
  t.underlying_class = AssetClass::EquityOptions;
  t.structure = config::Structure::IronCondor;
  t.regimes_allowed = {"goldilocks", "risk_on", "recovery", "transition", "risk_off", "crisis"};
  config::OptionRules r;
  r.expiration = {{30, 45}, 38};
  using config::LegSide;
  r.legs = {{"short_put", OptionRight::Put, LegSide::Short, -0.16, std::nullopt, 1},
            {"long_put", OptionRight::Put, LegSide::Long, std::nullopt, 5.0, 1},
            {"short_call", OptionRight::Call, LegSide::Short, 0.16, std::nullopt, 1},
            {"long_call", OptionRight::Call, LegSide::Long, std::nullopt, 5.0, 1}};
  r.entry.min_credit_to_width = 0.05;
  r.entry.max_spread_pct = 20;
  r.sizing.max_contracts = 10;
  t.rules = r;
  return t;
}

config::Configuration universe_of(std::size_t n) {
  config::Configuration c;
  c.content_hash = std::string(64, 'b');
  c.strategies.push_back(open_iron_condor());
  c.risk_policy.account.starting_equity = 10'000'000;
  c.risk_policy.trade = {2.0, config::SizingMethod::FixedRiskPct, 3.0, 0.0};
  c.risk_policy.portfolio.max_heat_pct = 30;
  c.risk_policy.portfolio.max_single_underlying_pct = 4;
  c.risk_policy.portfolio.max_asset_class_pct = {{AssetClass::EquityOptions, 25}};
  c.risk_policy.portfolio.max_correlated_cluster_pct = 20;
  c.risk_policy.portfolio.correlation_threshold = 0.7;
  c.risk_policy.portfolio.net_vega_range_pct = {-5, 5};
  c.risk_policy.portfolio.net_delta_range_pct = {-50, 50};
  c.risk_policy.portfolio.min_cash_pct = 10;
  c.scoring_weights.weights = {0.15, 0.30, 0.20, 0.15, 0.20};
  c.scoring_weights.directional_weights = {0.4, 0.35, 0.25};
  for (std::size_t i = 0; i < n; ++i) {
    const std::string symbol = "U" + std::to_string(1000 + i);
    config::UniverseMember m;
    m.symbol = symbol;
    m.asset_class = AssetClass::EquityOptions;
    m.cluster = "c" + std::to_string(i % 25);
    m.contract_multiplier = 100;
    c.universe.underlyings.push_back(m);
    config::BotConfig b;
    b.id = "bot-" + symbol;
    b.underlying = symbol;
    b.strategy = "iron_condor";
    b.risk_pct = 0.5;
    b.max_positions = 1;
    c.bots.push_back(b);
  }
  return c;
}

struct Universe {
  config::Configuration configuration = universe_of(kUnderlyings);
  std::map<std::string, strategy::UnderlyingSnapshot> snapshots;
  risk::PortfolioState book = risk::PortfolioState::flat(Money::from_units(10'000'000, kUsd));
  std::map<std::string, strategy::PricingAssumptions> pricing;
  std::size_t contracts = 0;

  Universe() {
    const SyntheticSnapshots market{data::synthetic::SyntheticMarketConfig{}};
    config::UniverseMember spy;
    spy.symbol = "SPY";
    const auto base = market.snapshot(spy, kDay);
    const auto& m = market.market();
    const auto& nyse = calendar::calendar_named("nyse");
    std::map<std::string, std::vector<Bar>> bars;
    for (std::size_t i = 0; i < kUnderlyings; ++i) {
      const auto& member = configuration.universe.underlyings[i];
      data::synthetic::ChainInputs in;
      in.underlying = "SPY";
      in.day = kDay;
      in.as_of = scan_instant(kDay);
      in.spot = base.last_close();
      in.previous_spot = m.bar("SPY", nyse.previous_trading_day(kDay))->close;
      in.vix = *base.vix;
      in.vix3m = *base.vix3m;
      in.risk_free_rate = m.config().risk_free_rate;
      in.problems = m.config().chain_problems;
      in.seed = 1000 + i;
      auto chain = data::synthetic::build_option_chain(in).chain;
      std::stable_sort(chain.contracts.begin(), chain.contracts.end(),
                       [](const auto& a, const auto& b) { return a.expiration < b.expiration; });
      if (chain.contracts.size() > kContracts) chain.contracts.resize(kContracts);
      chain.underlying = member.symbol;
      for (auto& c : chain.contracts) c.underlying = member.symbol;
      contracts += chain.contracts.size();
      auto s = base;
      s.symbol = member.symbol;
      s.chain = std::move(chain);
      bars[member.symbol] = s.daily_bars;
      snapshots.emplace(member.symbol, std::move(s));
      pricing[member.symbol] = market.pricing(spy);
    }
    book.correlations = return_correlations(bars);
  }
};

const Universe& universe() {
  static const Universe u;
  return u;
}

void BM_FullScan(benchmark::State& state) {
  const auto& u = universe();
  ScanSettings settings;
  settings.threads = static_cast<std::size_t>(state.range(0));
  std::size_t candidates = 0;
  for (auto _ : state) {
    ScanInputs in{u.configuration, u.snapshots, u.pricing, {},
                  u.book,          {},          kDay,      scan_instant(kDay)};
    const auto result = run_scan(in, settings);
    candidates = result.selection.decisions.size();
    benchmark::DoNotOptimize(result.selection.budget.trades_before_heat_limit);
  }
  state.counters["underlyings"] = static_cast<double>(kUnderlyings);
  state.counters["contracts_per_chain"] =
      static_cast<double>(u.contracts) / static_cast<double>(kUnderlyings);
  state.counters["candidates"] = static_cast<double>(candidates);
  state.counters["contracts_per_s"] = benchmark::Counter(
      static_cast<double>(u.contracts), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FullScan)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace dorado::engine
BENCHMARK_MAIN();
