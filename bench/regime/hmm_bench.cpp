// Macro HMM benchmarks (issue 4 target): training on 25 years of daily
// features (6,300 days x 16 raw features -> 10 PCA components), 5 states,
// full covariance, default restarts, in under 200 ms; and the daily filter
// update that publishes each day's regime.
#include <benchmark/benchmark.h>

#include <array>
#include <chrono>
#include <cmath>
#include <random>

#include "dorado/regime/macro_regime_filter.hpp"
#include "dorado/regime/macro_regime_model.hpp"

namespace {

using namespace dorado::regime;

constexpr std::size_t kTwentyFiveYears = 6300;  // 25 x 252 trading days
constexpr int kFeatures = 16;

// Six persistent regimes (expected stays 40-150 days); each feature's level
// depends on the regime, with AR(1) noise, like daily macro series.
FeatureHistory history(std::size_t days) {
  std::mt19937_64 rng(2025);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  std::array<std::array<double, 6>, kFeatures> level{};
  for (auto& f : level)
    for (auto& l : f) l = 0.6 * normal(rng);
  const std::array<double, 6> stay{1 - 1 / 150.0, 1 - 1 / 120.0, 1 - 1 / 40.0,
                                   1 - 1 / 60.0,  1 - 1 / 35.0,  1 - 1 / 70.0};
  FeatureHistory h;
  h.names = {"VIX", "BAA_AAA", "T10Y2Y", "SPY_MA50_200"};
  for (int f = 4; f < kFeatures; ++f) {
    std::string name = "F";
    name += std::to_string(f);
    h.names.push_back(std::move(name));
  }
  h.values.resize(static_cast<Eigen::Index>(days), kFeatures);
  std::array<double, kFeatures> noise{};
  int regime = 0;
  auto day = std::chrono::sys_days{std::chrono::year{2000} / 1 / 3};
  for (std::size_t t = 0; t < days; ++t) {
    if (uniform(rng) > stay[static_cast<std::size_t>(regime)])
      regime = (regime + 1 + static_cast<int>(uniform(rng) * 5)) % 6;
    for (int f = 0; f < kFeatures; ++f) {
      auto& e = noise[static_cast<std::size_t>(f)];
      e = 0.8 * e + 0.45 * normal(rng);
      h.values(static_cast<Eigen::Index>(t), f) =
          level[static_cast<std::size_t>(f)][static_cast<std::size_t>(regime)] + e;
    }
    h.dates.push_back(std::chrono::year_month_day{day});
    day += std::chrono::days{std::chrono::weekday{day} == std::chrono::Friday ? 3 : 1};
  }
  return h;
}

MacroModelConfig five_states() {
  MacroModelConfig c;
  c.hmm.states = 5;
  c.pca_components = 10;
  return c;
}

void BM_TrainMacroHmm25Years(benchmark::State& state) {
  const FeatureHistory h = history(kTwentyFiveYears);
  const MacroModelConfig config = five_states();
  std::size_t iterations = 0;
  for (auto _ : state) {
    const auto model = train_macro_model(h, config);
    iterations = model.metrics.iterations;
    benchmark::DoNotOptimize(model.metrics.log_likelihood);
  }
  state.counters["em_iterations_best_restart"] = static_cast<double>(iterations);
  state.counters["restarts"] = static_cast<double>(config.hmm.restarts);
}
BENCHMARK(BM_TrainMacroHmm25Years)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The cost of Baum-Welch iterations: one restart, up to 100 (the counter says
// how many ran: a fit that stops improving at all ends early).
void BM_HundredEmIterations(benchmark::State& state) {
  const FeatureHistory h = history(kTwentyFiveYears);
  MacroModelConfig config = five_states();
  config.hmm.restarts = 1;
  config.hmm.tolerance = 0.0;
  config.hmm.max_iterations = 100;
  std::size_t iterations = 0;
  for (auto _ : state) {
    const auto model = train_macro_model(h, config);
    iterations = model.metrics.iterations;
    benchmark::DoNotOptimize(model.metrics.bic);
  }
  state.counters["em_iterations"] = static_cast<double>(iterations);
}
BENCHMARK(BM_HundredEmIterations)->Unit(benchmark::kMillisecond);

void BM_DailyFilterUpdate(benchmark::State& state) {
  const FeatureHistory h = history(kTwentyFiveYears);
  const auto model = train_macro_model(h, five_states());
  MacroRegimeFilter filter(model);
  std::size_t t = 0;
  auto date = std::chrono::sys_days{std::chrono::year{2030} / 1 / 1};
  for (auto _ : state) {
    const auto reading =
        filter.update(std::chrono::year_month_day{date},
                      h.values.row(static_cast<Eigen::Index>(t++ % kTwentyFiveYears)).transpose());
    date += std::chrono::days{1};
    benchmark::DoNotOptimize(reading.confidence);
  }
}
BENCHMARK(BM_DailyFilterUpdate)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
