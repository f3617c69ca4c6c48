// dorado bench: the project's own performance figures, measured in this
// process on seeded inputs shaped like the real workload, one progress line
// per case. The Google Benchmark executables of bench/ remain the reference
// measurements (they also compare against QuantLib, which this binary never
// links); this command lets a trader see the figures on the machine that runs
// the scan. Times are CPU time of this process (std::clock), the median of
// the repetitions, so other load on the machine inflates them less than wall
// time would.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "dorado/cli/command.hpp"
#include "dorado/quant/options/black_scholes.hpp"
#include "dorado/quant/options/implied_vol.hpp"
#include "dorado/quant/ta/indicators.hpp"
#include "dorado/regime/macro_regime_model.hpp"
#include "dorado/risk/selection.hpp"

namespace dorado::cli {
namespace {

// Results are handed here so that the optimiser cannot drop the work.
volatile double g_sink = 0.0;
void keep(double value) {
  g_sink = g_sink + value;
}

struct BenchSettings {
  int repetitions = 5;
  std::size_t contracts = 10000;
};

// Median CPU seconds of `repetitions` runs of `body`, after one untimed run
// that warms the caches and the allocator.
double median_seconds(int repetitions, const std::function<void()>& body) {
  body();
  std::vector<double> runs;
  for (int i = 0; i < repetitions; ++i) {
    const std::clock_t start = std::clock();
    body();
    runs.push_back(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

std::string figure(const char* format, double value) {
  char text[160];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// --- Option math: contracts shaped like listed chains (strikes 0.5x..2x
// spot, one day to two years, vols 5%..150%, rates 0..5%, yields 0..3%),
// each priced at its vol; prices with time value below 1e-8 of spot carry no
// vol to imply and are skipped.
struct Quoted {
  quant::BsmInputs contract;
  double price;
};

std::vector<Quoted> listed_contracts(std::size_t count) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<Quoted> out;
  while (out.size() < count) {
    quant::BsmInputs in;
    in.spot = 100.0;
    in.strike = 100.0 * std::exp((unit(rng) - 0.5) * std::log(4.0));
    in.years = std::exp(std::log(1.0 / 365.0) + unit(rng) * std::log(2.0 * 365.0));
    in.vol = std::exp(std::log(0.05) + unit(rng) * std::log(30.0));
    in.rate = 0.05 * unit(rng);
    in.yield = 0.03 * unit(rng);
    in.right = unit(rng) < 0.5 ? OptionRight::Call : OptionRight::Put;
    const double price = quant::bsm_price(in);
    const double intrinsic = std::fmax(
        quant::bsm_price({in.spot, in.strike, in.years, in.rate, in.yield, 0.0, in.right}), 0.0);
    if (price - intrinsic < 1e-8 * in.spot) continue;
    out.push_back({in, price});
  }
  return out;
}

// The comparison solve, written for this command only: bisection on the vol
// with our own pricer until the bracket is 1e-14 of its top, the plainest
// method that reaches the same precision as implied_vol().
double bisection_vol(quant::BsmInputs in, double price) {
  double lo = 0.0, hi = 1.0;
  for (in.vol = hi; quant::bsm_price(in) < price && hi < 1e3; in.vol = hi) hi *= 2.0;
  while (hi - lo > 1e-14 * hi) {
    in.vol = 0.5 * (lo + hi);
    (quant::bsm_price(in) < price ? lo : hi) = in.vol;
  }
  return 0.5 * (lo + hi);
}

std::string implied_vol_case(const BenchSettings& settings) {
  const auto chain = listed_contracts(settings.contracts);
  const double n = static_cast<double>(chain.size());
  long failures = 0;
  const double ours = median_seconds(settings.repetitions, [&] {
    failures = 0;
    for (const Quoted& q : chain) {
      const auto iv = quant::implied_vol(q.contract, q.price);
      if (!iv || std::fabs(iv.value() - q.contract.vol) > 1e-6) ++failures;
      keep(iv.value());
    }
  });
  const double reference = median_seconds(settings.repetitions, [&] {
    for (const Quoted& q : chain) keep(bisection_vol(q.contract, q.price));
  });
  return figure("%.1f ns/solve", ours / n * 1e9) +
         figure("; same-run reference (bisection to 1e-14 on the same contracts): %.0f ns/solve",
                reference / n * 1e9) +
         figure(", %.1fx", reference / ours) +
         figure("; failures %.0f", static_cast<double>(failures));
}

std::string price_greeks_case(const BenchSettings& settings) {
  const auto chain = listed_contracts(settings.contracts);
  const double seconds = median_seconds(settings.repetitions, [&] {
    for (const Quoted& q : chain) {
      const auto g = quant::bsm_greeks(q.contract);
      keep(g.price + g.delta + g.gamma + g.theta + g.vega + g.rho);
    }
  });
  return figure("%.1f ns/contract (price, delta, gamma, theta, vega, rho)",
                seconds / static_cast<double>(chain.size()) * 1e9);
}

// --- TA: a geometric random walk with intraday ranges, 1.2% a day, 20 years.
constexpr std::size_t kTwentyYears = 5040;

std::vector<Bar> daily_history(std::size_t days) {
  std::mt19937_64 rng(2024);
  std::normal_distribution<double> shock(0.0, 0.012);
  std::uniform_real_distribution<double> wick(0.0, 0.01);
  std::vector<Bar> bars(days);
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

std::vector<double> closes_of(const std::vector<Bar>& bars) {
  std::vector<double> closes;
  for (const Bar& b : bars) closes.push_back(b.close);
  return closes;
}

std::string ta_set_case(const BenchSettings& settings) {
  const auto bars = daily_history(kTwentyYears);
  const int runs = settings.repetitions * 20;  // one run is tens of microseconds
  const double seconds = median_seconds(runs, [&] {
    const auto closes = closes_of(bars);
    keep(quant::ta::atr(bars, 14).back() + quant::ta::adx(bars, 14).adx.back() +
         quant::ta::rsi(closes, 14).back() + quant::ta::sma(closes, 20).back());
  });
  return figure("%.1f us per instrument history", seconds * 1e6);
}

std::string hurst_case(const BenchSettings& settings) {
  const auto closes = closes_of(daily_history(kTwentyYears));
  const double seconds = median_seconds(
      settings.repetitions, [&] { keep(quant::ta::rolling_hurst(closes, 252).back()); });
  return figure("%.2f ms (rescaled range)", seconds * 1e3);
}

// --- Macro HMM: 25 years of 16 daily features driven by six persistent
// regimes (expected stays 35-150 days), AR(1) noise on each feature.
regime::FeatureHistory macro_history(std::size_t days) {
  constexpr int kFeatures = 16;
  std::mt19937_64 rng(2025);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  std::array<std::array<double, 6>, kFeatures> level{};
  for (auto& f : level)
    for (auto& l : f) l = 0.6 * normal(rng);
  const std::array<double, 6> stay{1 - 1 / 150.0, 1 - 1 / 120.0, 1 - 1 / 40.0,
                                   1 - 1 / 60.0,  1 - 1 / 35.0,  1 - 1 / 70.0};
  regime::FeatureHistory h;
  // The first four carry the names the regime naming looks for.
  h.names = {"VIX", "BAA_AAA", "T10Y2Y", "SPY_MA50_200"};
  for (int f = 4; f < kFeatures; ++f) h.names.push_back("F" + std::to_string(f));
  h.values.resize(static_cast<Eigen::Index>(days), kFeatures);
  std::array<double, kFeatures> noise{};
  std::size_t state = 0;
  auto day = std::chrono::sys_days{std::chrono::year{2000} / 1 / 3};
  for (std::size_t t = 0; t < days; ++t) {
    if (uniform(rng) > stay[state])
      state = (state + 1 + static_cast<std::size_t>(uniform(rng) * 5)) % 6;
    for (int f = 0; f < kFeatures; ++f) {
      auto& e = noise[static_cast<std::size_t>(f)];
      e = 0.8 * e + 0.45 * normal(rng);
      h.values(static_cast<Eigen::Index>(t), f) = level[static_cast<std::size_t>(f)][state] + e;
    }
    h.dates.push_back(std::chrono::year_month_day{day});
    day += std::chrono::days{std::chrono::weekday{day} == std::chrono::Friday ? 3 : 1};
  }
  return h;
}

std::string macro_hmm_case(const BenchSettings& settings) {
  const auto history = macro_history(6300);
  regime::MacroModelConfig config;
  config.hmm.states = 5;
  config.pca_components = 10;
  const double seconds = median_seconds(settings.repetitions, [&] {
    keep(regime::train_macro_model(history, config).metrics.log_likelihood);
  });
  return figure("%.1f ms (6,300 days x 16 features, 10 components, 5 states", seconds * 1e3) +
         figure(", %.0f restarts)", static_cast<double>(config.hmm.restarts));
}

// --- Selection: 500 candidates on 500 underlyings, a full correlation
// matrix, a book of 40 open positions.
config::RiskPolicy selection_policy() {
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

risk::PositionRisk open_position(const std::string& u, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> loss(100, 1500);
  const Money ml = Money::from_units(loss(rng), kUsd);
  return risk::PositionRisk{u + "/pos",
                            "bot-" + u,
                            u,
                            AssetClass::EquityOptions,
                            Quantity::units(1),
                            ml,
                            ml,
                            Money(kUsd),
                            Quantity{},
                            risk::Exposure{-20, -2, -10, 3, 0}};
}

struct Scan {
  risk::PortfolioState book = risk::PortfolioState::flat(Money::from_units(1'000'000, kUsd));
  std::vector<risk::SelectionEntry> entries;
};

Scan scan_of(int underlyings, int open_positions) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> rho(-0.8, 0.8), score(0, 1);
  Scan s;
  std::vector<std::string> names;
  for (int i = 0; i < underlyings; ++i) names.push_back("U" + std::to_string(i));
  for (int i = 0; i < underlyings; ++i)
    for (int j = i + 1; j < underlyings; ++j) s.book.correlations.set(names[i], names[j], rho(rng));
  for (int i = 0; i < open_positions; ++i)
    s.book = s.book.with(open_position(names[i * 7 % underlyings], rng));
  for (int i = 0; i < underlyings; ++i) {
    auto pos = open_position(names[i], rng);
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

std::string selection_case(const BenchSettings& settings) {
  const Scan scan = scan_of(500, 40);
  const auto policy = selection_policy();
  std::size_t selected = 0;
  const double seconds = median_seconds(settings.repetitions, [&] {
    selected = risk::select(scan.book, scan.entries, policy, {})
                   .with_outcome(risk::SelectionOutcome::Selected)
                   .size();
  });
  return figure("%.2f ms (500 x 500 correlations, 40 open positions", seconds * 1e3) +
         figure("; %.0f selected)", static_cast<double>(selected));
}

struct BenchCase {
  const char* name;
  std::function<std::string(const BenchSettings&)> run;
};

void run_bench(const BenchSettings& settings) {
  const std::vector<BenchCase> cases = {
      {"implied vol, listed-chain contracts", implied_vol_case},
      {"price + greeks, the same contracts", price_greeks_case},
      {"ATR + ADX + RSI + SMA over 5,040 bars", ta_set_case},
      {"rolling 252-day Hurst over 5,040 bars", hurst_case},
      {"macro HMM training", macro_hmm_case},
      {"portfolio selection of 500 candidates", selection_case},
  };
  std::cout << "dorado bench: CPU time, median of " << settings.repetitions << " runs per case, "
            << settings.contracts << " option contracts\n";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::cout << "[" << i + 1 << "/" << cases.size() << "] " << cases[i].name << " ..."
              << std::flush;
    std::cout << " " << cases[i].run(settings) << "\n" << std::flush;
  }
}

}  // namespace

void add_bench_command(CLI::App& app, CommandContext& ctx) {
  auto* sub = app.add_subcommand(
      "bench",
      "measure the project's own performance figures in this process (implied vol against a "
      "same-run bisection reference, price+greeks, TA set, rolling Hurst, macro HMM training, "
      "portfolio selection)");
  auto settings = std::make_shared<BenchSettings>();
  auto quick = std::make_shared<bool>(false);
  sub->add_option("--repetitions", settings->repetitions, "runs per case (the median is shown)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_flag("--quick", *quick, "one run per case and 1,000 option contracts (a smoke test)");
  sub->callback([&ctx, settings, quick] {
    BenchSettings run = *settings;
    if (*quick) {
      run.repetitions = 1;
      run.contracts = 1000;
    }
    run_bench(run);
    ctx.exit_code = 0;
  });
}

}  // namespace dorado::cli
