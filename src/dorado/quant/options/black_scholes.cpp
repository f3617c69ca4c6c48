#include "dorado/quant/options/black_scholes.hpp"

#include <cmath>
#include <limits>

#include "dorado/quant/options/normal_distribution.hpp"
#include "dorado/quant/options/normalised_black.hpp"

namespace dorado::quant {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The quantities every formula shares, computed once.
struct Setup {
  double discount;        // D = exp(-r T)
  double yield_discount;  // Dq = exp(-q T)
  double log_moneyness;   // x = ln(F/K) = ln(S/K) + (r - q) T
  double std_dev;         // s = vol sqrt(T)
};

Setup setup(const BsmInputs& in) {
  return {std::exp(-in.rate * in.years), std::exp(-in.yield * in.years),
          std::log(in.spot / in.strike) + (in.rate - in.yield) * in.years,
          in.vol * std::sqrt(in.years)};
}

bool is_call(const BsmInputs& in) {
  return in.right == OptionRight::Call;
}

// N(d) and N(-d) with one erfc: the smaller of the two directly (full
// relative precision in the tail), the larger, at least 1/2, as 1 minus it.
struct CdfPair {
  double at, at_minus;
};
CdfPair cdf_pair(double d) {
  if (d <= 0.0) {
    const double tail = norm_cdf(d);
    return {tail, 1.0 - tail};
  }
  const double tail = norm_cdf(-d);
  return {1.0 - tail, tail};
}

// Once the out-of-the-money option's nearer N(d) is a far-tail probability
// (below N(-5) = 2.9e-7) it is priced in the tail form of normalised_black.hpp:
// the direct form's N(d) carry ~d^2 ulps each (the rounding of d is amplified
// by the Gaussian's slope) and their difference amplifies that again, while
// erfcx is flat and the exponent is applied once. Far out, the tail form also
// stays exact where the N terms would sink into the denormal range. Nearer
// the money (d^2 <= 25 ulps) the direct form is as good and ~25% cheaper.
constexpr double kTailFormBelow = -5.0;

// Out-of-the-money value at s > 0, given its two N terms (n_near = N of the
// d nearer the money, n_far the other) for the direct form.
double out_of_the_money(const BsmInputs& in, const Setup& m, double near_leg, double n_near,
                        double far_leg, double n_far) {
  const double x = -std::fabs(m.log_moneyness);
  if (x / m.std_dev + 0.5 * m.std_dev >= kTailFormBelow)
    return std::fmax(near_leg * n_near - far_leg * n_far, 0.0);
  // D sqrt(F K) b(x, s), with D sqrt(F K) = D K e^{x_original/2}.
  const double log_price = std::log(in.strike * m.discount) + 0.5 * m.log_moneyness +
                           NormalisedBlack::log_scale(x, m.std_dev);
  return std::exp(log_price) * std::fmax(NormalisedBlack::scaled_difference(x, m.std_dev), 0.0);
}

// Price when s > 0: the out-of-the-money side directly, the in-the-money side
// by parity, so the result never cancels.
double regular_price(const BsmInputs& in, const Setup& m, double n_d1, double n_d2,
                     double n_minus_d1, double n_minus_d2) {
  const double spot_leg = in.spot * m.yield_discount;  // D F
  const double strike_leg = in.strike * m.discount;    // D K
  if (m.log_moneyness < 0.0) {                         // the call is out of the money
    const double otm_call = out_of_the_money(in, m, spot_leg, n_d1, strike_leg, n_d2);
    return is_call(in) ? otm_call : (strike_leg - spot_leg) + otm_call;
  }
  const double otm_put = out_of_the_money(in, m, strike_leg, n_minus_d2, spot_leg, n_minus_d1);
  return is_call(in) ? (spot_leg - strike_leg) + otm_put : otm_put;
}

BsmGreeks degenerate_greeks(const BsmInputs& in, const Setup& m) {
  // Weight of the in-the-money payoff: 1 in the money, 0 out, 1/2 at the forward.
  const double x = m.log_moneyness;
  const double call_weight = x > 0.0 ? 1.0 : (x < 0.0 ? 0.0 : 0.5);
  const double w = is_call(in) ? call_weight : 1.0 - call_weight;
  const double sign = is_call(in) ? 1.0 : -1.0;
  const double spot_leg = in.spot * m.yield_discount;
  const double strike_leg = in.strike * m.discount;
  BsmGreeks g;
  g.price = w > 0.5 ? std::fmax(sign * (spot_leg - strike_leg), 0.0) : 0.0;
  g.delta = sign * w * m.yield_discount;
  g.gamma = 0.0;
  g.vega = (x == 0.0) ? spot_leg * std::sqrt(in.years) * kInvSqrt2Pi : 0.0;
  g.theta = sign * w * (in.yield * spot_leg - in.rate * strike_leg);
  g.rho = sign * w * in.years * strike_leg;
  g.yield_rho = -sign * w * in.years * spot_leg;
  return g;
}

}  // namespace

std::optional<std::string_view> bsm_input_problem(const BsmInputs& in) {
  if (!std::isfinite(in.spot) || !std::isfinite(in.strike) || !std::isfinite(in.years) ||
      !std::isfinite(in.rate) || !std::isfinite(in.yield) || !std::isfinite(in.vol))
    return "an input is not a finite number";
  if (!(in.spot > 0.0)) return "spot must be positive";
  if (!(in.strike > 0.0)) return "strike must be positive";
  if (in.years < 0.0) return "time to expiry must not be negative";
  if (in.vol < 0.0) return "volatility must not be negative";
  return std::nullopt;
}

double bsm_price(const BsmInputs& in) {
  if (bsm_input_problem(in)) return kNaN;
  const Setup m = setup(in);
  if (!(m.std_dev > 0.0)) return degenerate_greeks(in, m).price;
  const double d1 = m.log_moneyness / m.std_dev + 0.5 * m.std_dev;
  const double d2 = d1 - m.std_dev;
  const CdfPair n1 = cdf_pair(d1), n2 = cdf_pair(d2);
  return regular_price(in, m, n1.at, n2.at, n1.at_minus, n2.at_minus);
}

BsmGreeks bsm_greeks(const BsmInputs& in) {
  if (bsm_input_problem(in)) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  const Setup m = setup(in);
  if (!(m.std_dev > 0.0)) return degenerate_greeks(in, m);

  const double d1 = m.log_moneyness / m.std_dev + 0.5 * m.std_dev;
  const double d2 = d1 - m.std_dev;
  const CdfPair n1 = cdf_pair(d1), n2 = cdf_pair(d2);
  const double n_d1 = n1.at, n_d2 = n2.at, n_minus_d1 = n1.at_minus, n_minus_d2 = n2.at_minus;
  const double spot_leg = in.spot * m.yield_discount;
  const double strike_leg = in.strike * m.discount;
  const double sqrt_t = std::sqrt(in.years);
  // Dq S n(d1) = D K n(d2): the density term shared by gamma, vega and theta.
  const double density_leg = spot_leg * norm_pdf(d1);

  BsmGreeks g;
  g.price = regular_price(in, m, n_d1, n_d2, n_minus_d1, n_minus_d2);
  g.gamma = density_leg / (in.spot * in.spot * m.std_dev);
  g.vega = density_leg * sqrt_t;
  const double decay = -density_leg * in.vol / (2.0 * sqrt_t);
  if (is_call(in)) {
    g.delta = m.yield_discount * n_d1;
    g.theta = decay - in.rate * strike_leg * n_d2 + in.yield * spot_leg * n_d1;
    g.rho = in.years * strike_leg * n_d2;
    g.yield_rho = -in.years * spot_leg * n_d1;
  } else {
    g.delta = -m.yield_discount * n_minus_d1;
    g.theta = decay + in.rate * strike_leg * n_minus_d2 - in.yield * spot_leg * n_minus_d1;
    g.rho = -in.years * strike_leg * n_minus_d2;
    g.yield_rho = in.years * spot_leg * n_minus_d1;
  }
  return g;
}

}  // namespace dorado::quant
