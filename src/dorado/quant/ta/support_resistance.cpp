#include "dorado/quant/ta/support_resistance.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::quant::ta {
namespace {

const SupportResistanceOptions& checked(const SupportResistanceOptions& o) {
  require_positive(o.swing_strength, "support/resistance swing_strength");
  require_positive(o.atr_period, "support/resistance atr_period");
  require_positive(o.min_touches, "support/resistance min_touches");
  if (o.lookback <= o.swing_strength)
    throw std::invalid_argument("support/resistance lookback (" + std::to_string(o.lookback) +
                                ") must exceed swing_strength (" +
                                std::to_string(o.swing_strength) + ")");
  if (!(o.cluster_tolerance_atr >= 0.0) || !std::isfinite(o.cluster_tolerance_atr))
    throw std::invalid_argument("support/resistance cluster_tolerance_atr must be >= 0, got " +
                                std::to_string(o.cluster_tolerance_atr));
  return o;
}

// at(c) against its k neighbours either side: a swing high when `high`, else a swing low.
template <typename At>
bool is_swing(At at, std::size_t c, std::size_t k, bool high) {
  const double centre = at(c);
  for (std::size_t j = c - k; j < c; ++j)
    if (high ? !(centre > at(j)) : !(centre < at(j))) return false;
  for (std::size_t j = c + 1; j <= c + k; ++j)
    if (high ? !(centre >= at(j)) : !(centre <= at(j))) return false;
  return true;
}

// The levels at bar t straight from the definition: scan the lookback for
// swings, sort, cluster. `prices` is scratch.
std::vector<PriceLevel> levels_at(std::span<const Bar> bars, const Series& range, std::size_t t,
                                  const SupportResistanceOptions& options,
                                  std::vector<double>& prices) {
  const std::size_t k = options.swing_strength;
  if (!is_defined(range[t]) || t < 2 * k) return {};
  const auto high = [&](std::size_t i) { return bars[i].high; };
  const auto low = [&](std::size_t i) { return bars[i].low; };
  prices.clear();
  const std::size_t first = std::max(k, t + 1 >= options.lookback ? t + 1 - options.lookback : 0);
  for (std::size_t i = first; i + k <= t; ++i) {
    if (is_swing(high, i, k, true)) prices.push_back(bars[i].high);
    if (is_swing(low, i, k, false)) prices.push_back(bars[i].low);
  }
  std::sort(prices.begin(), prices.end());
  return cluster_levels(prices, options.cluster_tolerance_atr * range[t], options.min_touches,
                        bars[t].close);
}

}  // namespace

std::vector<PriceLevel> cluster_levels(std::span<const double> ascending_prices, double tolerance,
                                       std::size_t min_touches, double close) {
  std::vector<PriceLevel> levels;
  std::size_t begin = 0;
  while (begin < ascending_prices.size()) {
    std::size_t end = begin + 1;
    while (end < ascending_prices.size() &&
           ascending_prices[end] - ascending_prices[end - 1] <= tolerance)
      ++end;
    const std::size_t touches = end - begin;
    if (touches >= min_touches) {
      double sum = 0.0;
      for (std::size_t i = begin; i < end; ++i) sum += ascending_prices[i];
      const double price = sum / static_cast<double>(touches);
      levels.push_back(
          {price, touches, price <= close ? LevelKind::Support : LevelKind::Resistance});
    }
    begin = end;
  }
  return levels;
}

std::vector<std::vector<PriceLevel>> support_resistance_series(
    std::span<const Bar> bars, const SupportResistanceOptions& options) {
  checked(options);
  const Series range = atr(bars, options.atr_period);
  std::vector<std::vector<PriceLevel>> out(bars.size());
  std::vector<double> prices;
  for (std::size_t t = 0; t < bars.size(); ++t) out[t] = levels_at(bars, range, t, options, prices);
  return out;
}

std::vector<PriceLevel> support_resistance_levels(std::span<const Bar> bars,
                                                  const SupportResistanceOptions& options) {
  checked(options);
  if (bars.empty()) return {};
  std::vector<double> prices;
  return levels_at(bars, atr(bars, options.atr_period), bars.size() - 1, options, prices);
}

SupportResistance::SupportResistance(const SupportResistanceOptions& options)
    : options_(checked(options)),
      atr_(options.atr_period),
      highs_(2 * options.swing_strength + 1),
      lows_(2 * options.swing_strength + 1) {}

const std::vector<PriceLevel>& SupportResistance::update(const Bar& bar) {
  const std::size_t t = bars_seen_++;
  const std::size_t k = options_.swing_strength;
  const double range = atr_.update(bar);
  highs_.push(bar.high);
  lows_.push(bar.low);
  if (highs_.full()) {
    // The middle of the 2k + 1 window is bar t - k, now confirmed or not.
    const auto high = [&](std::size_t i) { return highs_[i]; };
    const auto low = [&](std::size_t i) { return lows_[i]; };
    if (is_swing(high, k, k, true)) swings_.push_back({t - k, highs_[k]});
    if (is_swing(low, k, k, false)) swings_.push_back({t - k, lows_[k]});
  }
  while (!swings_.empty() && swings_.front().bar + options_.lookback <= t) swings_.pop_front();

  levels_.clear();
  if (!is_defined(range)) return levels_;
  prices_.clear();
  for (const Swing& s : swings_) prices_.push_back(s.price);
  std::sort(prices_.begin(), prices_.end());
  levels_ = cluster_levels(prices_, options_.cluster_tolerance_atr * range, options_.min_touches,
                           bar.close);
  return levels_;
}

}  // namespace dorado::quant::ta
