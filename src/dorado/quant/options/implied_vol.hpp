#pragma once
// Implied volatility under Black-Scholes-Merton with a continuous yield: the
// vol at which bsm_price() reproduces a given price.
//
// Every price strictly inside the no-arbitrage bounds has exactly one
// implied vol, and implied_vol() finds it to machine precision, deep in or
// out of the money and hours from expiry alike:
//   lower bound  the discounted intrinsic value of the forward,
//                max(Dq S - D K, 0) for a call, max(D K - Dq S, 0) for a put
//   upper bound  Dq S for a call (the discounted forward), D K for a put.
// Outside them, or for inputs outside the model, it returns the reason. It
// never throws and never loops without bound: a solve that did not settle
// within kMaxIterations returns IterationLimit (not expected to happen).
//
// Method (from the published mathematics of P. Jaeckel, "By implication" and
// "Let's be rational", 2006/2015; the code is our own): an in-the-money price
// is turned into its out-of-the-money counterpart by put-call parity, so the
// solve never works on a small difference of large numbers. The price is
// normalised to Black's b(x, s) with x = ln(F/K) <= 0 and s = vol sqrt(T).
// The inflection point s_c = sqrt(2|x|) splits b into a convex lower branch
// and a concave upper branch; each branch has an objective that is close to
// linear in s (ln b on the lower branch, -ln(b_max - b) on the upper one),
// evaluated with two erfcx and one log (normalised_black.hpp). The start is
// a precomputed table of the exact inverse s(|x|, price / bound), looked up
// by the bits of the ratio (implied_vol_guess_table.hpp: within 1e-5 typically, 1e-3 almost
// everywhere for |x| <= 1 and ratios down to 2^-32), else Jaeckel's
// rational-cubic guess (four segments, 0.4% off at worst in the middle ones,
// 9% in the lowest); then Householder's third-order iteration kept inside a
// shrinking bracket (bisection when a step would leave it), finished by a
// fifth-order series-reversion step once the Newton step is below 1e-3 of s.
// The common case skips the branch test: the table is looked up by the
// smaller of b / b_max and c / b_max, the objective of the start's side of
// s_c is evaluated once, and the reversion step from it is the answer.
// Typical cost: one evaluation (1.00 on the benchmark's chains), no
// exponential beyond the two discount factors.
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "dorado/domain/enum_names.hpp"
#include "dorado/quant/options/black_scholes.hpp"

namespace dorado::quant {

enum class ImpliedVolFailure {
  NonFiniteInput,    // an input or the price is NaN or infinite
  NonPositiveInput,  // spot or strike not positive, negative time or price
  Expired,           // time to expiry is zero: the price carries no vol
  BelowIntrinsic,    // price below the discounted intrinsic value of the forward
  AtIntrinsic,       // price equal to it (vol 0, or time value below the price's precision)
  AboveUpperBound,   // price at or above Dq S (call) or D K (put)
  ExtremeMoneyness,  // |ln(F/K)| too large for double-precision normalisation
  IterationLimit,    // the solver did not settle (never observed; reported, not looped)
};

class ImpliedVol {
 public:
  static constexpr int kMaxIterations = 64;

  static ImpliedVol solved(double vol, int iterations) {
    return {vol, std::nullopt, 0, 0, iterations};
  }
  static ImpliedVol failed(ImpliedVolFailure reason, double price = 0.0, double bound = 0.0,
                           int iterations = 0) {
    return {std::numeric_limits<double>::quiet_NaN(), reason, price, bound, iterations};
  }

  bool has_value() const { return !failure_; }
  explicit operator bool() const { return has_value(); }
  // The implied vol (annualised, 0.20 = 20%); NaN when there is none.
  double value() const { return vol_; }
  std::optional<ImpliedVolFailure> failure() const { return failure_; }
  int iterations() const { return iterations_; }
  // A sentence for a human: the vol, or why there is none with the numbers.
  std::string message() const;

 private:
  ImpliedVol(double vol, std::optional<ImpliedVolFailure> failure, double price, double bound,
             int iterations)
      : vol_(vol), failure_(failure), price_(price), bound_(bound), iterations_(iterations) {}

  double vol_;
  std::optional<ImpliedVolFailure> failure_;
  double price_;  // the price that failed, for the message
  double bound_;  // the bound it broke, for the message
  int iterations_;
};

// Solves for the vol of `terms` (its `vol` field is ignored) that prices the
// option at `price`.
ImpliedVol implied_vol(const BsmInputs& terms, double price);

}  // namespace dorado::quant

namespace dorado {
template <>
struct EnumNames<quant::ImpliedVolFailure> {
  using F = quant::ImpliedVolFailure;
  static constexpr std::array<std::pair<F, std::string_view>, 8> table{{
      {F::NonFiniteInput, "non_finite_input"},
      {F::NonPositiveInput, "non_positive_input"},
      {F::Expired, "expired"},
      {F::BelowIntrinsic, "below_intrinsic"},
      {F::AtIntrinsic, "at_intrinsic"},
      {F::AboveUpperBound, "above_upper_bound"},
      {F::ExtremeMoneyness, "extreme_moneyness"},
      {F::IterationLimit, "iteration_limit"},
  }};
};
}  // namespace dorado
