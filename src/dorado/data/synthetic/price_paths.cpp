#include "dorado/data/synthetic/price_paths.hpp"

#include <algorithm>
#include <cmath>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/synthetic/random_stream.hpp"

namespace dorado::data::synthetic {
namespace {

double tick_of(const AssetSpec& asset) {
  if (asset.symbol == "USDJPY") return 0.001;
  if (asset.symbol == "AUDUSD") return 0.00001;
  return 0.01;
}

double round_to_tick(double price, double tick) {
  return std::max(tick, std::nearbyint(price / tick) * tick);
}

// Shape draws of one instrument on one day, always drawn (trading or not) so
// the stream position never depends on the calendars.
struct BarShape {
  double gap, high, low, volume;
};

Bar make_bar(const AssetSpec& asset, Date day, double previous_close, double close,
             double daily_sigma, double calm_sigma, const BarShape& shape) {
  const double gap_sigma = std::sqrt(asset.gap_share) * daily_sigma;
  const double range_sigma = 0.5 * std::sqrt(1.0 - asset.gap_share) * daily_sigma;
  const double open = previous_close * std::exp(gap_sigma * shape.gap);
  const double high = std::max(open, close) * std::exp(range_sigma * std::fabs(shape.high));
  const double low = std::min(open, close) * std::exp(-range_sigma * std::fabs(shape.low));
  const double tick = tick_of(asset);

  Bar bar;
  bar.time = Timestamp{std::chrono::sys_days{day}};
  bar.open = round_to_tick(open, tick);
  bar.high = round_to_tick(high, tick);
  bar.low = round_to_tick(low, tick);
  bar.close = round_to_tick(close, tick);
  // Volume rises with the regime's volatility and with the size of the move.
  const double move = std::min(std::fabs(std::log(close / previous_close)) / daily_sigma, 4.0);
  const double activity = (daily_sigma / calm_sigma) * (0.75 + 0.25 * move);
  bar.volume =
      std::nearbyint(asset.base_volume * activity * std::exp(0.25 * shape.volume - 0.03125));
  return bar;
}

}  // namespace

AssetBars generate_asset_bars(const std::vector<Date>& days,
                              const std::vector<MacroRegime>& regimes, std::uint64_t seed) {
  const auto& assets = market_assets();
  std::array<SquareMatrix, kRegimeCount> factors;
  for (std::size_t r = 0; r < kRegimeCount; ++r) {
    factors[r] = cholesky(regime_correlation(static_cast<MacroRegime>(r)));
  }
  std::array<const calendar::ExchangeCalendar*, kAssetCount> calendars{};
  std::array<double, kAssetCount> close{};
  std::array<double, kAssetCount> deviation{};  // log price minus trend
  for (std::size_t i = 0; i < kAssetCount; ++i) {
    calendars[i] = &calendar::calendar_named(assets[i].calendar);
    close[i] = assets[i].start_price;
  }

  RandomStream shocks(derive_seed(seed, "returns"));
  RandomStream shapes(derive_seed(seed, "bar-shapes"));
  AssetBars bars;
  std::vector<double> z(kAssetCount);
  for (std::size_t d = 0; d < days.size(); ++d) {
    const std::size_t r = regime_index(regimes[d]);
    for (double& v : z) v = shocks.normal();
    const std::vector<double> y = multiply_lower(factors[r], z);
    for (std::size_t i = 0; i < kAssetCount; ++i) {
      const BarShape shape{shapes.normal(), shapes.normal(), shapes.normal(), shapes.normal()};
      if (!calendars[i]->is_trading_day(days[d])) continue;
      const AssetSpec& asset = assets[i];
      const double daily_sigma = asset.volatility[r] / std::sqrt(asset.periods_per_year);
      const double calm_sigma = asset.volatility[regime_index(MacroRegime::Goldilocks)] /
                                std::sqrt(asset.periods_per_year);
      const double pull = asset.mean_reversion / asset.periods_per_year * deviation[i];
      const double shock = daily_sigma * y[i];
      const double log_return = asset.drift[r] / asset.periods_per_year - pull + shock;
      deviation[i] += shock - pull;
      const double next_close = close[i] * std::exp(log_return);
      bars[i].push_back(
          make_bar(asset, days[d], close[i], next_close, daily_sigma, calm_sigma, shape));
      close[i] = next_close;
    }
  }
  return bars;
}

}  // namespace dorado::data::synthetic
