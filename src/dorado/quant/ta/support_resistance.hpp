#pragma once
// Support and resistance levels from clustered swing highs and lows.
//
// Swing points (fractals of strength k = swing_strength): bar i is a swing high
// when its high is strictly above the highs of the k bars before it and not
// below the highs of the k bars after it (of a flat top, the first bar
// counts); a swing low is the mirror image on the lows. A swing at bar i is
// known only at bar i + k: no look-ahead.
//
// Levels at bar t: the swing highs' highs and the swing lows' lows (pooled:
// old resistance becomes support) of every swing bar i with
// t - lookback + 1 <= i <= t - k, sorted by price and clustered single-linkage:
// a price joins the cluster below it when it lies within
//   tolerance = cluster_tolerance_atr * ATR(atr_period)[t]
// of the cluster's highest price so far. A cluster with at least min_touches
// swings is a level at the mean of its prices; it is support when it lies at or
// below close[t], resistance above. Levels are listed by ascending price.
// Before ATR is defined the list is empty (the warm-up convention for lists).
//
// Streaming cost per bar: O(1) to confirm the swing k bars back, then
// O(m log m) to cluster the m <= lookback / (k + 1) * 2 swings in the window.
#include <cstddef>
#include <deque>
#include <span>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/quant/ta/atr.hpp"
#include "dorado/quant/ta/rolling_window.hpp"

namespace dorado::quant::ta {

struct SupportResistanceOptions {
  std::size_t swing_strength = 2;  // k bars either side
  std::size_t lookback = 120;      // bars of swings considered
  std::size_t atr_period = 14;
  double cluster_tolerance_atr = 0.5;
  std::size_t min_touches = 2;
};

enum class LevelKind { Support, Resistance };

struct PriceLevel {
  double price = 0.0;
  std::size_t touches = 0;
  LevelKind kind = LevelKind::Support;

  friend bool operator==(const PriceLevel&, const PriceLevel&) = default;
};

// Levels after every bar (index t holds the levels at bar t).
std::vector<std::vector<PriceLevel>> support_resistance_series(
    std::span<const Bar> bars, const SupportResistanceOptions& options = {});

// Levels at the last bar only.
std::vector<PriceLevel> support_resistance_levels(std::span<const Bar> bars,
                                                  const SupportResistanceOptions& options = {});

// Clusters ascending swing prices into levels (the definition above).
std::vector<PriceLevel> cluster_levels(std::span<const double> ascending_prices, double tolerance,
                                       std::size_t min_touches, double close);

class SupportResistance {
 public:
  explicit SupportResistance(const SupportResistanceOptions& options = {});

  const std::vector<PriceLevel>& update(const Bar& bar);
  const std::vector<PriceLevel>& levels() const { return levels_; }

 private:
  struct Swing {
    std::size_t bar;
    double price;
  };

  SupportResistanceOptions options_;
  Atr atr_;
  RollingWindow highs_;  // the last 2k + 1 bars
  RollingWindow lows_;
  std::size_t bars_seen_ = 0;
  std::deque<Swing> swings_;  // by bar index
  std::vector<double> prices_;
  std::vector<PriceLevel> levels_;
};

}  // namespace dorado::quant::ta
