#include "dorado/quant/options/normal_distribution.hpp"

#include <limits>

namespace dorado::quant {

namespace {

// P. J. Acklam's rational approximations: a central one on [p_low, 1 - p_low]
// and a tail one in sqrt(-2 log p), relative error below 1.15e-9.
constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                        1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                        6.680131188771972e+01, -1.328068155288572e+01};
constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                        -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                        3.754408661907416e+00};
constexpr double p_low = 0.02425;
constexpr double log_p_low = -3.719338661598645;  // ln 0.02425

// The lower tail's rational in q = sqrt(-2 ln p).
double lower_tail(double q) {
  return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
         ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
}

}  // namespace

double inverse_norm_cdf(double p) {
  if (!(p > 0.0)) return -std::numeric_limits<double>::infinity();
  if (!(p < 1.0)) return std::numeric_limits<double>::infinity();
  if (p < p_low) return lower_tail(std::sqrt(-2.0 * std::log(p)));
  if (p > 1.0 - p_low) return -lower_tail(std::sqrt(-2.0 * std::log1p(-p)));
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

double inverse_norm_cdf_of_log(double log_p) {
  if (log_p < log_p_low) return lower_tail(std::sqrt(-2.0 * log_p));
  return inverse_norm_cdf(std::exp(log_p));
}

}  // namespace dorado::quant
