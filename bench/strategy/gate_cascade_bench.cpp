// The gate cascade at daily-scan scale: two years of daily bars, a year of
// ATM IV and a 5,000-contract chain (25 expirations x 100 strikes x 2
// rights) per underlying, every stage evaluated (thresholds wide open, so
// nothing stops the cascade early): the technical picture alone, one
// underlying's cascade, and 500 underlyings serially and on two threads.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <random>

#include "dorado/quant/options/black_scholes.hpp"
#include "dorado/strategy/gates/gate_cascade.hpp"

namespace dorado::strategy {
namespace {

using namespace std::chrono;

const sys_days kToday{year{2024} / March / day{14}};

std::vector<Bar> random_walk(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> step(0.0, 0.01);
  std::vector<Bar> bars;
  double close = 500.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double open = close;
    close *= std::exp(step(rng));
    Bar b;
    b.time = time_point_cast<microseconds>(kToday - days(n - 1 - i));
    b.open = open;
    b.close = close;
    b.high = std::max(open, close) * 1.004;
    b.low = std::min(open, close) * 0.996;
    bars.push_back(b);
  }
  return bars;
}

OptionChain big_chain(double spot) {
  OptionChain chain;
  chain.underlying = "SPY";
  chain.spot = spot;
  chain.as_of = time_point_cast<microseconds>(kToday + hours{20});
  for (int e = 0; e < 25; ++e) {
    const Date expiration{kToday + days{7 + 7 * e}};
    const double years = (7 + 7 * e) / 365.0;
    for (int k = 0; k < 100; ++k) {
      const double strike = spot * (0.8 + 0.004 * k);
      for (const OptionRight right : {OptionRight::Put, OptionRight::Call}) {
        const auto g = quant::bsm_greeks({spot, strike, years, 0.04, 0.015, 0.18, right});
        OptionContract c;
        c.underlying = "SPY";
        c.expiration = expiration;
        c.strike = strike;
        c.right = right;
        c.bid = std::max(0.0, g.price - 0.02);
        c.ask = g.price + 0.02;
        c.delta = g.delta;
        c.gamma = g.gamma;
        c.theta = g.theta;
        c.vega = g.vega;
        chain.contracts.push_back(c);
      }
    }
  }
  return chain;
}

UnderlyingSnapshot underlying(unsigned seed) {
  UnderlyingSnapshot s;
  s.symbol = "U" + std::to_string(seed);
  s.asset_class = AssetClass::EquityOptions;
  s.as_of = Date{kToday};
  s.at = time_point_cast<microseconds>(kToday + hours{20});
  s.daily_bars = random_walk(504, seed);
  for (int i = 0; i < 252; ++i) s.atm_iv_history.push_back(0.15 + 0.05 * std::sin(i * 0.1));
  s.vix = 18.0;
  s.vix3m = 19.5;
  s.chain = big_chain(s.last_close());
  return s;
}

config::StrategyTemplate wide_open_condor() {
  config::OptionRules rules;
  rules.expiration = {{30, 45}, 38};
  rules.legs = {{"short_put", OptionRight::Put, config::LegSide::Short, -0.16, {}, 1},
                {"long_put", OptionRight::Put, config::LegSide::Long, {}, 10.0, 1},
                {"short_call", OptionRight::Call, config::LegSide::Short, 0.16, {}, 1},
                {"long_call", OptionRight::Call, config::LegSide::Long, {}, 10.0, 1}};
  rules.entry.volatility = {0.0, 0.0, config::NumberRange{0, 100}};
  rules.entry.technical = {100.0, std::nullopt, 1.0, 0.0};
  rules.entry.technical.atr_channel = config::AtrChannel{20, 14, 100.0, 10};
  config::StrategyTemplate t;
  t.name = "iron_condor";
  t.structure = config::Structure::IronCondor;
  t.rules = rules;
  return t;
}

void BM_TechnicalPicture(benchmark::State& state) {
  const auto s = underlying(1);
  for (auto _ : state) benchmark::DoNotOptimize(technical_picture(s));
}
BENCHMARK(BM_TechnicalPicture)->Unit(benchmark::kMicrosecond);

void BM_GateCascadeOneUnderlying(benchmark::State& state) {
  const auto s = underlying(1);
  const auto t = wide_open_condor();
  for (auto _ : state) {
    auto result = run_gate_cascade(s, t, RegimeView{});
    if (!result.passed()) state.SkipWithError("a gate failed: the bench must run every stage");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_GateCascadeOneUnderlying)->Unit(benchmark::kMicrosecond);

void BM_GateCascades500Underlyings(benchmark::State& state) {
  std::vector<UnderlyingSnapshot> snapshots;
  for (unsigned i = 0; i < 500; ++i) snapshots.push_back(underlying(i));
  const auto t = wide_open_condor();
  std::vector<GateCascadeJob> jobs;
  for (const auto& s : snapshots) jobs.push_back({s, t});
  const auto threads = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(run_gate_cascades(jobs, RegimeView{}, {}, threads));
  state.counters["underlyings/s"] =
      benchmark::Counter(500.0 * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GateCascades500Underlyings)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace dorado::strategy
