#pragma once
// Hand-built templates, regimes and snapshots for the gate tests: every
// threshold is written here so a test's expected numbers can be worked out
// from this file alone (the shipped YAML is exercised by the cascade test).
#include <chrono>
#include <string>
#include <vector>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/bar.hpp"
#include "dorado/domain/published_regime.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy::testing {

using namespace std::chrono_literals;

inline Timestamp at_utc(std::chrono::sys_days day, std::chrono::hours hour) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(day + hour);
}

// The scan instant of every test: Monday 16 March 2026, 20:00 UTC.
inline const std::chrono::sys_days kScanDay{std::chrono::year{2026} / 3 / 16};
inline const Timestamp kScanAt = at_utc(kScanDay, 20h);

inline PublishedRegime published(std::string model, std::string label, double confidence,
                                 Timestamp as_of) {
  PublishedRegime r;
  r.model = std::move(model);
  r.label = std::move(label);
  r.confidence = confidence;
  r.as_of = as_of;
  r.model_version = "test";
  return r;
}

// The iron condor of config/strategies/iron_condor.yaml without its overrides.
inline config::StrategyTemplate iron_condor() {
  config::StrategyTemplate t;
  t.name = "iron_condor";
  t.underlying_class = AssetClass::EquityOptions;
  t.structure = config::Structure::IronCondor;
  t.regimes_allowed = {"goldilocks", "risk_on", "recovery", "transition", "risk_off"};
  config::OptionRules r;
  r.expiration.dte_range = {30, 45};
  r.expiration.prefer_dte = 38;
  r.legs = {{"short_put", OptionRight::Put, config::LegSide::Short, -0.16, std::nullopt, 1},
            {"long_put", OptionRight::Put, config::LegSide::Long, std::nullopt, 5.0, 1},
            {"short_call", OptionRight::Call, config::LegSide::Short, 0.16, std::nullopt, 1},
            {"long_call", OptionRight::Call, config::LegSide::Long, std::nullopt, 5.0, 1}};
  r.entry.min_credit_to_width = 0.25;
  r.entry.max_spread_pct = 10;
  r.entry.volatility = {30.0, 1.0, config::NumberRange{14, 30}};
  r.entry.technical = {25.0, config::AtrChannel{}, 0.55, 0.5};
  t.rules = r;
  return t;
}

inline config::StrategyTemplate fx_momentum() {
  config::StrategyTemplate t;
  t.name = "fx_momentum";
  t.underlying_class = AssetClass::Fx;
  t.structure = config::Structure::Momentum;
  t.regimes_allowed = {"momentum", "carry"};
  config::MomentumRules m;
  m.signal.ema_fast = 20;
  m.signal.ema_slow = 50;
  m.signal.adx_period = 14;
  m.signal.adx_min = 25;
  m.entry.atr_period = 14;
  m.exit.stop_atr = 2.0;
  m.exit.target_atr = 4.0;
  t.rules = m;
  return t;
}

inline config::StrategyTemplate crypto_momentum() {
  config::StrategyTemplate t;
  t.name = "crypto_momentum";
  t.underlying_class = AssetClass::Crypto;
  t.structure = config::Structure::Momentum;
  t.regimes_allowed = {"strong_trend", "weak_trend"};
  config::MomentumRules m;
  m.signal.hurst_window = 100;
  m.signal.hurst_entry_min = 0.55;
  m.filters.realized_vol_range_pct = config::NumberRange{30, 120};
  m.entry.atr_period = 14;
  m.exit.stop_atr = 2.5;
  m.exit.target_atr = 5.0;
  t.rules = m;
  return t;
}

inline Bar daily_bar(std::chrono::sys_days day, double high, double low, double close) {
  Bar b;
  b.time = at_utc(day, 0h);
  b.open = close;
  b.high = high;
  b.low = low;
  b.close = close;
  b.volume = 1e6;
  return b;
}

// `n` quiet days ending on the scan day: high 101, low 99, close 100.
inline std::vector<Bar> flat_bars(std::size_t n) {
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < n; ++i)
    bars.push_back(daily_bar(kScanDay - std::chrono::days(n - 1 - i), 101.0, 99.0, 100.0));
  return bars;
}

inline UnderlyingSnapshot snapshot(std::string symbol, AssetClass asset_class) {
  UnderlyingSnapshot s;
  s.symbol = std::move(symbol);
  s.asset_class = asset_class;
  s.as_of = std::chrono::year_month_day{kScanDay};
  s.at = kScanAt;
  return s;
}

}  // namespace dorado::strategy::testing
