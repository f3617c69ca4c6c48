#include "dorado/strategy/technical_picture.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "dorado/quant/ta/adx.hpp"
#include "dorado/quant/ta/atr.hpp"
#include "dorado/quant/ta/iv_rank.hpp"
#include "dorado/quant/ta/realized_volatility.hpp"
#include "dorado/quant/ta/sma.hpp"

namespace dorado::strategy {
namespace {

using quant::ta::is_defined;

std::optional<double> defined(double value) {
  return is_defined(value) ? std::optional<double>(value) : std::nullopt;
}

// One pass over the bars with the streaming indicators.
void add_bar_indicators(const UnderlyingSnapshot& snapshot, const TechnicalPictureSettings& s,
                        TechnicalPicture& picture) {
  quant::ta::Atr atr(s.atr_period);
  quant::ta::Adx adx(s.adx_period);
  quant::ta::Sma sma20(20), sma50(50), sma200(200);
  quant::ta::RealizedVolatility realized(s.realized_vol_window,
                                         quant::ta::periods_per_year(snapshot.asset_class));
  // The IV percentile's rank rule, fed with the daily realized-vol readings.
  quant::ta::IvPercentile realized_percentile(s.vol_history_days);
  double rv_percentile = quant::ta::kUndefined;
  for (const Bar& bar : snapshot.daily_bars) {
    atr.update(bar);
    adx.update(bar);
    sma20.update(bar.close);
    sma50.update(bar.close);
    sma200.update(bar.close);
    const double rv = realized.update(bar.close);
    if (is_defined(rv)) rv_percentile = realized_percentile.update(rv);
  }
  picture.atr = defined(atr.value());
  picture.adx = defined(adx.value().adx);
  picture.plus_di = defined(adx.value().plus_di);
  picture.minus_di = defined(adx.value().minus_di);
  picture.sma20 = defined(sma20.value());
  picture.sma50 = defined(sma50.value());
  picture.sma200 = defined(sma200.value());
  picture.realized_vol = defined(realized.value());
  picture.realized_vol_percentile = defined(rv_percentile);
}

std::optional<double> last_hurst(const std::vector<Bar>& bars, const TechnicalPictureSettings& s) {
  if (bars.size() < s.hurst_window + 1) return std::nullopt;
  std::vector<double> returns;
  returns.reserve(s.hurst_window);
  for (std::size_t i = bars.size() - s.hurst_window; i < bars.size(); ++i)
    returns.push_back(std::log(bars[i].close / bars[i - 1].close));
  return defined(quant::ta::hurst_exponent(returns, {.method = s.hurst_method}));
}

void add_implied_vol(const std::vector<double>& history, std::size_t window,
                     TechnicalPicture& picture) {
  if (history.empty()) return;
  picture.current_iv = history.back();
  if (history.size() < window) return;
  const auto year = std::span<const double>(history).last(window);
  quant::ta::IvRank rank(window);
  quant::ta::IvPercentile percentile(window);
  for (const double iv : year) {
    rank.update(iv);
    percentile.update(iv);
  }
  picture.iv_rank = defined(rank.value());
  picture.iv_percentile = defined(percentile.value());
}

}  // namespace

std::optional<quant::ta::PriceLevel> TechnicalPicture::support_below(double price) const {
  std::optional<quant::ta::PriceLevel> best;
  for (const auto& level : levels)  // ascending: the last one below wins
    if (level.kind == quant::ta::LevelKind::Support && level.price < price) best = level;
  return best;
}

std::optional<quant::ta::PriceLevel> TechnicalPicture::resistance_above(double price) const {
  for (const auto& level : levels)
    if (level.kind == quant::ta::LevelKind::Resistance && level.price > price) return level;
  return std::nullopt;
}

std::optional<quant::ta::PriceLevel> TechnicalPicture::nearest_level(double price) const {
  std::optional<quant::ta::PriceLevel> best;
  for (const auto& level : levels)
    if (!best || std::abs(level.price - price) < std::abs(best->price - price)) best = level;
  return best;
}

TechnicalPicture technical_picture(const UnderlyingSnapshot& snapshot,
                                   const TechnicalPictureSettings& settings) {
  TechnicalPicture picture;
  picture.close = snapshot.last_close();
  picture.bars = snapshot.daily_bars.size();
  picture.iv_days = snapshot.atm_iv_history.size();
  add_bar_indicators(snapshot, settings, picture);
  picture.hurst = last_hurst(snapshot.daily_bars, settings);
  picture.levels =
      quant::ta::support_resistance_levels(snapshot.daily_bars, settings.support_resistance);
  add_implied_vol(snapshot.atm_iv_history, settings.vol_history_days, picture);
  return picture;
}

}  // namespace dorado::strategy
