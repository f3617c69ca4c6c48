// Portfolio-aware selection at scan scale: 500 candidates on 500 underlyings, a
// full 500 x 500 correlation matrix, a book of 40 open positions. The daily scan
// (issue 5) must run gates -> resolve -> score -> select for the whole universe in
// under a second; this is the select share.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "dorado/risk/selection.hpp"

namespace dorado::risk {
namespace {

config::RiskPolicy policy() {
  config::RiskPolicy p;
  p.trade.max_loss_per_trade_pct = 2;
  p.portfolio.max_heat_pct = 30;
  p.portfolio.max_single_underlying_pct = 4;
  p.portfolio.max_asset_class_pct = {{AssetClass::EquityOptions, 25}};
  p.portfolio.max_correlated_cluster_pct = 6;
  p.portfolio.correlation_threshold = 0.7;
  p.portfolio.net_vega_range_pct = {-5, 5};
  p.portfolio.net_delta_range_pct = {-50, 50};
  p.portfolio.min_cash_pct = 10;
  return p;
}

PositionRisk position(const std::string& u, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> loss(100, 1500);
  const Money ml = Money::from_units(loss(rng), kUsd);
  return PositionRisk{
      u + "/pos", "bot-" + u,  u,          AssetClass::EquityOptions,   Quantity::units(1), ml,
      ml,         Money(kUsd), Quantity{}, Exposure{-20, -2, -10, 3, 0}};
}

struct Scan {
  PortfolioState book = PortfolioState::flat(Money::from_units(1'000'000, kUsd));
  std::vector<SelectionEntry> entries;
};

Scan make_scan(int underlyings, int open_positions) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> rho(-0.8, 0.8), score(0, 1);
  Scan s;
  std::vector<std::string> names;
  for (int i = 0; i < underlyings; ++i) names.push_back("U" + std::to_string(i));
  for (int i = 0; i < underlyings; ++i)
    for (int j = i + 1; j < underlyings; ++j) s.book.correlations.set(names[i], names[j], rho(rng));
  for (int i = 0; i < open_positions; ++i)
    s.book = s.book.with(position(names[i * 7 % underlyings], rng));
  for (int i = 0; i < underlyings; ++i) {
    auto pos = position(names[i], rng);
    Candidate c{pos.bot_id,
                pos.underlying,
                "iron_condor",
                {},
                Money(kUsd),
                pos.max_loss,
                score(rng),
                {},
                {},
                std::nullopt,
                "",
                {}};
    s.entries.push_back({c, pos, {}, 2});
  }
  return s;
}

void BM_Select(benchmark::State& state) {
  const Scan scan = make_scan(static_cast<int>(state.range(0)), 40);
  const auto p = policy();
  std::size_t selected = 0;
  for (auto _ : state) {
    const auto r = select(scan.book, scan.entries, p, {});
    selected = r.with_outcome(SelectionOutcome::Selected).size();
    benchmark::DoNotOptimize(selected);
  }
  state.counters["selected"] = static_cast<double>(selected);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Select)->Arg(100)->Arg(500)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dorado::risk

BENCHMARK_MAIN();
