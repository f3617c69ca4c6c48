#pragma once
// The implied-volatility surface of a synthetic options underlying on a day,
// tied to the VIX-like series.
//
// At the money, SPY's 30-day vol is 0.92 x VIX (VIX is a variance swap rate,
// which the put skew lifts above the at-the-money vol) and its 93-day vol
// 0.92 x VIX3M; between them the ATM vol is linear in T, before 30 days the
// line is extended (steeper front in backwardation, lower front in contango),
// and beyond 93 days it decays toward a long-run 0.92 x 20 with a 9-month
// time constant. TLT and GLD scale SPY's term structure by the ratio of their
// regime volatility to SPY's (bonds and gold do not triple their vol in a
// crisis as stocks do).
//
// Smile: vol(K, T) = atm(T) x clamp(1 - skew x m + curvature x m^2, 0.6, 3.0)
// with m = ln(K/F) / (atm(T) sqrt(T)) (moneyness in standard deviations,
// limited to +-6):
//   SPY skew 0.22, curvature 0.030 (steep put skew, as in the 2022 SPY chain:
//       the 0.6-sd put about 15 % above ATM, the 0.7-sd call 14 % below)
//   TLT skew 0.06, curvature 0.030
//   GLD skew -0.02, curvature 0.035 (a faint call skew)
#include <string_view>

#include "dorado/domain/regime.hpp"

namespace dorado::data::synthetic {

class VolatilitySurface {
 public:
  // vix and vix3m in vol points (20 = 20 %).
  VolatilitySurface(std::string_view underlying, MacroRegime regime, double vix, double vix3m);

  double atm(double years) const;
  double vol(double strike, double forward, double years) const;
  // (K, T) in standard deviations, as used by the smile.
  double moneyness(double strike, double forward, double years) const;

 private:
  double scale_;
  double front_;  // 30-day ATM
  double back_;   // 93-day ATM
  double skew_;
  double curvature_;
};

}  // namespace dorado::data::synthetic
