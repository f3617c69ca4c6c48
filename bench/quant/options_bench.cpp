// Option math against QuantLib on the same contracts:
//   BM_ImpliedVol_*      our implied_vol() vs QuantLib's blackFormulaImpliedStdDev
//                        (default accuracy 1e-6, and 1e-14 for machine precision like ours)
//   BM_PriceGreeks_*     our bsm_greeks() vs QuantLib's BlackCalculator (value, delta,
//                        gamma, theta, vega, rho, dividend rho)
// Each iteration sweeps the whole contract set; the counter ns_per_contract is
// the figure to compare (CPU time: the machine is shared, compare ratios from
// the same run). The IV cases count two kinds of failure separately:
// no_answer (QuantLib: an exception; ours: a failure reason) and off_by_1e-6
// (an answer more than 1e-6 from the true vol).
#include <benchmark/benchmark.h>

#include <cmath>
#include <ql/pricingengines/blackcalculator.hpp>
#include <ql/pricingengines/blackformula.hpp>
#include <random>
#include <vector>

#include "dorado/quant/options/black_scholes.hpp"
#include "dorado/quant/options/implied_vol.hpp"

namespace {

using dorado::OptionRight;
using dorado::quant::BsmInputs;

struct Quoted {
  BsmInputs contract;  // with the true vol
  double price;
};

// 10,000 seeded contracts shaped like listed chains: strikes 0.5x..2x spot,
// one day to two years, vols 5%..150%, rates 0..5%, yields 0..3%, calls and
// puts, each priced at its vol. Only prices with time value above 1e-8 of
// spot are kept (below that there is no vol to imply: both sides refuse).
std::vector<Quoted> chain_contracts() {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<Quoted> out;
  while (out.size() < 10000) {
    BsmInputs in;
    in.spot = 100.0;
    in.strike = 100.0 * std::exp((unit(rng) - 0.5) * std::log(4.0));
    in.years = std::exp(std::log(1.0 / 365.0) + unit(rng) * std::log(2.0 * 365.0));
    in.vol = std::exp(std::log(0.05) + unit(rng) * std::log(30.0));
    in.rate = 0.05 * unit(rng);
    in.yield = 0.03 * unit(rng);
    in.right = unit(rng) < 0.5 ? OptionRight::Call : OptionRight::Put;
    const double price = dorado::quant::bsm_price(in);
    const double discount = std::exp(-in.rate * in.years);
    const double forward = in.spot * std::exp((in.rate - in.yield) * in.years);
    const double intrinsic =
        std::fmax(in.right == OptionRight::Call ? discount * (forward - in.strike)
                                                : discount * (in.strike - forward),
                  0.0);
    if (price - intrinsic < 1e-8 * in.spot) continue;
    out.push_back({in, price});
  }
  return out;
}

const std::vector<Quoted>& contracts() {
  static const std::vector<Quoted> set = chain_contracts();
  return set;
}

QuantLib::Option::Type ql_type(OptionRight right) {
  return right == OptionRight::Call ? QuantLib::Option::Call : QuantLib::Option::Put;
}

struct Failures {
  long no_answer = 0, off = 0;
};

void report(benchmark::State& state, Failures failures = {}) {
  const double n = static_cast<double>(contracts().size());
  state.SetItemsProcessed(state.iterations() * static_cast<long>(contracts().size()));
  state.counters["ns_per_contract"] =
      benchmark::Counter(n * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["no_answer"] = static_cast<double>(failures.no_answer);
  state.counters["off_by_1e-6"] = static_cast<double>(failures.off);
  state.counters["contracts"] = n;
}

void BM_ImpliedVol_Dorado(benchmark::State& state) {
  Failures failures;
  long evaluations = 0;
  for (auto _ : state) {
    failures = {};
    evaluations = 0;
    for (const Quoted& q : contracts()) {
      const auto iv = dorado::quant::implied_vol(q.contract, q.price);
      benchmark::DoNotOptimize(iv);
      evaluations += iv.iterations();
      if (!iv) {
        ++failures.no_answer;
      } else if (std::fabs(iv.value() - q.contract.vol) > 1e-6) {
        ++failures.off;
      }
    }
  }
  report(state, failures);
  state.counters["evaluations_per_solve"] =
      static_cast<double>(evaluations) / static_cast<double>(contracts().size());
}
BENCHMARK(BM_ImpliedVol_Dorado)->Unit(benchmark::kMillisecond);

void quantlib_implied_vol(benchmark::State& state, double accuracy) {
  Failures failures;
  for (auto _ : state) {
    failures = {};
    for (const Quoted& q : contracts()) {
      const BsmInputs& in = q.contract;
      // The forward and discount are part of the job, as in the price+greeks
      // case: ours computes them from the same contract terms.
      const double discount = std::exp(-in.rate * in.years);
      const double forward = in.spot * std::exp((in.rate - in.yield) * in.years);
      try {
        const double std_dev = QuantLib::blackFormulaImpliedStdDev(
            ql_type(in.right), in.strike, forward, q.price, discount, 0.0,
            QuantLib::Null<QuantLib::Real>(), accuracy, 100);
        benchmark::DoNotOptimize(std_dev);
        if (std::fabs(std_dev / std::sqrt(in.years) - in.vol) > 1e-6) ++failures.off;
      } catch (const std::exception&) {
        ++failures.no_answer;
      }
    }
  }
  report(state, failures);
}
void BM_ImpliedVol_QuantLib_Accuracy1e6(benchmark::State& state) {
  quantlib_implied_vol(state, 1e-6);
}
void BM_ImpliedVol_QuantLib_Accuracy1e14(benchmark::State& state) {
  quantlib_implied_vol(state, 1e-14);
}
BENCHMARK(BM_ImpliedVol_QuantLib_Accuracy1e6)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImpliedVol_QuantLib_Accuracy1e14)->Unit(benchmark::kMillisecond);

void BM_PriceGreeks_Dorado(benchmark::State& state) {
  for (auto _ : state) {
    for (const Quoted& q : contracts()) {
      const auto g = dorado::quant::bsm_greeks(q.contract);
      benchmark::DoNotOptimize(g);
    }
  }
  report(state);
}
BENCHMARK(BM_PriceGreeks_Dorado)->Unit(benchmark::kMillisecond);

void BM_PriceGreeks_QuantLib(benchmark::State& state) {
  for (auto _ : state) {
    for (const Quoted& q : contracts()) {
      const BsmInputs& in = q.contract;
      // The forward and discount are part of the job: ours computes them too.
      const double discount = std::exp(-in.rate * in.years);
      const double forward = in.spot * std::exp((in.rate - in.yield) * in.years);
      const QuantLib::BlackCalculator bc(ql_type(in.right), in.strike, forward,
                                         in.vol * std::sqrt(in.years), discount);
      double out[7] = {bc.value(),
                       bc.delta(in.spot),
                       bc.gamma(in.spot),
                       bc.theta(in.spot, in.years),
                       bc.vega(in.years),
                       bc.rho(in.years),
                       bc.dividendRho(in.years)};
      benchmark::DoNotOptimize(out);
    }
  }
  report(state);
}
BENCHMARK(BM_PriceGreeks_QuantLib)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
