#include "dorado/strategy/resolve/pipeline_figures.hpp"

#include <algorithm>
#include <cmath>

#include "dorado/quant/ta/adx.hpp"
#include "dorado/quant/ta/atr.hpp"
#include "dorado/quant/ta/hurst.hpp"
#include "dorado/quant/ta/iv_rank.hpp"
#include "dorado/quant/ta/sma.hpp"

namespace dorado::strategy {
namespace {

std::optional<double> last_defined(const quant::ta::Series& s) {
  if (s.empty() || !quant::ta::is_defined(s.back())) return std::nullopt;
  return s.back();
}

// IV rank needs a history to rank against; below a month of it the number
// says nothing. Up to a year (252 days) is used.
constexpr std::size_t kMinIvHistory = 20;

std::optional<double> iv_rank_of(const std::vector<double>& history) {
  if (history.size() < kMinIvHistory) return std::nullopt;
  const std::size_t window = std::min(history.size(), quant::ta::kIvHistoryDays);
  const std::span<const double> recent(history.data() + history.size() - window, window);
  return last_defined(quant::ta::iv_rank(recent, window));
}

std::optional<double> hurst_of(const std::vector<Bar>& bars, std::size_t window) {
  if (window < 32 || bars.size() < window + 1) return std::nullopt;
  std::vector<double> returns;
  returns.reserve(window);
  for (std::size_t i = bars.size() - window; i < bars.size(); ++i)
    returns.push_back(std::log(bars[i].close / bars[i - 1].close));
  const double h = quant::ta::hurst_exponent(returns, {quant::ta::HurstMethod::Dfa, 8, 0});
  if (!quant::ta::is_defined(h)) return std::nullopt;
  return h;
}

}  // namespace

std::optional<quant::ta::PriceLevel> PipelineFigures::support_below(double price) const {
  std::optional<quant::ta::PriceLevel> best;
  for (const auto& l : levels)  // ascending
    if (l.price < price) best = l;
  return best;
}

std::optional<quant::ta::PriceLevel> PipelineFigures::resistance_above(double price) const {
  for (const auto& l : levels)
    if (l.price > price) return l;
  return std::nullopt;
}

PipelineFigures pipeline_figures(const UnderlyingSnapshot& snapshot,
                                 const PipelineSettings& settings) {
  PipelineFigures f;
  f.spot =
      snapshot.chain && snapshot.chain->spot > 0.0 ? snapshot.chain->spot : snapshot.last_close();
  f.iv_rank = iv_rank_of(snapshot.atm_iv_history);
  if (!snapshot.atm_iv_history.empty()) f.current_iv = snapshot.atm_iv_history.back();
  f.funding_rate = snapshot.funding_rate;

  const std::vector<Bar>& bars = snapshot.daily_bars;
  if (bars.empty()) return f;
  f.atr = last_defined(quant::ta::atr(bars, settings.atr_period));
  f.adx = last_defined(quant::ta::adx(bars, settings.adx_period).adx);
  std::vector<double> closes;
  closes.reserve(bars.size());
  for (const auto& b : bars) closes.push_back(b.close);
  f.sma = last_defined(quant::ta::sma(closes, settings.sma_period));
  f.hurst = hurst_of(bars, settings.hurst_window);
  f.levels = quant::ta::support_resistance_levels(bars, settings.support_resistance);
  return f;
}

}  // namespace dorado::strategy
