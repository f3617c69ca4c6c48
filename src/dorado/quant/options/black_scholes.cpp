#include "dorado/quant/options/black_scholes.hpp"

#include <cmath>
#include <limits>

#include "dorado/quant/options/error_function.hpp"
#include "dorado/quant/options/normal_distribution.hpp"

namespace dorado::quant {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// max(v, 0) inline (std::fmax is a library call without -ffast-math); NaN gives 0.
double non_negative(double v) {
  return v > 0.0 ? v : 0.0;
}

// The quantities every formula shares, computed once.
struct Setup {
  double discount;        // D = exp(-r T)
  double yield_discount;  // Dq = exp(-q T)
  double log_moneyness;   // x = ln(F/K) = ln(S/K) + (r - q) T
  double std_dev;         // s = vol sqrt(T)
  double inv_std_dev;     // 1/s, taken early: a division off the critical path
};

Setup setup(const BsmInputs& in) {
  // The log first: everything after it waits on x, while the discount
  // factors are needed only at the end.
  const double x = std::log(in.spot / in.strike) + (in.rate - in.yield) * in.years;
  const double s = in.vol * std::sqrt(in.years);
  return {std::exp(-in.rate * in.years), std::exp(-in.yield * in.years), x, s, 1.0 / s};
}

bool is_call(const BsmInputs& in) {
  return in.right == OptionRight::Call;
}

// What pricing at s > 0 produces: the price, the four N terms the greeks
// need and the density term Dq S n(d1) = D K n(d2) (gamma, vega, theta).
struct Regular {
  double price;
  double n_d1, n_minus_d1, n_d2, n_minus_d2;
  double density_leg;
};

// Below d_near = -37.6 the Gaussian factor is subnormal: the price is then
// assembled in logarithms so that a large near leg cannot lift a value that
// has already lost its digits.
constexpr double kSubnormalGauss = -37.0;

// The out-of-the-money option (the call when F < K, the put otherwise) is
// worth near_leg N(d_near) - far_leg N(d_far) with
//   call: near_leg = Dq S, d_near = d1,  far_leg = D K,  d_far = d2
//   put:  near_leg = D K,  d_near = -d2, far_leg = Dq S, d_far = -d1
// and d_far = d_near - s <= -|d_near|; the in-the-money one is its
// counterpart plus the discounted intrinsic value of the forward (put-call
// parity), so no price is a small difference of large numbers.
//
// One exponential, gauss = exp(-d_near^2/2), serves everything: the density
// (near_leg n(d_near) = far_leg n(d_far)), and each tail probability
// N(-|d|) = exp(-d^2/2) erfcx(|d|/sqrt 2)/2, the far one's Gaussian being
// gauss near_leg/far_leg. Once both N terms are such tails (d_near < -0.66)
// the price is near_leg gauss (erfcx(-d_near/sqrt 2) - erfcx(-d_far/sqrt 2))/2:
// the Gaussian factor is applied once, after the difference, so neither its
// rounding nor that of d (N(d) would carry ~d^2 ulps of it; erfcx is flat) is
// amplified by the cancellation far out of the money.
[[gnu::always_inline]] inline Regular regular(const BsmInputs& in, const Setup& m) {
  const double s = m.std_dev, x = m.log_moneyness;
  const double spot_leg = in.spot * m.yield_discount, strike_leg = in.strike * m.discount;
  const bool call_otm = x < 0.0;
  // 0/1 weights instead of branches: calls and puts, in and out of the money,
  // arrive in no predictable order.
  const double w = static_cast<double>(call_otm), v = 1.0 - w;
  const double near_leg = w * spot_leg + v * strike_leg;
  const double far_leg = w * strike_leg + v * spot_leg;
  const double d_near = -std::fabs(x) * m.inv_std_dev + 0.5 * s;
  const double d_far = d_near - s;
  const double gauss = std::exp(-0.5 * d_near * d_near);

  double n_near, n_minus_near, n_far, otm;  // N(d_near), N(-d_near), N(d_far)
  if (d_near * kInvSqrt2 <= -cody::kErfRange) {
    const double scaled_near = erfcx_away_from_zero(-d_near * kInvSqrt2);
    const double scaled_far = erfcx_away_from_zero(-d_far * kInvSqrt2);
    n_near = 0.5 * gauss * scaled_near;
    n_minus_near = 1.0 - n_near;
    n_far = 0.5 * gauss * (near_leg / far_leg) * scaled_far;
    const double difference = non_negative(scaled_near - scaled_far);
    otm = d_near > kSubnormalGauss
              ? near_leg * difference * (0.5 * gauss)
              : std::exp(std::log(0.5 * near_leg * difference) - 0.5 * d_near * d_near);
  } else {
    const double tail_near = norm_tail(d_near, gauss);
    n_near = d_near <= 0.0 ? tail_near : 1.0 - tail_near;
    n_minus_near = d_near <= 0.0 ? 1.0 - tail_near : tail_near;
    n_far = norm_tail(d_far, gauss * (near_leg / far_leg));
    otm = non_negative(near_leg * n_near - far_leg * n_far);
  }

  // The in-the-money side by parity, and the N terms of d1 and d2 from those
  // of d_near and d_far.
  const double call = static_cast<double>(is_call(in));
  const double in_the_money = call * v + (1.0 - call) * w;
  Regular r;
  r.density_leg = near_leg * gauss * kInvSqrt2Pi;
  r.n_d1 = w * n_near + v * (1.0 - n_far);
  r.n_minus_d1 = w * n_minus_near + v * n_far;
  r.n_d2 = w * n_far + v * n_minus_near;
  r.n_minus_d2 = w * (1.0 - n_far) + v * n_near;
  r.price = otm + in_the_money * ((2.0 * call - 1.0) * (spot_leg - strike_leg));
  return r;
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
  return regular(in, m).price;
}

BsmGreeks bsm_greeks(const BsmInputs& in) {
  if (bsm_input_problem(in)) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  const Setup m = setup(in);
  if (!(m.std_dev > 0.0)) return degenerate_greeks(in, m);

  // The divisions that scale the density term depend on the inputs only:
  // started before the pricing so that they are ready when it ends.
  const double sqrt_t = std::sqrt(in.years);
  const double gamma_scale = m.inv_std_dev / (in.spot * in.spot);
  const double decay_scale = -in.vol / (2.0 * sqrt_t);
  const Regular r = regular(in, m);
  const double spot_leg = in.spot * m.yield_discount;
  const double strike_leg = in.strike * m.discount;
  const double density_leg = r.density_leg;

  BsmGreeks g;
  g.price = r.price;
  g.gamma = density_leg * gamma_scale;
  g.vega = density_leg * sqrt_t;
  const double decay = density_leg * decay_scale;
  // Calls take N(d1), N(d2) with sign +1, puts N(-d1), N(-d2) with sign -1;
  // selected arithmetically (see regular()).
  const double call = static_cast<double>(is_call(in)), sign = 2.0 * call - 1.0;
  const double n1 = call * r.n_d1 + (1.0 - call) * r.n_minus_d1;
  const double n2 = call * r.n_d2 + (1.0 - call) * r.n_minus_d2;
  g.delta = sign * m.yield_discount * n1;
  g.theta = decay - sign * in.rate * strike_leg * n2 + sign * in.yield * spot_leg * n1;
  g.rho = sign * in.years * strike_leg * n2;
  g.yield_rho = -sign * in.years * spot_leg * n1;
  return g;
}

}  // namespace dorado::quant
