#pragma once
// The tier-3 figures of one underlying on one day, computed once from its
// snapshot and read by the gates, the resolver and the scorer: volatility
// (ATR, realized vol and where it sits in its year, IV rank and percentile),
// trend (ADX with its DIs, SMA 20/50/200, Hurst) and the support/resistance
// levels. A figure whose history is too short is nullopt, never zero: the
// reader decides what a missing figure means (a gate fails with
// insufficient_history, a score treats it as no evidence).
//
// Definitions are quant::ta's (Wilder ATR and ADX, DFA or R/S Hurst on log
// returns, close-to-close realized vol annualised per asset class, IV rank
// and percentile over 252 days). The realized-vol percentile is the IV
// percentile's rank rule applied to the daily realized-vol readings: the
// share of the previous `vol_history_days - 1` readings strictly below
// today's, on 0-100 (the FX volatility regime reads it).
#include <cstddef>
#include <optional>
#include <vector>

#include "dorado/quant/ta/hurst.hpp"
#include "dorado/quant/ta/support_resistance.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy {

// Periods of the figures; the defaults are the templates' (ATR 14, ADX 14,
// Hurst over 100 daily returns by DFA, 30-day realized vol, S/R over 120 bars).
struct TechnicalPictureSettings {
  std::size_t atr_period = 14;
  std::size_t adx_period = 14;
  std::size_t hurst_window = 100;
  quant::ta::HurstMethod hurst_method = quant::ta::HurstMethod::Dfa;
  std::size_t realized_vol_window = 30;
  std::size_t vol_history_days = 252;  // IV rank/percentile and the realized-vol percentile
  quant::ta::SupportResistanceOptions support_resistance{};
};

struct TechnicalPicture {
  double close = 0.0;         // last daily close (0 without bars)
  std::size_t bars = 0;       // daily bars in the snapshot
  std::size_t iv_days = 0;    // days of ATM IV history
  std::optional<double> atr;  // Wilder ATR(atr_period), in price
  std::optional<double> adx;  // ADX(adx_period), 0-100
  std::optional<double> plus_di, minus_di;
  std::optional<double> sma20, sma50, sma200;
  std::optional<double> hurst;                    // over the last hurst_window log returns
  std::optional<double> realized_vol;             // annualised fraction (0.16 = 16 %)
  std::optional<double> realized_vol_percentile;  // 0-100 within vol_history_days readings
  std::optional<double> current_iv;               // last ATM IV of the history, a fraction
  std::optional<double> iv_rank;                  // 0-100
  std::optional<double> iv_percentile;            // 0-100
  std::vector<quant::ta::PriceLevel> levels;      // ascending; empty before ATR is defined

  // The highest support strictly below `price`, the lowest resistance strictly above.
  std::optional<quant::ta::PriceLevel> support_below(double price) const;
  std::optional<quant::ta::PriceLevel> resistance_above(double price) const;
  // The level nearest to `price` (either kind), nullopt without levels.
  std::optional<quant::ta::PriceLevel> nearest_level(double price) const;

  friend bool operator==(const TechnicalPicture&, const TechnicalPicture&) = default;
};

TechnicalPicture technical_picture(const UnderlyingSnapshot& snapshot,
                                   const TechnicalPictureSettings& settings = {});

}  // namespace dorado::strategy
