#pragma once
// The macro feature pipeline: raw inputs (macro_inputs.hpp) -> one row of
// features per trading day, each computed only from observations released on
// or before that day (publication.hpp), so no feature of day t depends on
// anything published after t.
//
// Base features, as of trading day t:
//   T10Y2Y        2s10s curve, % points (latest released FRED value)
//   BAA_AAA       Moody's Baa - Aaa credit spread, % points
//   T10YIE        10-year breakeven inflation, %
//   NFCI          Chicago Fed financial conditions (latest released week)
//   ICSA_Z        initial claims: z-score of log claims against the 52 weeks
//                 before (computed on the weekly series, then released)
//   ICSA_LOG      log of the latest released initial claims (the level: the
//                 z-score alone forgets how high claims already are)
//   VIX           VIX close
//   VIX_VIX3M     VIX / VIX3M: above 1 the term structure is inverted
//   SPY_MA50_200  SPY 50-day over 200-day simple moving average
//   SPY_RV21      SPY 21-day close-to-close realized volatility, annualised
//   XLK_XLU       log(XLK / XLU): growth over defensives
//   LQD_TLT       log(LQD / TLT): credit over duration
//   COT_ES_NET    leveraged funds' net E-mini S&P position / open interest
//
// Derived from each base feature F (trading-day windows):
//   F_z63, F_z126, F_z252   rolling z-scores (quant/ta/zscore.hpp)
//   F_chg21                 change over 21 trading days, x[t] - x[t-21]
// Interactions (products of 252-day z-scores; large when both agree):
//   STRESS        VIX_z252 * BAA_AAA_z252      volatility and credit together
//   CURVE_TREND   T10Y2Y_z252 * SPY_MA50_200_z252
//   TERM_TREND    VIX_VIX3M_z252 * SPY_MA50_200_z252
//
// A feature whose inputs are absent is a NaN column; windows that are still
// filling are NaN rows (see feature_frame.hpp).
#include <string>
#include <vector>

#include "dorado/regime/features/feature_frame.hpp"
#include "dorado/regime/features/macro_inputs.hpp"

namespace dorado::regime::features {

// The base feature names above, in order.
const std::vector<std::string>& base_feature_names();

FeatureFrame build_macro_features(const MacroInputs& inputs);

// The columns the macro HMM uses by default: the nine levels VIX, BAA_AAA,
// T10Y2Y, SPY_MA50_200 (the naming features, regime_naming.hpp), SPY_RV21,
// NFCI, ICSA_LOG, T10YIE and VIX_VIX3M. Measured on the synthetic market
// (trained 2005-2016, filtered 2017-2024 against the true path): these nine
// score an adjusted Rand index of 0.68; adding the 21-day changes of the
// macro series drops it to 0.51, ICSA_Z to 0.47, STRESS to 0.59, the
// XLK/XLU and LQD/TLT changes to 0.64, COT to 0.61. A full-covariance HMM
// spends its states on the within-regime dynamics those columns add. The
// other columns stay in the frame for the other models and for inspection.
const std::vector<std::string>& default_model_features();

}  // namespace dorado::regime::features
