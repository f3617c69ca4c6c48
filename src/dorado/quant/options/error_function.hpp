#pragma once
// The error function and the scaled complementary error function
// erfcx(y) = exp(y^2) erfc(y) by W. J. Cody's rational Chebyshev
// approximations ("Rational Chebyshev approximations for the error function",
// Math. Comp. 23 (1969) 631-637; the coefficients of his 1990 SPECFUN
// revision). Three ranges:
//   |y| < 0.46875       erf(y) = y P4(y^2) / Q4(y^2)
//   0.46875 <= y <= 4   erfcx(y) = P8(y) / Q8(y)
//   y > 4               erfcx(y) = (1/sqrt(pi) - z P5(z)/Q5(z)) / y,  z = 1/y^2
// and, for erfcx on [0, 0.46875), our own minimax polynomial (below), so that
// erfcx of a non-negative argument never takes an exponential.
// Measured against long-double erfcl/expl on a 1e-5 grid over [0, 20]:
// at most 2 ulps (erf), 4 ulps (erfcx up to 4) and 2 ulps (beyond).
//
// Why: erfcx of a non-negative argument is a pure rational function (or
// polynomial), with no exponential.
// A tail probability is then erfcx times one exp(-d^2/2) that the caller
// usually has already (it is also the normal density), and ratios of tail
// probabilities, which is what the implied-vol objectives need, take no
// exponential at all. std::erfc costs about three times as much and its
// result must be rescaled by another exp to give erfcx.
#include <cmath>

namespace dorado::quant {

namespace cody {
inline constexpr double kErfRange = 0.46875;  // erf's rational below, erfcx's from here
inline constexpr double kInvSqrtPi = 0.564189583547756286948079451561;  // 1/sqrt(pi)

inline constexpr double kErfP[5] = {3.16112374387056560e00, 1.13864154151050156e02,
                                    3.77485237685302021e02, 3.20937758913846947e03,
                                    1.85777706184603153e-1};
inline constexpr double kErfQ[4] = {2.36012909523441209e01, 2.44024637934444173e02,
                                    1.28261652607737228e03, 2.84423683343917062e03};
inline constexpr double kMidP[9] = {
    5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
    2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
    2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8};
inline constexpr double kMidQ[8] = {
    1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
    3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
inline constexpr double kFarP[6] = {3.05326634961232344e-1, 3.60344899949804439e-1,
                                    1.25781726111229246e-1, 1.60837851487422766e-2,
                                    6.58749161529837803e-4, 1.63153871373020978e-2};
inline constexpr double kFarQ[5] = {2.56852019228982242e00, 1.87295284992346725e00,
                                    5.27905102951428412e-1, 6.05183413124413191e-2,
                                    2.33520497626869185e-3};
}  // namespace cody

// erfcx's polynomials are evaluated by Estrin's scheme (pairs, then pairs of
// pairs in y^2, y^4): all terms are positive, so no worse rounding than
// Horner's rule (2.7 ulps against 3.5 measured), with half its dependency chain.

// erf(y) for |y| < 0.46875 (Horner's rule: short enough, and 1.8 ulps where
// Estrin's reaches 2.5).
inline double erf_near_zero(double y) {
  using namespace cody;
  const double z = y * y;
  const double num = (((kErfP[4] * z + kErfP[0]) * z + kErfP[1]) * z + kErfP[2]) * z + kErfP[3];
  const double den = ((((z + kErfQ[0]) * z + kErfQ[1]) * z + kErfQ[2]) * z + kErfQ[3]);
  return y * num / den;
}

// erfcx(y) for 0 <= y <= 0.5: the degree-14 polynomial of least maximum
// relative error (Remez exchange in 50-digit arithmetic,
// tests/quant/options/erfcx_near_zero_fit.py; 1.4e-18 relative), evaluated by
// Estrin's scheme (2.1 ulps measured; Horner's rule 1.4, at three times the
// dependency chain). Where exp(y^2) (1 - erf(y)) takes an exponential and a
// division, this takes 14 multiplications.
inline constexpr double kErfcxNearZero[15] = {
    1.00000000000000000e+00,  -1.12837916709551145e+00, 9.99999999999824030e-01,
    -7.52252778053443372e-01, 4.99999999687189112e-01,  -3.00901105445267714e-01,
    1.66666596692312097e-01,  -8.59711627737413525e-02, 4.16632136804193573e-02,
    -1.90900575453319746e-02, 8.28731890526039801e-03,  -3.36961285099171776e-03,
    1.22063305287842738e-03,  -3.44441411026408185e-04, 5.42644397727946176e-05};

inline double erfcx_near_zero(double y) {
  const double* c = kErfcxNearZero;
  const double y2 = y * y, y4 = y2 * y2, y8 = y4 * y4;
  const double q0 = (c[0] + c[1] * y) + (c[2] + c[3] * y) * y2;
  const double q1 = (c[4] + c[5] * y) + (c[6] + c[7] * y) * y2;
  const double q2 = (c[8] + c[9] * y) + (c[10] + c[11] * y) * y2;
  const double q3 = (c[12] + c[13] * y) + c[14] * y2;
  return (q0 + q1 * y4) + (q2 + q3 * y4) * y8;
}

// erfcx(y) = num / den for y >= 0, left as a quotient so that a caller
// combining two erfcx (and the reciprocal of their combination) pays one
// division for all of them.
struct ErfcxQuotient {
  double num, den;
};

// Beyond 4, Cody's form in w = y^2 instead of z = 1/y^2 (numerator and
// denominator multiplied by w^5): (w Q'(w)/sqrt(pi) - P'(w)) / (y w Q'(w)),
// one division instead of three. Up to y = 64 the terms stay far inside
// double range even when two quotients are multiplied together; beyond, z.
inline constexpr double kWideQuotientLimit = 64.0;

inline ErfcxQuotient erfcx_quotient(double y) {
  using namespace cody;
  if (y < kErfRange) return {erfcx_near_zero(y), 1.0};
  if (y <= 4.0) {
    const double y2 = y * y, y4 = y2 * y2, y8 = y4 * y4;
    const double num = ((kMidP[7] + kMidP[6] * y) + (kMidP[5] + kMidP[4] * y) * y2) +
                       ((kMidP[3] + kMidP[2] * y) + (kMidP[1] + kMidP[0] * y) * y2) * y4 +
                       kMidP[8] * y8;
    const double den = ((kMidQ[7] + kMidQ[6] * y) + (kMidQ[5] + kMidQ[4] * y) * y2) +
                       ((kMidQ[3] + kMidQ[2] * y) + (kMidQ[1] + kMidQ[0] * y) * y2) * y4 + y8;
    return {num, den};
  }
  if (y <= kWideQuotientLimit) {
    const double w = y * y, w2 = w * w, w4 = w2 * w2;
    const double num =
        (kFarP[5] + kFarP[0] * w) + (kFarP[1] + kFarP[2] * w) * w2 + (kFarP[3] + kFarP[4] * w) * w4;
    const double den =
        (1.0 + kFarQ[0] * w) + (kFarQ[1] + kFarQ[2] * w) * w2 + (kFarQ[3] + kFarQ[4] * w) * w4;
    const double scaled_den = w * den;
    return {kInvSqrtPi * scaled_den - num, y * scaled_den};
  }
  const double z = 1.0 / (y * y), z2 = z * z, z4 = z2 * z2;
  const double num =
      (kFarP[4] + kFarP[3] * z) + (kFarP[2] + kFarP[1] * z) * z2 + (kFarP[0] + kFarP[5] * z) * z4;
  const double den =
      (kFarQ[4] + kFarQ[3] * z) + (kFarQ[2] + kFarQ[1] * z) * z2 + (kFarQ[0] + z) * z4;
  return {kInvSqrtPi - z * num / den, y};
}

// erfcx(y) for y >= 0: no exponential.
inline double erfcx_of_nonnegative(double y) {
  const ErfcxQuotient q = erfcx_quotient(y);
  return q.num / q.den;
}

// erfcx(y) for y >= 0.46875 (kept for callers that pair it with erf_near_zero).
inline double erfcx_away_from_zero(double y) {
  return erfcx_of_nonnegative(y);
}

// erfcx(y) = exp(y^2) erfc(y) for any real y (it overflows below y ~ -26.6).
inline double erfcx(double y) {
  if (y >= 0.0) return erfcx_of_nonnegative(y);
  if (y > -cody::kErfRange) return std::exp(y * y) * (1.0 - erf_near_zero(y));
  return 2.0 * std::exp(y * y) - erfcx_of_nonnegative(-y);
}

}  // namespace dorado::quant
