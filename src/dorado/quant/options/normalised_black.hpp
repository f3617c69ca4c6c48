#pragma once
// Black's normalised out-of-the-money call, the common core of pricing and
// implied vol (Jaeckel's notation). For x = ln(F/K) <= 0 and s = vol sqrt(T):
//
//   b(s)   = e^{x/2} N(h + t) - e^{-x/2} N(h - t),     h = x/s, t = s/2
//   c(s)   = b_max - b(s) = e^{x/2} N(-h - t) + e^{-x/2} N(h - t),  b_max = e^{x/2}
//   b'(s)  = exp(-(h^2 + t^2)/2) / sqrt(2 pi)
//   b''(s) = b'(s) (x^2/s^3 - s/4)
//
// and D sqrt(F K) b(s) is the price of the out-of-the-money option (a put at
// x > 0 is the call at -x). Below the inflection point s_c = sqrt(2|x|) both
// N terms are tail probabilities (h + t < 0); there b is evaluated as
//   b = exp(-(h^2 + t^2)/2) (erfcx(-(h+t)/sqrt 2) - erfcx(-(h-t)/sqrt 2)) / 2
// whose logarithm never underflows, however far out of the money.
#include <cmath>

#include "dorado/quant/options/normal_distribution.hpp"

namespace dorado::quant {

class NormalisedBlack {
 public:
  explicit NormalisedBlack(double x) : x_(x), up_(std::exp(0.5 * x)), down_(std::exp(-0.5 * x)) {}

  double x() const { return x_; }
  double inflection() const { return std::sqrt(-2.0 * x_); }

  double b(double s) const {
    return up_ * norm_cdf(x_ / s + 0.5 * s) - down_ * norm_cdf(x_ / s - 0.5 * s);
  }
  double c(double s) const {
    return up_ * norm_cdf(-x_ / s - 0.5 * s) + down_ * norm_cdf(x_ / s - 0.5 * s);
  }
  double vega(double s) const {
    const double h = x_ / s, t = 0.5 * s;
    return kInvSqrt2Pi * std::exp(-0.5 * (h * h + t * t));
  }
  // At s_c: h + t = 0, so b = e^{x/2}/2 - e^{-x/2} N(-s_c), one erfc.
  double b_at_inflection() const { return 0.5 * up_ - down_ * norm_cdf(-inflection()); }
  // b''(s) / b'(s), and its derivative in s (b'''/b' = curvature^2 + slope).
  double curvature(double s) const { return x_ * x_ / (s * s * s) - 0.25 * s; }
  double curvature_slope(double s) const { return -3.0 * x_ * x_ / (s * s * s * s) - 0.25; }

  // The tail form, for s <= s_c: b = exp(log_scale(s)) * scaled_difference(s).
  static double log_scale(double x, double s) {
    const double h = x / s, t = 0.5 * s;
    return -0.5 * (h * h + t * t);
  }
  static double scaled_difference(double x, double s) {
    const double h = x / s, t = 0.5 * s;
    return 0.5 * (erfcx(-(h + t) * kInvSqrt2) - erfcx(-(h - t) * kInvSqrt2));
  }

 private:
  double x_, up_, down_;
};

}  // namespace dorado::quant
