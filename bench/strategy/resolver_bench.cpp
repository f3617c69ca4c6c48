// The resolver at daily-scan scale: a 5,000-contract chain (25 expirations x
// 100 strikes x 2 rights, Black-Scholes quotes with a put skew), an iron
// condor resolved on it (chain validation reprices the chosen expiration
// from its mids), and the whole chain's IV and greeks recomputed from mids
// (what a full-chain validation costs). Issue 5's budget: 500 such
// underlyings through gates -> resolve -> score -> select in under a second.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>

#include "dorado/quant/options/black_scholes.hpp"
#include "dorado/strategy/chain/model_greeks.hpp"
#include "dorado/strategy/resolve/resolver.hpp"

namespace dorado::strategy {
namespace {

using namespace std::chrono;

const Date kToday{year{2024}, March, day{14}};

OptionChain big_chain() {
  OptionChain chain;
  chain.underlying = "SPY";
  chain.spot = 500.0;
  chain.as_of = time_point_cast<microseconds>(sys_days{kToday} + hours{20});
  for (int e = 0; e < 25; ++e) {
    const Date expiration{sys_days{kToday} + days{7 + 7 * e}};
    const double years = (7 + 7 * e) / 365.0;
    for (int k = 0; k < 100; ++k) {
      const double strike = 400.0 + 2.0 * k;
      for (const OptionRight right : {OptionRight::Put, OptionRight::Call}) {
        const double vol = 0.16 + 0.25 * std::max(0.0, std::log(500.0 / strike));
        const auto g = quant::bsm_greeks({500.0, strike, years, 0.04, 0.015, vol, right});
        OptionContract c;
        c.underlying = "SPY";
        c.expiration = expiration;
        c.strike = strike;
        c.right = right;
        c.bid = std::max(0.0, std::round((g.price - 0.02) * 100.0) / 100.0);
        c.ask = std::round((g.price + 0.02) * 100.0) / 100.0 + 0.01;
        c.delta = g.delta;
        c.gamma = g.gamma;
        c.theta = g.theta;
        c.vega = g.vega;
        c.implied_vol = vol;
        chain.contracts.push_back(c);
      }
    }
  }
  return chain;
}

config::StrategyTemplate condor() {
  config::OptionRules rules;
  rules.expiration = {{30, 45}, 38};
  rules.legs = {{"short_put", OptionRight::Put, config::LegSide::Short, -0.16, {}, 1},
                {"long_put", OptionRight::Put, config::LegSide::Long, {}, 10.0, 1},
                {"short_call", OptionRight::Call, config::LegSide::Short, 0.16, {}, 1},
                {"long_call", OptionRight::Call, config::LegSide::Long, {}, 10.0, 1}};
  rules.entry.min_credit_to_width = 0.05;
  rules.entry.max_spread_pct = 50;
  config::StrategyTemplate t;
  t.name = "iron_condor";
  t.structure = config::Structure::IronCondor;
  t.rules = rules;
  return t;
}

void BM_ResolveIronCondor5000Contracts(benchmark::State& state) {
  UnderlyingSnapshot s;
  s.symbol = "SPY";
  s.chain = big_chain();
  s.as_of = kToday;
  s.at = s.chain->as_of;
  const auto t = condor();
  ResolveRequest request;
  request.pricing = {0.04, 0.015};
  for (auto _ : state) {
    const Resolution r = resolve(t, s, RegimeView{}, request);
    if (!r.ok()) state.SkipWithError(r.rejection().sentence.c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ResolveIronCondor5000Contracts)->Unit(benchmark::kMicrosecond);

void BM_RepriceWholeChainFromMids(benchmark::State& state) {
  const OptionChain chain = big_chain();
  const PricingAssumptions pricing{0.04, 0.015};
  const ChainQualityLimits limits;
  for (auto _ : state) {
    std::size_t priced = 0;
    for (const auto& c : chain.contracts)
      priced += price_contract(c, chain.spot, kToday, pricing, limits).model.has_value();
    benchmark::DoNotOptimize(priced);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(chain.size()));
}
BENCHMARK(BM_RepriceWholeChainFromMids)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace dorado::strategy

BENCHMARK_MAIN();
