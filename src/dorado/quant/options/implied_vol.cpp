#include "dorado/quant/options/implied_vol.hpp"

#include <cmath>
#include <cstdio>

#include "dorado/quant/options/branch_free.hpp"
#include "dorado/quant/options/implied_vol_guess_table.hpp"
#include "dorado/quant/options/normal_distribution.hpp"
#include "dorado/quant/options/normalised_black.hpp"
#include "dorado/quant/options/rational_cubic.hpp"

namespace dorado::quant {
namespace {

constexpr double kLogSqrt2Pi = 0.918938533204672741780329736406;   // ln sqrt(2 pi)
constexpr double kSqrt2OverPi = 0.797884560802865355879892119869;  // sqrt(2/pi)
// Beyond this |ln(F/K)| the normalising factors exp(+-x/2) leave double range.
constexpr double kMaxLogMoneyness = 600.0;

// One branch's objective f(s), increasing in s, as the steps use it: f, the
// Newton step nu = -f/f1 and the ratios h_j = f_j/f1 of its derivatives
// f_j = d^j f/ds^j, j = 2..5. With B_j = b^(j)/b' (B_1 = 1, B_2 = k =
// x^2/s^3 - s/4, B_(j+1) = B_j' + k B_j, all rational in s) and the signed
// ratio g = b'/b on the lower branch, g = -b'/c on the upper one, the h_j
// are the cumulant (log-derivative) formulas
//   h2 = B2 - g,  h3 = B3 - 3 g B2 + 2 g^2,
//   h4 = B4 - 4 g B3 - 3 g B2^2 + 12 g^2 B2 - 6 g^3,
//   h5 = B5 - 5 g B4 - 10 g B3 B2 + 20 g^2 B3 + 30 g^2 B2^2 - 60 g^3 B2 + 24 g^4.
// They cost a few dozen multiplications and no transcendental function, so
// a high-order final step is nearly free. One division for 1/s and one for
// g; no exponential (normalised_black.hpp).
struct Objective {
  double f, newton, h2, h3, h4, h5;
};

constexpr double kSqrt2Pi = 2.50662827463100050241576528481;

Objective with_derivatives(double f, double g, double newton, double s, double inv_s, double h) {
  const double x2_s3 = h * h * inv_s, x2_s4 = x2_s3 * inv_s;
  const double k = x2_s3 - 0.25 * s, k1 = -3.0 * x2_s4 - 0.25, k2 = 12.0 * x2_s4 * inv_s,
               k3 = -60.0 * x2_s4 * inv_s * inv_s;
  const double b2 = k, b3 = k * k + k1, b4 = k * (k * k + 3.0 * k1) + k2,
               b5 = k * k * (k * k + 6.0 * k1) + 3.0 * k1 * k1 + 4.0 * k * k2 + k3;
  const double g2 = g * g;
  return {f,
          newton,
          b2 - g,
          b3 - 3.0 * g * b2 + 2.0 * g2,
          b4 - 4.0 * g * b3 - 3.0 * g * b2 * b2 + 12.0 * g2 * b2 - 6.0 * g2 * g,
          b5 - 5.0 * g * b4 - 10.0 * g * b3 * b2 + 20.0 * g2 * b3 + 30.0 * g2 * b2 * b2 -
              60.0 * g2 * g * b2 + 24.0 * g2 * g2};
}

// The objectives' target as a fraction of the bound b_max: beta / b_max
// (lower branch) or c / b_max (upper), in price units the out-of-the-money
// price or its distance to the upper bound, over that bound. Kept as its
// reciprocal where that is representable, so that f takes one log; else
// (below 1e-280 of the bound) as its logarithm.
struct Target {
  double reciprocal;  // 0 when the logarithm is used instead
  double log;
};
Target target(double value, double bound) {
  constexpr double kSmallest = 1e-280;
  if (value > kSmallest * bound) return {bound / value, 0.0};
  return {0.0, std::log(value) - std::log(bound)};
}
double log_over(double scaled, Target target) {
  return target.reciprocal > 0.0 ? std::log(scaled * target.reciprocal)
                                 : std::log(scaled) - target.log;
}

// With u = -(h + t)/sqrt 2 the Gaussian factor over b_max = e^{x/2} is
// exp(-(h^2 + t^2)/2 - x/2) = exp(-u^2) (h t = x/2), so b / b_max and
// c / b_max are exp(-u^2) times the scaled forms: u^2 is formed directly,
// without the cancellation of (h^2 + t^2)/2 against -x/2 near the inflection.

// Lower branch: f = ln(b / b_max) - ln(beta / b_max) (ln b is close to linear
// in 1/s^2 there), from the scaled form so that neither b nor b' needs to be
// representable. Accurate, and free of exponentials, for s <= s_c (u >= 0).
Objective lower_objective(double x, double s, Target fraction) {
  const double inv_s = 1.0 / s, h = x * inv_s, t = 0.5 * s;
  const double u = -(h + t) * kInvSqrt2;
  const double scaled = 0.5 * (erfcx(u) - erfcx((t - h) * kInvSqrt2));
  const double f = log_over(scaled, fraction) - u * u;
  return with_derivatives(f, kInvSqrt2Pi / scaled, -f * kSqrt2Pi * scaled, s, inv_s, h);
}

// Upper branch: f = ln(c_target / b_max) - ln(c / b_max) (ln c is close to
// linear in s^2 there). Accurate, and free of exponentials, for s >= s_c.
Objective upper_objective(double x, double s, Target fraction) {
  const double inv_s = 1.0 / s, h = x * inv_s, t = 0.5 * s;
  const double u = -(h + t) * kInvSqrt2;
  const double scaled = 0.5 * (erfcx(-u) + erfcx((t - h) * kInvSqrt2));
  const double f = u * u - log_over(scaled, fraction);
  return with_derivatives(f, -kInvSqrt2Pi / scaled, -f * kSqrt2Pi * scaled, s, inv_s, h);
}

// ln(a / b) for positive a and b, with one log unless the quotient leaves the
// normal range (prices near the bottom of double range).
double log_ratio(double a, double b) {
  const double q = a / b;
  return q > 1e-290 && q < 1e290 ? std::log(q) : std::log(a) - std::log(b);
}

// Lower-branch start from the asymptotic expansion for small s:
//   ln b ~ -(h^2 + t^2)/2 - ln sqrt(2 pi) + ln(s / (h^2 - t^2)),  h = x/s, t = s/2,
// solved for s by a short fixed-point iteration. Only for prices too small for
// the rational-cubic guess (which works with b itself, not its logarithm).
double asymptotic_lower_guess(double x, double log_beta, double s_c) {
  double s = 0.5 * s_c;
  for (int i = 0; i < 3; ++i) {
    const double h2 = x * x / (s * s), t2 = 0.25 * s * s;
    const double rhs = -log_beta - 0.5 * t2 - kLogSqrt2Pi + std::log(s / (h2 - t2));
    if (!(rhs > 0.0) || !(h2 > t2)) break;
    const double next = std::fabs(x) / std::sqrt(2.0 * rhs);
    if (!(next > 0.0) || !(next < s_c)) break;
    s = next;
  }
  return s;
}

// Upper-branch fallback start: for s well above s_c both terms of c(s)
// approach N(-s/2), so c ~ (e^{x/2} + e^{-x/2}) N(-s/2), exact at the money.
double asymptotic_upper_guess(double x, double c_target, double s_c) {
  const double s = -2.0 * inverse_norm_cdf(c_target / (2.0 * std::cosh(0.5 * x)));
  return std::isfinite(s) && s > s_c ? s : 2.0 * s_c + 1.0;
}

// b(s) and b'(s) at a knot of the rational-cubic guess.
struct Knot {
  double s, b, slope;
};
Knot knot(double x, double s, double b_max, double s_c) {
  const double gauss = std::exp(normalised_black::log_scale(x, s));
  const double b = s <= s_c ? gauss * normalised_black::scaled_lower(x, s)
                            : b_max - gauss * normalised_black::scaled_upper(x, s);
  return {s, b, gauss * kInvSqrt2Pi};
}

// The starting point, after Jaeckel's "Let's be rational" (2015), from its
// published mathematics: the tangents of b at the inflection point s_c cross
// 0 at s_l and b_max at s_u, splitting (0, b_max) into four segments.
//   [b_l, b_c] and [b_c, b_u]: s(beta) is interpolated by a rational cubic
//     through (b_l, s_l), (b_c, s_c) or (b_c, s_c), (b_u, s_u) with slopes
//     1/b', matching s'' = -b''/b'^3 = 0 at s_c;
//   (0, b_l): beta is mapped to f = (2 pi / sqrt 27) |x| N(-|x| / (sqrt 3 s))^3,
//     which equals b to leading order as s -> 0, f(beta) is interpolated
//     through (0, 0) with slope 1 and (b_l, f_l) matching f'' there, and s
//     follows from inverting f;
//   (b_u, b_max): likewise with f = N(-s/2), as a function of c = b_max - beta
//     (so that prices near the upper bound keep their precision), through
//     (0, 0) with slope 1/2.
// Worst relative errors seen: 9% in the lowest segment (small |x|, N(-|x|/(sqrt 3 s))
// far from its asymptotics), 0.5% elsewhere; two Householder(3) steps finish.
double rational_cubic_guess(double x, double beta, double c, double b_max, double b_c, double s_c) {
  constexpr double kMapScale = 1.2091995761561452;  // 2 pi / sqrt(27)
  constexpr double kInvSqrt3 = 0.577350269189625764509148780502;
  const double slope_c = b_max * kInvSqrt2Pi;  // b'(s_c)
  if (beta < b_c) {
    const Knot l = knot(x, s_c - b_c / slope_c, b_max, s_c);
    if (beta >= l.b) {
      const RationalCubic middle{l.b, b_c, l.s, s_c, 1.0 / l.slope, 1.0 / slope_c};
      return middle.at(beta, middle.fit_right(0.0));
    }
    const double ax = -x, z = kInvSqrt3 * ax / l.s;
    const double phi = norm_pdf(z), tail = norm_tail(z, phi / kInvSqrt2Pi);  // N(-z)
    const double f = kMapScale * ax * tail * tail * tail;
    const double df = 3.0 * kMapScale * ax * tail * tail * phi * z / l.s;
    const double d2f = 3.0 * kMapScale * ax * tail * phi * z *
                       (2.0 * phi * z + tail * (z * z - 2.0)) / (l.s * l.s);
    const double k = normalised_black::curvature(x, l.s);
    const RationalCubic lowest{0.0, l.b, 0.0, f, 1.0, df / l.slope};
    double mapped = lowest.at(beta, lowest.fit_right((d2f - k * df) / (l.slope * l.slope)));
    if (!(mapped > 0.0)) {  // rounding at extreme |x|: the quadratic through the same data
      const double t = beta / l.b;
      mapped = (f * t + l.b * (1.0 - t)) * t;
    }
    // N(-z)^3 = mapped / (scale |x|): z from the logarithm, no cube root.
    return ax * kInvSqrt3 / -inverse_norm_cdf_of_log(std::log(mapped / (kMapScale * ax)) / 3.0);
  }
  const Knot u = knot(x, s_c + (b_max - b_c) / slope_c, b_max, s_c);
  if (beta <= u.b) {
    const RationalCubic middle{b_c, u.b, s_c, u.s, 1.0 / slope_c, 1.0 / u.slope};
    return middle.at(beta, middle.fit_left(0.0));
  }
  const double half = 0.5 * u.s, phi = norm_pdf(half);
  const double f = norm_tail(half, phi / kInvSqrt2Pi);  // N(-s_u/2)
  const double df = -0.5 * phi, d2f = 0.125 * u.s * phi;
  const double k = normalised_black::curvature(x, u.s);
  const RationalCubic highest{0.0, b_max - u.b, 0.0, f, 0.5, -df / u.slope};
  const double mapped = highest.at(c, highest.fit_right((d2f - k * df) / (u.slope * u.slope)));
  return -2.0 * inverse_norm_cdf(mapped);
}

// Within this Newton step of the root, the fifth-order reversion of the
// objective's Taylor series (below) leaves an error of order nu^6 ~ 1e-18
// relative: the step is final.
constexpr double kReversionStep = 1e-3;

// Solves f + f1 (d + a2 d^2 + a3 d^3 + a4 d^4 + a5 d^5) = 0, a_j = h_j/j!, by
// Lagrange's series reversion in nu = -f/f1 to order nu^5: the root from s.
double reversion_step(const Objective& o, double s) {
  const double nu = o.newton, a2 = o.h2 / 2.0, a3 = o.h3 / 6.0, a4 = o.h4 / 24.0, a5 = o.h5 / 120.0;
  const double c3 = 2.0 * a2 * a2 - a3, c4 = a2 * (5.0 * a3 - 5.0 * a2 * a2) - a4,
               c5 = a2 * a2 * (14.0 * a2 * a2 - 21.0 * a3) + 6.0 * a2 * a4 + 3.0 * a3 * a3 - a5;
  // nu (1 - a2 nu + c3 nu^2 + c4 nu^3 + c5 nu^4) in pairs (Estrin): nu
  // arrives last, and this is the shortest chain from it.
  const double nu2 = nu * nu;
  return s + (nu + nu2 * ((c3 * nu - a2) + nu2 * (c4 + c5 * nu)));
}

// The common case in one evaluation and no branch test: the tabulated start
// (looked up by the smaller of the two fractions r_b = beta / b_max and r_c =
// c / b_max, which add up to 1), the objective of the side of s_c the start
// is on (both objectives are smooth across s_c and share the root), and the
// reversion step. The start is within ~1e-5 of the root wherever the table
// has it, so the reversion is final. NaN where that does not hold (off the
// table, or a start farther than kReversionStep): the bracketed solve takes over.
// The two tests here (which fraction, which side) go the same way for most
// of a chain, so they are branches: a selection would put them on the path.
double tabulated_solve(double x, double s_c, double otm_price, double c, double bound) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const double inv_bound = 1.0 / bound;
  const double r_b = otm_price * inv_bound, r_c = c * inv_bound;
  const double s =
      r_b <= 0.5 ? iv_guess_table::lower_guess(s_c, r_b) : iv_guess_table::upper_guess(s_c, r_c);
  if (!(s > 0.0)) return kNaN;  // off the table
  // On the table both fractions are at least 2^-32: their reciprocals are finite.
  const Objective o = s <= s_c ? lower_objective(x, s, {bound / otm_price, 0.0})
                               : upper_objective(x, s, {bound / c, 0.0});
  if (!(std::fabs(o.newton) <= kReversionStep * s)) return kNaN;
  return reversion_step(o, s);
}

struct Solve {
  double s;
  int iterations;
  bool converged;
};

template <typename Evaluate>
Solve householder(Evaluate evaluate, double s, double lo, double hi) {
  constexpr double kRelativeStep = 4.0 * std::numeric_limits<double>::epsilon();
  // After a Householder step this small the error left is ~ (1e-5)^4
  // relative: below one ulp. Stopping there avoids chasing the objective's
  // rounding noise, which can keep later steps a few ulps long.
  constexpr double kFinalStep = 1e-5;
  for (int i = 1; i <= ImpliedVol::kMaxIterations; ++i) {
    const Objective o = evaluate(s);
    if (o.f == 0.0) return {s, i, true};
    if (std::fabs(o.newton) <= kReversionStep * s) {
      const double next = reversion_step(o, s);
      if (next >= lo && next <= hi) return {next, i, true};
    }
    double next = std::numeric_limits<double>::quiet_NaN();
    if (std::isfinite(o.newton)) {
      // Householder(3): s + nu (1 + h2 nu / 2) / (1 + h2 nu + h3 nu^2 / 6) with
      // nu = -f/f1, h2 = f2/f1, h3 = f3/f1; plain Newton if that misbehaves.
      const double nu = o.newton, h2 = o.h2, h3 = o.h3;
      const double factor = (1.0 + 0.5 * h2 * nu) / (1.0 + h2 * nu + h3 * nu * nu * (1.0 / 6.0));
      next = s + (std::isfinite(factor) && factor > 0.5 && factor < 2.0 ? nu * factor : nu);
    }
    const bool householder_step = !std::isnan(next);
    // Bracket update: f < 0 means s is below the root; a non-finite f comes
    // from b underflowing (below) or c underflowing (above).
    const bool below = std::isnan(o.f) ? false : o.f < 0.0;
    if (below) {
      lo = s;
    } else {
      hi = s;
    }
    if (householder_step && std::fabs(next - s) <= kFinalStep * s && next >= lo && next <= hi)
      return {next, i, true};
    if (!(next > lo && next < hi)) next = std::isfinite(hi) ? 0.5 * (lo + hi) : 2.0 * s + 1.0;
    if (std::fabs(next - s) <= kRelativeStep * s || hi - lo <= kRelativeStep * hi)
      return {next, i, true};
    s = next;
  }
  return {s, ImpliedVol::kMaxIterations, false};
}

// The general solve, for every price the table does not cover or where its
// start is not close enough: the branch test, a start from the table, the
// rational cubic or the asymptotics, and the bracketed iteration on that
// branch's objective.
Solve bracketed_solve(double xn, double s_c, double otm_price, double c, double bound,
                      double other_leg) {
  // The branches' brackets overlap by a hair at s_c, so a root that rounding
  // puts on the other side of the branch test is still inside its bracket.
  constexpr double kSlack = 1e-12;
  // The branch test b < b(s_c) = b_max (1 - erfcx(sqrt|x|)) / 2 needs no
  // normalisation: both sides carry the same factor.
  const double inflection = 0.5 * (1.0 - erfcx(s_c * kInvSqrt2));
  const bool lower_branch = s_c > 0.0 && otm_price < bound * inflection;
  // Starts: the tabulated inverse (implied_vol_guess_table.hpp); off its
  // grid (NaN), the rational cubic on prices normalised by D sqrt(F K) =
  // sqrt(Dq S D K), or below ~1e-280, where b itself is no longer a safe
  // number to interpolate, the log-space asymptotics.
  const double norm = std::sqrt(bound) * std::sqrt(other_leg);
  const auto rational_cubic = [&] {
    constexpr double kTinyBeta = 1e-280;
    const double b_max = bound / norm, beta = otm_price / norm;
    return beta > kTinyBeta
               ? rational_cubic_guess(xn, beta, c / norm, b_max, b_max * inflection, s_c)
               : 0.0;
  };
  if (lower_branch) {
    const Target beta = target(otm_price, bound);
    double guess = iv_guess_table::lower_guess(s_c, otm_price / bound);
    if (guess > s_c) guess = s_c;
    if (!(guess > 0.0)) {
      guess = rational_cubic();
      if (!(guess > 0.0 && guess < s_c))
        guess = asymptotic_lower_guess(xn, log_ratio(otm_price, norm), s_c);
    }
    return householder([&](double s) { return lower_objective(xn, s, beta); }, guess, 0.0,
                       s_c * (1.0 + kSlack));
  }
  const Target c_target = target(c, bound);
  double guess = iv_guess_table::upper_guess(s_c, c / bound);
  if (guess < s_c) guess = s_c;
  if (!std::isfinite(guess)) {
    guess = rational_cubic();
    if (!(guess > s_c && std::isfinite(guess))) guess = asymptotic_upper_guess(xn, c / norm, s_c);
  }
  return householder([&](double s) { return upper_objective(xn, s, c_target); }, guess,
                     s_c * (1.0 - kSlack), std::numeric_limits<double>::infinity());
}

}  // namespace

ImpliedVol implied_vol(const BsmInputs& terms, double price) {
  using F = ImpliedVolFailure;
  if (!std::isfinite(terms.spot) || !std::isfinite(terms.strike) || !std::isfinite(terms.years) ||
      !std::isfinite(terms.rate) || !std::isfinite(terms.yield) || !std::isfinite(price))
    return ImpliedVol::failed(F::NonFiniteInput, price);
  if (!(terms.spot > 0.0) || !(terms.strike > 0.0) || terms.years < 0.0 || price < 0.0)
    return ImpliedVol::failed(F::NonPositiveInput, price);
  if (terms.years == 0.0) return ImpliedVol::failed(F::Expired, price);

  // The same expressions as bsm_price(), so a round trip reprices exactly;
  // the log first, as the inflection point and the guess wait on it.
  const double x = std::log(terms.spot / terms.strike) + (terms.rate - terms.yield) * terms.years;
  const double discount = std::exp(-terms.rate * terms.years);
  const double yield_discount = std::exp(-terms.yield * terms.years);
  const double spot_leg = terms.spot * yield_discount;
  const double strike_leg = terms.strike * discount;
  // Call or put, and which side of the forward the strike is on, are coin
  // flips over a chain: selections on them take no branch (a mispredicted
  // one costs more than the selection).
  const bool call = terms.right == OptionRight::Call;
  const double upper = select(call, spot_leg, strike_leg);
  const double intrinsic = select(call, spot_leg - strike_leg, strike_leg - spot_leg);
  const double lower = select(intrinsic > 0.0, intrinsic, 0.0);
  if (price < lower) return ImpliedVol::failed(F::BelowIntrinsic, price, lower);
  if (price >= upper) return ImpliedVol::failed(F::AboveUpperBound, price, upper);
  if (std::fabs(x) > kMaxLogMoneyness) return ImpliedVol::failed(F::ExtremeMoneyness, price);

  // In the money: solve for the out-of-the-money counterpart (parity), the
  // same split bsm_price() makes.
  const bool in_the_money = select(call, x, -x) >= 0.0;
  const double otm_price = price - select(in_the_money, intrinsic, 0.0);
  if (!(otm_price > 0.0)) return ImpliedVol::failed(F::AtIntrinsic, price, lower);

  // An out-of-the-money put at x is the normalised call at -x, so the solve
  // always sees x <= 0, with the bound b_max at D sqrt(F K) e^{-|x|/2}, the
  // discounted forward or strike whichever is smaller; c is the distance of
  // the price to the upper bound, the out-of-the-money c = b_max - b.
  const double bound = select(x < 0.0, spot_leg, strike_leg);
  const double xn = -std::fabs(x), s_c = std::sqrt(-2.0 * xn), c = upper - price;
  // 1/sqrt(T) now, off the solve's critical path: the answer is one multiplication away.
  const double inv_sqrt_years = 1.0 / std::sqrt(terms.years);
  double s = tabulated_solve(xn, s_c, otm_price, c, bound);
  int iterations = 1;
  if (!(s > 0.0)) {
    const Solve solve =
        bracketed_solve(xn, s_c, otm_price, c, bound, select(x < 0.0, strike_leg, spot_leg));
    if (!solve.converged)
      return ImpliedVol::failed(F::IterationLimit, price, 0.0, solve.iterations);
    s = solve.s;
    iterations = solve.iterations;
  }
  return ImpliedVol::solved(s * inv_sqrt_years, iterations);
}

std::string ImpliedVol::message() const {
  char text[256];
  if (!failure_) {
    std::snprintf(text, sizeof text, "implied vol %.12g (%d iterations)", vol_, iterations_);
    return text;
  }
  switch (*failure_) {
    case ImpliedVolFailure::NonFiniteInput:
      return "no implied vol: an input or the price is not a finite number";
    case ImpliedVolFailure::NonPositiveInput:
      return "no implied vol: spot and strike must be positive, time to expiry and price must not "
             "be negative";
    case ImpliedVolFailure::Expired:
      return "no implied vol: the option is at expiry, its price is its payoff";
    case ImpliedVolFailure::BelowIntrinsic:
      std::snprintf(text, sizeof text,
                    "no implied vol: price %.12g is below the discounted intrinsic value %.12g of "
                    "the forward (an arbitrage)",
                    price_, bound_);
      return text;
    case ImpliedVolFailure::AtIntrinsic:
      std::snprintf(
          text, sizeof text,
          "no implied vol: price %.12g equals the discounted intrinsic value %.12g of the "
          "forward, leaving no time value to imply a vol from",
          price_, bound_);
      return text;
    case ImpliedVolFailure::AboveUpperBound:
      std::snprintf(text, sizeof text,
                    "no implied vol: price %.12g is at or above the upper bound %.12g (the "
                    "discounted forward for a call, the discounted strike for a put)",
                    price_, bound_);
      return text;
    case ImpliedVolFailure::ExtremeMoneyness:
      return "no implied vol: the strike is too far from the forward (|ln(F/K)| > 600) for double "
             "precision";
    case ImpliedVolFailure::IterationLimit:
      std::snprintf(text, sizeof text, "no implied vol: the solver did not settle in %d iterations",
                    iterations_);
      return text;
  }
  return "no implied vol";
}

}  // namespace dorado::quant
