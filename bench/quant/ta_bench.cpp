// TA engine benchmarks (issue 3 targets): the ATR + ADX + RSI + SMA set over a
// 20-year daily history (5,040 bars) under 60 us per instrument, and the
// rolling 252-day Hurst exponent over the same history under 10 ms.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "dorado/quant/ta/indicators.hpp"

namespace {

using namespace dorado::quant::ta;

constexpr std::size_t kTwentyYears = 5040;  // 20 x 252 trading days

// A geometric random walk with intraday ranges, 1.2 % a day.
std::vector<dorado::Bar> history(std::size_t days) {
  std::mt19937_64 rng(2024);
  std::normal_distribution<double> shock(0.0, 0.012);
  std::uniform_real_distribution<double> wick(0.0, 0.01);
  std::vector<dorado::Bar> bars(days);
  double close = 100.0;
  for (auto& bar : bars) {
    bar.open = close * std::exp(0.3 * shock(rng));
    close = bar.open * std::exp(shock(rng));
    bar.close = close;
    bar.high = std::max(bar.open, close) * (1.0 + wick(rng));
    bar.low = std::min(bar.open, close) * (1.0 - wick(rng));
  }
  return bars;
}

std::vector<double> closes_of(const std::vector<dorado::Bar>& bars) {
  std::vector<double> closes(bars.size());
  std::transform(bars.begin(), bars.end(), closes.begin(), [](const auto& b) { return b.close; });
  return closes;
}

// Batch: the four series of one instrument's history, closes extracted inside
// the timed loop.
void TaSet_AtrAdxRsiSma_Batch(benchmark::State& state) {
  const auto bars = history(kTwentyYears);
  for (auto _ : state) {
    const auto closes = closes_of(bars);
    auto a = atr(bars, 14);
    auto d = adx(bars, 14);
    auto r = rsi(closes, 14);
    auto s = sma(closes, 20);
    benchmark::DoNotOptimize(a.data());
    benchmark::DoNotOptimize(d.adx.data());
    benchmark::DoNotOptimize(r.data());
    benchmark::DoNotOptimize(s.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(bars.size()));
}
BENCHMARK(TaSet_AtrAdxRsiSma_Batch)->Unit(benchmark::kMicrosecond);

// Streaming: the same four indicators fed one bar at a time, fresh objects per
// history (what a replay does).
void TaSet_AtrAdxRsiSma_Streaming(benchmark::State& state) {
  const auto bars = history(kTwentyYears);
  for (auto _ : state) {
    Atr atr14(14);
    Adx adx14(14);
    Rsi rsi14(14);
    Sma sma20(20);
    double sink = 0.0;
    for (const auto& bar : bars) {
      sink += atr14.update(bar);
      sink += adx14.update(bar).adx;
      sink += rsi14.update(bar.close);
      sink += sma20.update(bar.close);
    }
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(bars.size()));
}
BENCHMARK(TaSet_AtrAdxRsiSma_Streaming)->Unit(benchmark::kMicrosecond);

void RollingHurst252_Batch(benchmark::State& state, HurstMethod method) {
  const auto closes = closes_of(history(kTwentyYears));
  for (auto _ : state) {
    auto h = rolling_hurst(closes, 252, {.method = method});
    benchmark::DoNotOptimize(h.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(closes.size() - 252));
}
BENCHMARK_CAPTURE(RollingHurst252_Batch, RescaledRange, HurstMethod::RescaledRange)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RollingHurst252_Batch, Dfa, HurstMethod::Dfa)->Unit(benchmark::kMillisecond);

void RollingHurst252_Streaming(benchmark::State& state) {
  const auto closes = closes_of(history(kTwentyYears));
  for (auto _ : state) {
    RollingHurst hurst(252);
    double sink = 0.0;
    for (double c : closes) sink += hurst.update(c);
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(closes.size() - 252));
}
BENCHMARK(RollingHurst252_Streaming)->Unit(benchmark::kMillisecond);

}  // namespace

// Weak so that another bench/quant file may bring its own BENCHMARK_MAIN()
// into the same dorado_bench_quant executable without a clash.
__attribute__((weak)) int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
