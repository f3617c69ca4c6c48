// Cody's erf/erfcx and the normal CDF built on them, against the same
// functions in long double (64-bit mantissa, erfl/erfcl/expl), whose own
// error (~1e-19 relative) is far below the double-precision tolerances here.
#include "dorado/quant/options/error_function.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dorado/quant/options/normal_distribution.hpp"

namespace dorado::quant {
namespace {

constexpr double kEps = 2.220446049250313e-16;

double relative_error(double ours, long double reference) {
  return static_cast<double>(std::fabs((static_cast<long double>(ours) - reference) / reference));
}

TEST(ErrorFunction, ErfNearZeroWithinTwoUlps) {
  double worst = 0.0;
  for (int i = 1; i < 46875; ++i) {
    const double y = i * 1e-5;
    worst = std::max(worst, relative_error(erf_near_zero(y), erfl(static_cast<long double>(y))));
    worst = std::max(worst, relative_error(erf_near_zero(-y), erfl(-static_cast<long double>(y))));
  }
  std::printf("  erf below 0.46875: worst %.2f ulps\n", worst / kEps);
  EXPECT_LE(worst, 2.5 * kEps);
}

TEST(ErrorFunction, ErfcxWithinFourUlpsOnTheWholeLine) {
  // Below zero erfcx(y) = 2 exp(y^2) - erfcx(-y) takes exp of the rounded y^2:
  // ~y^2 ulps, allowed for.
  double worst_positive = 0.0, worst_negative = 0.0;
  for (int i = 0; i <= 300000; ++i) {
    const double y = i * 1e-4;  // 0 .. 30
    const long double ly = y;
    const long double reference = erfcl(ly) * expl(ly * ly);
    worst_positive = std::max(worst_positive, relative_error(erfcx(y), reference));
    if (y < 26.0) {
      const long double negative_reference = erfcl(-ly) * expl(ly * ly);
      worst_negative =
          std::max(worst_negative, relative_error(erfcx(-y), negative_reference) / (4.0 + y * y));
    }
  }
  std::printf("  erfcx on [0, 30]: worst %.2f ulps; on [-26, 0]: worst %.3f x (4 + y^2) ulps\n",
              worst_positive / kEps, worst_negative / kEps);
  EXPECT_LE(worst_positive, 4.0 * kEps);
  EXPECT_LE(worst_negative, 4.0 * kEps);
  // Far beyond the grid: erfcx(y) -> 1/(y sqrt(pi)) (1 - 1/(2 y^2) + 3/(4 y^4)).
  for (double y : {1e3, 1e8, 1e150}) {
    const double w = 1.0 / (y * y);
    const double asymptote = 0.564189583547756286948079451561 / y * (1.0 - 0.5 * w + 0.75 * w * w);
    EXPECT_NEAR(erfcx(y) / asymptote, 1.0, kEps) << y;
  }
  EXPECT_EQ(erfcx(0.0), 1.0);
}

TEST(ErrorFunction, ErfcxNearZeroPolynomialWithinTwoAndAHalfUlps) {
  // The minimax polynomial replaces exp(y^2) (1 - erf(y)) on [0, 0.46875);
  // it is fitted up to 0.5.
  double worst = 0.0;
  for (int i = 0; i <= 500000; ++i) {
    const double y = i * 1e-6;
    const long double ly = y;
    worst = std::max(worst, relative_error(erfcx_near_zero(y), erfcl(ly) * expl(ly * ly)));
  }
  std::printf("  erfcx polynomial on [0, 0.5]: worst %.2f ulps\n", worst / kEps);
  EXPECT_LE(worst, 2.5 * kEps);
}

TEST(ErrorFunction, ErfcxQuotientIsErfcxInEveryRange) {
  // Cody's far form in w = y^2 (4 < y <= 64) and in z = 1/y^2 beyond, each
  // within 2.5 ulps of the long-double reference; the quotient's terms stay
  // small enough that two of them multiplied together are still finite.
  double worst_wide = 0.0;
  for (int i = 0; i <= 600000; ++i) {
    const double y = 4.0 + i * 1e-4;  // 4 .. 64
    const long double ly = y;
    const ErfcxQuotient q = erfcx_quotient(y);
    worst_wide = std::max(worst_wide, relative_error(q.num / q.den, erfcl(ly) * expl(ly * ly)));
    ASSERT_TRUE(std::isfinite(q.num * q.num * q.den * q.den)) << y;
  }
  std::printf("  erfcx quotient on (4, 64]: worst %.2f ulps\n", worst_wide / kEps);
  EXPECT_LE(worst_wide, 2.5 * kEps);
  for (double y : {0.1, 0.46875, 2.0, 4.0, 4.5, 64.0, 64.5, 1e5}) {
    const ErfcxQuotient q = erfcx_quotient(y);
    EXPECT_EQ(q.num / q.den, erfcx(y)) << y;
  }
  EXPECT_EQ(erfcx_quotient(0.0).num, 1.0);
  EXPECT_EQ(erfcx_quotient(0.0).den, 1.0);
}

TEST(ErrorFunction, NormCdfKeepsRelativePrecisionInBothTails) {
  double worst = 0.0;
  for (int i = -370000; i <= 80000; ++i) {
    const double z = i * 1e-4;  // -37 .. 8 (N(-37) = 5.7e-300, still a normal double)
    const long double reference = erfcl(-static_cast<long double>(z) / std::sqrt(2.0L)) / 2;
    // The tail's Gaussian factor exp(-z^2/2) is taken of the rounded z^2, which
    // costs up to ~z^2/2 ulps far out; allowed for.
    const double allowed = kEps * (4.0 + z * z);
    const double error = relative_error(norm_cdf(z), reference);
    worst = std::max(worst, error / allowed);
    ASSERT_LE(error, allowed) << z;
  }
  std::printf("  norm_cdf on [-37, 8]: worst error / (4 + z^2) ulps = %.3f\n", worst);
  EXPECT_NEAR(norm_cdf(-30.0), 4.906713927148187e-198, 1e-12 * 4.906713927148187e-198);
  EXPECT_EQ(norm_cdf(0.0), 0.5);
}

TEST(ErrorFunction, InverseNormCdfOfLogAgreesWithInverseNormCdf) {
  // The implied-vol guess inverts N(-z)^3 = p from ln p; both branches of
  // inverse_norm_cdf_of_log (the tail from ln p, the centre from exp(ln p))
  // must agree with inverse_norm_cdf(p) to rounding.
  for (double log_p = -690.0; log_p < -1e-3; log_p *= 0.97) {
    const double p = std::exp(log_p);
    EXPECT_NEAR(inverse_norm_cdf_of_log(log_p), inverse_norm_cdf(p),
                1e-14 * std::fabs(inverse_norm_cdf(p)) + 1e-15)
        << log_p;
  }
  EXPECT_NEAR(inverse_norm_cdf_of_log(std::log(0.5)), 0.0, 1e-15);
  // Acklam's approximation itself: within 1.2e-9 relative of the true quantile.
  EXPECT_NEAR(inverse_norm_cdf(0.025), -1.959963984540054, 1.2e-9 * 1.96);
  EXPECT_NEAR(inverse_norm_cdf_of_log(std::log(1e-10)), -6.361340902404056, 1.2e-9 * 6.37);
}

}  // namespace
}  // namespace dorado::quant
