#pragma once
// The standard normal density and distribution function used by the option
// math. The CDF goes through Cody's erf/erfcx (error_function.hpp) so that
// both tails keep full relative precision: norm_cdf(-30) is ~4.9e-198 to the
// last digits, where the textbook 1 - N(30) would round to 0. Every N(d) of a
// price or greek is evaluated on the side that needs no such subtraction.
#include <cmath>

#include "dorado/quant/options/error_function.hpp"

namespace dorado::quant {

inline constexpr double kInvSqrt2Pi = 0.398942280401432677939946059934;  // 1/sqrt(2 pi)
inline constexpr double kInvSqrt2 = 0.707106781186547524400844362105;    // 1/sqrt(2)

inline double norm_pdf(double z) {
  return kInvSqrt2Pi * std::exp(-0.5 * z * z);
}

// N(-|d|), the smaller tail, given gauss = exp(-d^2/2) (which the caller
// usually shares with the density): 1/2 - erf(|d|/sqrt 2)/2 near zero, where
// that subtraction loses nothing, and gauss erfcx(|d|/sqrt 2)/2 beyond.
inline double norm_tail(double d, double gauss) {
  const double y = std::fabs(d) * kInvSqrt2;
  return y < cody::kErfRange ? 0.5 - 0.5 * erf_near_zero(y) : 0.5 * gauss * erfcx_away_from_zero(y);
}

inline double norm_cdf(double z) {
  const double tail = norm_tail(z, std::exp(-0.5 * z * z));
  return z < 0.0 ? tail : 1.0 - tail;
}

// Inverse of norm_cdf to about 1e-9 relative (Acklam's rational
// approximation). Only used for starting guesses, never for a final answer.
double inverse_norm_cdf(double p);

// inverse_norm_cdf(exp(log_p)) without forming p where the tail formula
// needs only its logarithm (p < 0.02425), and without a power function when
// p is itself a power (N^-1(p^(1/3)) is inverse_norm_cdf_of_log(ln p / 3)).
double inverse_norm_cdf_of_log(double log_p);

}  // namespace dorado::quant
