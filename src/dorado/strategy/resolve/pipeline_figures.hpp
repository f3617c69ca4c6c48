#pragma once
// Tier 3 of the resolver: the figures computed from the data pipeline's
// history of one underlying (UnderlyingSnapshot), not from the venue. Every
// figure is optional: a short history leaves it undefined rather than zero,
// and whoever needs it (the resolver's S/R check, a gate, the approval
// payload) decides what a missing figure means.
#include <optional>
#include <vector>

#include "dorado/quant/ta/support_resistance.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy {

// Indicator periods. The defaults are the templates' (ATR 14, ADX 14,
// SMA 20, Hurst over 100 daily returns by DFA, S/R over 120 bars).
struct PipelineSettings {
  std::size_t atr_period = 14;
  std::size_t adx_period = 14;
  std::size_t sma_period = 20;
  std::size_t hurst_window = 100;
  quant::ta::SupportResistanceOptions support_resistance{};
};

struct PipelineFigures {
  double spot = 0.0;                          // the chain's spot, else the last close
  std::optional<double> iv_rank;              // 0-100 over the last 252 days of ATM IV
  std::optional<double> current_iv;           // the last ATM IV of the history
  std::optional<double> atr;                  // Wilder ATR(atr_period) of the daily bars
  std::optional<double> adx;                  // ADX(adx_period)
  std::optional<double> sma;                  // SMA(sma_period) of the closes
  std::optional<double> hurst;                // DFA Hurst of the last hurst_window log returns
  std::optional<double> funding_rate;         // crypto: per 8 h, as a fraction
  std::vector<quant::ta::PriceLevel> levels;  // support and resistance, ascending

  // The highest support strictly below `price`, the lowest resistance strictly above.
  std::optional<quant::ta::PriceLevel> support_below(double price) const;
  std::optional<quant::ta::PriceLevel> resistance_above(double price) const;

  friend bool operator==(const PipelineFigures&, const PipelineFigures&) = default;
};

PipelineFigures pipeline_figures(const UnderlyingSnapshot& snapshot,
                                 const PipelineSettings& settings = {});

}  // namespace dorado::strategy
