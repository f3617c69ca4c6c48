#pragma once
// Black's normalised out-of-the-money call, the core of the implied-vol
// solver (Jaeckel's notation). For x = ln(F/K) <= 0 and s = vol sqrt(T):
//
//   b(s)   = e^{x/2} N(h + t) - e^{-x/2} N(h - t),     h = x/s, t = s/2
//   c(s)   = b_max - b(s) = e^{x/2} N(-h - t) + e^{-x/2} N(h - t),  b_max = e^{x/2}
//   b'(s)  = exp(-(h^2 + t^2)/2) / sqrt(2 pi)
//   b''(s) = b'(s) (x^2/s^3 - s/4)
//
// and D sqrt(F K) b(s) is the price of the out-of-the-money option (a put at
// x > 0 is the call at -x). Since e^{+-x/2} exp(-(h -+ t)^2/2) = exp(-(h^2 + t^2)/2)
// every term shares that one Gaussian factor, and with u = -(h + t)/sqrt 2,
// v = (t - h)/sqrt 2 (v >= |u|):
//
//   b = exp(-(h^2 + t^2)/2) (erfcx(u) - erfcx(v)) / 2      below the inflection (u >= 0)
//   c = exp(-(h^2 + t^2)/2) (erfcx(-u) + erfcx(v)) / 2     above it (u <= 0)
//
// The inflection point s_c = sqrt(2|x|) is where u = 0. In logarithms the
// Gaussian factor is just its exponent, so ln b, ln c and the ratios b'/b,
// b'/c the solver iterates on take two erfcx and one log, no exponential, and
// never underflow however far out of the money.
#include <cmath>

#include "dorado/quant/options/error_function.hpp"
#include "dorado/quant/options/normal_distribution.hpp"

namespace dorado::quant::normalised_black {

// The exponent of the common Gaussian factor, -(h^2 + t^2)/2.
inline double log_scale(double x, double s) {
  const double h = x / s, t = 0.5 * s;
  return -0.5 * (h * h + t * t);
}

// b / exp(log_scale), for s at or below the inflection.
inline double scaled_lower(double x, double s) {
  const double h = x / s, t = 0.5 * s;
  return 0.5 * (erfcx(-(h + t) * kInvSqrt2) - erfcx((t - h) * kInvSqrt2));
}

// c / exp(log_scale), for s at or above the inflection.
inline double scaled_upper(double x, double s) {
  const double h = x / s, t = 0.5 * s;
  return 0.5 * (erfcx((h + t) * kInvSqrt2) + erfcx((t - h) * kInvSqrt2));
}

// b(s_c) / b_max: at s_c, u = 0, v = sqrt(|x|) and the Gaussian factor is e^{x/2}.
inline double inflection_fraction(double x) {
  return 0.5 * (1.0 - erfcx(std::sqrt(-x)));
}

// b''(s) / b'(s), and its derivative in s (b'''/b' = curvature^2 + slope).
inline double curvature(double x, double s) {
  return x * x / (s * s * s) - 0.25 * s;
}
inline double curvature_slope(double x, double s) {
  return -3.0 * x * x / (s * s * s * s) - 0.25;
}

}  // namespace dorado::quant::normalised_black
