#pragma once
// The instruments of the synthetic market and how each behaves in each macro
// regime: drift and volatility of daily log returns, and the loadings on six
// common factors from which the per-regime correlation matrix is built.
//
// Factors: equity (E), technology (T), duration (D, bond prices), gold (G),
// US dollar (U), crypto (C). An asset's return shock is sum_k b_k f_k plus an
// idiosyncratic part of variance 1 - sum_k b_k^2, so corr(i, j) = b_i . b_j and
// every matrix is a valid correlation matrix by construction. The regime moves
// the loadings that matter to a macro trader: stocks and bonds decouple more
// in risk-off and crisis (flight to quality), credit (LQD) follows equities in
// a crisis, the yen and the Aussie become risk barometers, crypto couples to
// equities under stress.
//
// The daily log return is drift/N - mean_reversion/N x (log price - trend)
// + sigma/sqrt(N) x shock, where the trend accumulates the drifts.
// Volatilities and drifts are annualised over each asset's own calendar
// (252 NYSE days, 260 FX days, 365 crypto days). The figures were chosen so
// that a 20-year path lands inside the ranges of ../shared/data (see the
// calibration test in tests/data/synthetic).
#include <array>
#include <cstddef>
#include <string_view>

#include "dorado/data/synthetic/cholesky.hpp"
#include "dorado/data/synthetic/regime_chain.hpp"
#include "dorado/domain/asset_class.hpp"

namespace dorado::data::synthetic {

inline constexpr std::size_t kFactorCount = 6;
inline constexpr std::size_t kAssetCount = 11;

using PerRegime = std::array<double, kRegimeCount>;
using Loadings = std::array<double, kFactorCount>;

struct AssetSpec {
  std::string_view symbol;
  AssetClass asset_class;
  std::string_view calendar;  // "nyse", "fx", "crypto"
  double periods_per_year;
  double start_price;
  // Shares (or coins) per day in a calm market; 0 for FX, which has no
  // central volume (the free sources report 0 too).
  double base_volume;
  // Share of the day's variance that arrives as the opening gap (overnight
  // for stocks; near zero for markets that trade around the clock).
  double gap_share;
  // Annual pull of the log price back toward its drift trend (0: a pure
  // random walk). Bond prices inherit it from mean-reverting yields, exchange
  // rates from purchasing-power parity, gold from real rates; without it a
  // 20-year path of those assets wanders further than any real history.
  double mean_reversion;
  PerRegime drift;           // annualised mean log return
  PerRegime volatility;      // annualised
  Loadings loadings;         // factor loadings in every regime ...
  PerRegime equity_loading;  // ... except on E, which depends on the regime
};

// In this order everywhere (return vectors, correlation matrices).
const std::array<AssetSpec, kAssetCount>& market_assets();
// Index into market_assets(); throws std::invalid_argument for an unknown symbol.
std::size_t asset_index(std::string_view symbol);

// The correlation matrix of daily return shocks in `regime`.
SquareMatrix regime_correlation(MacroRegime regime);

}  // namespace dorado::data::synthetic
