#pragma once
// The FX regime a day turned out to be in, from the pair's returns over the
// next `horizon` days (training labels; never an input of the day itself).
//
// Rule, in order, with sigma = realized_vol_20d / sqrt(260) the daily
// volatility at the day and move = ln(close[t+h] / close[t]):
//   1. risk_off_unwind: the pair fell (move <= -fall_sigmas * sigma * sqrt(h))
//      while VIX spiked (its highest close within the horizon >= VIX at t
//      times 1 + vix_spike).
//   2. Otherwise the factor that earned most over the horizon:
//        momentum        sign(momentum_20d) * move  (follow the 20-day trend)
//        mean_reversion  -sign(zscore_60d) * move   (fade the 60-day z-score)
//   3. carry, when neither earned edge_sigmas * sigma * sqrt(h): a quiet pair
//      whose return is neither trend nor reversion is what a carry position
//      holds through, collecting the rate differential. The differential
//      itself is not in the stored data (fx_features.hpp), so carry is the
//      "no directional factor paid" regime rather than a measured carry P&L.
#include <cstddef>
#include <optional>
#include <vector>

#include "dorado/domain/regime.hpp"
#include "dorado/regime/fx/fx_features.hpp"

namespace dorado::regime {

struct FxLabelRule {
  std::size_t horizon = 20;
  double fall_sigmas = 1.0;
  double vix_spike = 0.20;
  double edge_sigmas = 0.5;

  // Throws std::invalid_argument for a zero horizon or a negative threshold.
  void validate() const;
};

// One label per row of `table`; nothing for the last `horizon` days and for
// days whose momentum, z-score, volatility or VIX is not defined yet.
std::vector<std::optional<FxRegime>> fx_labels(const FxFeatureTable& table,
                                               const FxLabelRule& rule);

}  // namespace dorado::regime
