#include "dorado/data/synthetic/volatility_surface.hpp"

#include <algorithm>
#include <cmath>

#include "dorado/data/synthetic/listed_expirations.hpp"
#include "dorado/data/synthetic/market_assets.hpp"

namespace dorado::data::synthetic {
namespace {

constexpr double kAtmToVix = 0.92;
constexpr double kLongRunVix = 20.0;
constexpr double kFrontYears = 30.0 / 365.0;
constexpr double kBackYears = 93.0 / 365.0;
constexpr double kLongRunDecayYears = 0.75;

struct Smile {
  double skew, curvature;
};

Smile smile_of(std::string_view underlying) {
  if (underlying == "SPY") return {0.22, 0.030};
  if (underlying == "TLT") return {0.06, 0.030};
  return {-0.02, 0.035};  // GLD
}

}  // namespace

VolatilitySurface::VolatilitySurface(std::string_view underlying, MacroRegime regime, double vix,
                                     double vix3m) {
  (void)strike_grid(underlying);  // rejects an underlying without options
  const auto r = regime_index(regime);
  const auto& assets = market_assets();
  scale_ = assets[asset_index(underlying)].volatility[r] / assets[asset_index("SPY")].volatility[r];
  front_ = kAtmToVix * vix / 100.0;
  back_ = kAtmToVix * vix3m / 100.0;
  const Smile smile = smile_of(underlying);
  skew_ = smile.skew;
  curvature_ = smile.curvature;
}

double VolatilitySurface::atm(double years) const {
  double spy;
  if (years <= kBackYears) {
    const double slope = (back_ - front_) / (kBackYears - kFrontYears);
    spy = front_ + slope * (years - kFrontYears);
  } else {
    const double long_run = kAtmToVix * kLongRunVix / 100.0;
    spy = long_run + (back_ - long_run) * std::exp(-(years - kBackYears) / kLongRunDecayYears);
  }
  return scale_ * std::max(spy, 0.04);
}

double VolatilitySurface::moneyness(double strike, double forward, double years) const {
  const double m = std::log(strike / forward) / (atm(years) * std::sqrt(years));
  return std::clamp(m, -6.0, 6.0);
}

double VolatilitySurface::vol(double strike, double forward, double years) const {
  const double m = moneyness(strike, forward, years);
  return atm(years) * std::clamp(1.0 - skew_ * m + curvature_ * m * m, 0.6, 3.0);
}

}  // namespace dorado::data::synthetic
