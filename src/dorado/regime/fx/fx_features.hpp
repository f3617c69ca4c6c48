#pragma once
// The FX regime desk's feature set, computed per trading day of a pair from
// what is known at that day's close (nothing later).
//
//   carry              interest-rate differential of the pair      UNAVAILABLE
//   momentum_20d       ln(close / close 20 bars ago)
//   momentum_60d       ln(close / close 60 bars ago)
//   zscore_60d         rolling z-score of the close over 60 bars
//   realized_vol_20d   close-to-close, annualised with 260 weekdays
//   realized_vol_60d
//   vol_ratio_20_60    realized_vol_20d / realized_vol_60d
//   adx_14             Wilder's ADX
//   hurst_126          DFA Hurst exponent of the last 126 log returns
//   vix                VIX close as of the day (last NYSE close <= day)
//   vix_change_5d      VIX minus VIX 5 NYSE days earlier
//   spy_return_20d     ln SPY close / close 20 NYSE days earlier
//   correlation_spy_60d  correlation of the pair's and SPY's daily log
//                        returns over the pair's last 60 days (SPY as of
//                        each day: an NYSE holiday counts as a flat day)
//   cot_positioning    CFTC net speculative positioning in the currency
//                      future                                       UNAVAILABLE
//   atr_pct_14         ATR(14) / close
//   rsi_14             Wilder's RSI
//
// Unavailable features are named, never filled: the stored data has no
// interest rates per currency and no COT reports for currency futures (only
// ES, NQ, VX), so the model trains without them and says so in its JSON.
#include <Eigen/Dense>
#include <span>
#include <string>
#include <vector>

#include "dorado/domain/bar.hpp"

namespace dorado::regime {

struct FxMarketInputs {
  std::span<const Bar> pair;  // daily bars of the pair, ascending
  std::span<const Bar> spy;   // NYSE daily bars, ascending
  std::span<const Bar> vix;
};

struct FxFeatureTable {
  std::vector<Date> dates;         // the pair's trading days
  std::vector<double> closes;      // the pair's close on each day
  std::vector<double> vix;         // VIX as of each day (for the labels)
  Eigen::MatrixXd values;          // days x available features; NaN while warming up
  std::vector<std::string> names;  // of the columns of `values`

  // True when every feature of row `i` is defined.
  bool complete(Eigen::Index i) const;
};

// Feature names in the order above, available or not.
const std::vector<std::string>& fx_feature_names();
const std::vector<std::string>& fx_unavailable_features();

// Throws std::invalid_argument when the pair has fewer than two bars.
FxFeatureTable fx_features(const FxMarketInputs& inputs);

}  // namespace dorado::regime
