#include "dorado/data/synthetic/market_assets.hpp"

#include <stdexcept>
#include <string>

namespace dorado::data::synthetic {
namespace {

using enum AssetClass;

// Regime order: risk_on, goldilocks, transition, risk_off, crisis, recovery.
// Loadings order: E, T, D, G, U, C (E given per regime).
const std::array<AssetSpec, kAssetCount> kAssets{{
    {"SPY",
     EquityOptions,
     "nyse",
     252,
     120.0,
     80e6,
     0.25,
     0.1,
     {0.20, 0.16, 0.00, -0.15, -0.50, 0.32},
     {0.12, 0.10, 0.16, 0.22, 0.42, 0.20},
     {0, 0, 0, 0, 0, 0},
     {0.97, 0.97, 0.97, 0.97, 0.97, 0.97}},
    {"QQQ",
     EquityOptions,
     "nyse",
     252,
     40.0,
     45e6,
     0.25,
     0.1,
     {0.25, 0.18, -0.02, -0.30, -0.90, 0.45},
     {0.17, 0.14, 0.23, 0.31, 0.55, 0.28},
     {0, 0.42, 0, 0, 0, 0},
     {0.86, 0.86, 0.86, 0.86, 0.86, 0.86}},
    {"XLK",
     EquityOptions,
     "nyse",
     252,
     20.0,
     9e6,
     0.25,
     0.1,
     {0.24, 0.17, -0.02, -0.28, -0.85, 0.42},
     {0.16, 0.13, 0.21, 0.29, 0.50, 0.26},
     {0, 0.45, 0, 0, 0, 0},
     {0.85, 0.85, 0.85, 0.85, 0.85, 0.85}},
    {"XLU",
     EquityOptions,
     "nyse",
     252,
     30.0,
     11e6,
     0.25,
     0.1,
     {0.08, 0.10, 0.04, -0.05, -0.40, 0.15},
     {0.13, 0.12, 0.15, 0.19, 0.35, 0.17},
     {0, 0, 0.30, 0, 0, 0},
     {0.55, 0.55, 0.55, 0.55, 0.60, 0.55}},
    {"TLT",
     EquityOptions,
     "nyse",
     252,
     90.0,
     9e6,
     0.25,
     1.0,
     {0.02, 0.03, 0.05, 0.08, 0.15, 0.02},
     {0.115, 0.105, 0.13, 0.14, 0.18, 0.13},
     {0, 0, 0.88, 0, 0, 0},
     {-0.30, -0.25, -0.35, -0.45, -0.45, -0.30}},
    {"LQD",
     EquityOptions,
     "nyse",
     252,
     105.0,
     5e6,
     0.25,
     0.8,
     {0.03, 0.04, 0.03, 0.00, -0.08, 0.10},
     {0.06, 0.05, 0.07, 0.09, 0.15, 0.08},
     {0, 0, 0.75, 0, 0, 0},
     {0.10, 0.10, 0.05, 0.05, 0.30, 0.15}},
    {"GLD",
     EquityOptions,
     "nyse",
     252,
     45.0,
     8e6,
     0.25,
     0.3,
     {0.05, 0.04, 0.08, 0.10, 0.10, 0.05},
     {0.15, 0.14, 0.18, 0.20, 0.28, 0.19},
     {0, 0, 0.25, 0.85, -0.25, 0},
     {0.05, 0.05, 0.00, -0.05, 0.05, 0.05}},
    {"USDJPY",
     Fx,
     "fx",
     260,
     110.0,
     0.0,
     0.02,
     0.4,
     {0.04, 0.02, 0.00, -0.06, -0.12, 0.02},
     {0.09, 0.08, 0.10, 0.12, 0.18, 0.11},
     {0, 0, -0.35, 0, 0.55, 0},
     {0.25, 0.20, 0.30, 0.40, 0.50, 0.30}},
    {"AUDUSD",
     Fx,
     "fx",
     260,
     0.75,
     0.0,
     0.02,
     0.6,
     {0.05, 0.04, -0.02, -0.06, -0.15, 0.08},
     {0.10, 0.09, 0.12, 0.14, 0.25, 0.13},
     {0, 0, 0, 0.20, -0.60, 0},
     {0.35, 0.30, 0.40, 0.50, 0.55, 0.40}},
    {"BTC",
     Crypto,
     "crypto",
     365,
     400.0,
     30e3,
     0.02,
     0.0,
     {0.60, 0.50, 0.00, -0.70, -1.50, 0.90},
     {0.60, 0.55, 0.70, 0.80, 1.10, 0.80},
     {0, 0, 0, 0, 0, 0.85},
     {0.05, 0.03, 0.05, 0.10, 0.15, 0.05}},
    {"ETH",
     Crypto,
     "crypto",
     365,
     10.0,
     400e3,
     0.02,
     0.0,
     {0.40, 0.35, -0.10, -0.90, -1.80, 0.80},
     {1.05, 1.00, 1.15, 1.25, 1.55, 1.20},
     {0, 0, 0, 0, 0, 0.80},
     {0.05, 0.03, 0.05, 0.10, 0.15, 0.05}},
}};

Loadings loadings_in(const AssetSpec& asset, MacroRegime regime) {
  Loadings b = asset.loadings;
  b[0] = asset.equity_loading[regime_index(regime)];
  return b;
}

}  // namespace

const std::array<AssetSpec, kAssetCount>& market_assets() {
  return kAssets;
}

std::size_t asset_index(std::string_view symbol) {
  for (std::size_t i = 0; i < kAssets.size(); ++i) {
    if (kAssets[i].symbol == symbol) return i;
  }
  throw std::invalid_argument("the synthetic market has no instrument '" + std::string(symbol) +
                              "' (it has SPY, QQQ, XLK, XLU, TLT, LQD, GLD, USDJPY, AUDUSD, "
                              "BTC, ETH)");
}

SquareMatrix regime_correlation(MacroRegime regime) {
  SquareMatrix c(kAssetCount);
  for (std::size_t i = 0; i < kAssetCount; ++i) {
    const Loadings bi = loadings_in(kAssets[i], regime);
    for (std::size_t j = 0; j < kAssetCount; ++j) {
      const Loadings bj = loadings_in(kAssets[j], regime);
      double dot = 0.0;
      for (std::size_t k = 0; k < kFactorCount; ++k) dot += bi[k] * bj[k];
      c(i, j) = i == j ? 1.0 : dot;
    }
    double common = 0.0;
    for (const double b : bi) common += b * b;
    if (common >= 1.0) {
      throw std::logic_error("synthetic asset " + std::string(kAssets[i].symbol) +
                             " has factor loadings with squared sum >= 1 in regime " +
                             std::string(name_of(regime)));
    }
  }
  return c;
}

}  // namespace dorado::data::synthetic
