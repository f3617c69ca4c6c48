#pragma once
// The standard normal density and distribution function used by the option
// math. The CDF goes through std::erfc so that both tails keep full relative
// precision: norm_cdf(-30) is ~4.9e-198 to the last digits, where the
// textbook 1 - N(30) would round to 0. Every N(d) of a price or greek is
// evaluated on the side that needs no such subtraction.
#include <cmath>

namespace dorado::quant {

inline constexpr double kInvSqrt2Pi = 0.398942280401432677939946059934;  // 1/sqrt(2 pi)
inline constexpr double kInvSqrt2 = 0.707106781186547524400844362105;    // 1/sqrt(2)

inline double norm_pdf(double z) {
  return kInvSqrt2Pi * std::exp(-0.5 * z * z);
}

inline double norm_cdf(double z) {
  return 0.5 * std::erfc(-z * kInvSqrt2);
}

// The scaled complementary error function erfcx(z) = exp(z^2) erfc(z), for
// z >= 0, to a few ulps. It lets tail probabilities be combined before the
// common factor exp(-z^2) is applied, so nothing underflows or cancels into
// denormals: N(-z) = erfcx(z/sqrt 2) exp(-z^2/2) / 2.
double erfcx(double z);

// Inverse of norm_cdf to about 1e-9 relative (Acklam's rational
// approximation). Only used for starting guesses, never for a final answer.
double inverse_norm_cdf(double p);

}  // namespace dorado::quant
