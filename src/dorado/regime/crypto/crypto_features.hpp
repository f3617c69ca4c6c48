#pragma once
// The crypto trend model's features, per day of a coin, from what is known
// at that day's close (UTC midnight bars, every calendar day):
//
//   return_20d           ln(close / close 20 days ago)
//   return_60d
//   adx_14               Wilder's ADX
//   hurst_100            DFA Hurst exponent of the last 100 log returns
//   realized_vol_20d     annualised with 365 days
//   vol_ratio_20_60      realized_vol_20d / realized_vol_60d
//   efficiency_20d       Kaufman's efficiency ratio: |net 20-day log move| /
//                        sum of the absolute daily log moves (1 = straight line)
//   funding_7d           mean perpetual funding rate of the prints of the
//                        last 7 days, up to the day's close
//   open_interest_change_7d   UNAVAILABLE (no open-interest history stored)
//   exchange_netflow_7d       UNAVAILABLE (no on-chain flows stored)
//
// Unavailable features are named, never filled.
#include <Eigen/Dense>
#include <span>
#include <string>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::regime {

struct CryptoFeatureTable {
  std::vector<Date> dates;
  std::vector<double> closes;
  Eigen::MatrixXd values;  // days x available features; NaN while warming up
  std::vector<std::string> names;

  bool complete(Eigen::Index i) const;
};

const std::vector<std::string>& crypto_feature_names();  // available and unavailable
const std::vector<std::string>& crypto_unavailable_features();

// `funding` ascending by time (any venue of the coin). Throws
// std::invalid_argument when the coin has fewer than two bars.
CryptoFeatureTable crypto_features(std::span<const Bar> bars,
                                   std::span<const ports::FundingRate> funding);

}  // namespace dorado::regime
