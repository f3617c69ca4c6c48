#pragma once
// Delbourgo and Gregory's rational cubic Hermite interpolant ("Shape
// preserving piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 6,
// 1985), the interpolant Jaeckel's implied-vol initial guess is built on.
// On [x_l, x_r] with values y_l, y_r and slopes d_l, d_r, tau = (x - x_l)/h:
//
//   R(x) = (y_r tau^3 + (r y_r - h d_r) tau^2 (1 - tau) + (r y_l + h d_l) tau (1 - tau)^2
//           + y_l (1 - tau)^3) / (1 + (r - 3) tau (1 - tau))
//
// r = 3 is the cubic Hermite polynomial; r is chosen to match one second
// derivative, then raised where needed to r >= (d_l + d_r) / Delta
// (Delta = (y_r - y_l)/h), which keeps monotone data monotone.
#include <algorithm>
#include <cmath>

namespace dorado::quant {

struct RationalCubic {
  double x_l, x_r, y_l, y_r, d_l, d_r;

  double width() const { return x_r - x_l; }
  double secant() const { return (y_r - y_l) / width(); }

  double at(double x, double r) const {
    const double h = width(), t = (x - x_l) / h, u = 1.0 - t;
    return (y_r * t * t * t + (r * y_r - h * d_r) * t * t * u + (r * y_l + h * d_l) * t * u * u +
            y_l * u * u * u) /
           (1.0 + (r - 3.0) * t * u);
  }

  // The r that gives R''(x_l) = second, or R''(x_r) = second:
  //   R''(x_l) = 2 (r (Delta - d_l) - (d_r - d_l)) / h
  //   R''(x_r) = 2 (r (d_r - Delta) - (d_r - d_l)) / h
  double fit_left(double second) const {
    return monotone((0.5 * width() * second + (d_r - d_l)) / (secant() - d_l));
  }
  double fit_right(double second) const {
    return monotone((0.5 * width() * second + (d_r - d_l)) / (d_r - secant()));
  }

 private:
  double monotone(double r) const {
    constexpr double kMaximum = 1.0 / 1.4901161193847656e-08;  // 1/sqrt(eps): practically linear
    const double minimum = std::max((d_l + d_r) / secant(), 0.0);
    return std::isnan(r) ? minimum : std::clamp(r, minimum, std::max(minimum, kMaximum));
  }
};

}  // namespace dorado::quant
