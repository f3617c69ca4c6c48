#pragma once
// Black-Scholes-Merton for European options on an asset paying a continuous
// yield q: a dividend yield for equities and indices, the foreign
// risk-free rate for FX (Garman-Kohlhagen), zero for a non-dividend asset.
//
//   D = exp(-r T), Dq = exp(-q T), F = S exp((r - q) T), s = vol sqrt(T)
//   d1 = ln(F/K)/s + s/2, d2 = d1 - s
//   call = D (F N(d1) - K N(d2)),  put = D (K N(-d2) - F N(-d1))
//
// Conventions (all "per 1.00", none per percent):
//   delta      dV/dS
//   gamma      d2V/dS2
//   theta      dV/dt per YEAR as calendar time passes (= -dV/dT); theta_per_day()
//              divides by 365, the calendar-day convention QuantLib also uses
//   vega       dV/dvol per 1.00 of vol (from 0.20 to 1.20); vega_per_point()
//              divides by 100 for the per-vol-point figure brokers show
//   rho        dV/dr per 1.00 of the domestic rate
//   yield_rho  dV/dq per 1.00 of the yield (the foreign rho for FX)
//
// Accuracy: the out-of-the-money option is evaluated directly and the
// in-the-money one as the discounted intrinsic value of the forward plus its
// out-of-the-money counterpart (put-call parity), so no price is a small
// difference of large numbers; every N(d) goes through Cody's erf/erfcx (see
// error_function.hpp) and keeps full relative precision in the tails.
//
// Degenerate limits, handled explicitly when s = vol sqrt(T) is 0 (expiry,
// zero vol, or a product that underflows): the option is worth the discounted
// intrinsic value of the forward, max(Dq S - D K, 0) for a call,
// max(D K - Dq S, 0) for a put, and the greeks are those of that value: delta
// is +-Dq on the in-the-money side, 0 on the other and +-Dq/2 exactly at the
// forward; gamma is 0 (the point mass at the strike is not representable);
// vega is 0 except exactly at the forward with T > 0, where it is the finite
// limit Dq S sqrt(T)/sqrt(2 pi); theta and the rhos are the derivatives of the
// discounted intrinsic value (at expiry theta is its limit T -> 0+ with zero
// vol: q S - r K in the money, 0 out of it).
//
// Inputs outside the model's domain (spot or strike not positive, negative
// time or vol, anything not finite) give NaN in every field: pricing never
// throws; validate with bsm_input_problem() where a reason is needed.
#include <optional>
#include <string_view>

#include "dorado/domain/option_right.hpp"

namespace dorado::quant {

struct BsmInputs {
  double spot = 0.0;    // S, price of the underlying now
  double strike = 0.0;  // K
  double years = 0.0;   // T, time to expiry in years (ACT/365 calendar time is typical)
  double rate = 0.0;    // r, continuously compounded domestic risk-free rate
  double yield = 0.0;   // q, continuous dividend yield, or the foreign rate for FX
  double vol = 0.0;     // annualised volatility (0.20 = 20%)
  OptionRight right = OptionRight::Call;
};

struct BsmGreeks {
  double price = 0.0;
  double delta = 0.0;
  double gamma = 0.0;
  double theta = 0.0;  // per year
  double vega = 0.0;   // per 1.00 vol
  double rho = 0.0;    // per 1.00 rate
  double yield_rho = 0.0;

  double theta_per_day() const { return theta / 365.0; }
  double vega_per_point() const { return vega / 100.0; }
};

// Why inputs are outside the model's domain, or nullopt when they are fine.
std::optional<std::string_view> bsm_input_problem(const BsmInputs& in);

double bsm_price(const BsmInputs& in);
BsmGreeks bsm_greeks(const BsmInputs& in);

}  // namespace dorado::quant
