// Price and greeks against QuantLib's BlackCalculator over the 21,840-contract
// grid of option_grid.hpp.
//
// QuantLib is fed the forward F = S exp((r - q) T), the discount D = exp(-r T)
// and stdDev = vol sqrt(T), so no day counter is involved. Its conventions
// match ours: theta() per year, vega() per 1.00 vol, rho() and dividendRho()
// per 1.00 rate.
//
// Criterion, for every quantity:  |ours - ql| <= 1e-10 * max(|ql|, floor)
// with floor = 1e-5 x the quantity's natural magnitude:
//   price      max(Dq S, D K)              (the upper bounds of call and put)
//   delta      Dq                           (|delta| never exceeds it)
//   gamma      Dq / (S vol sqrt T)          (the at-the-money order of gamma)
//   vega       Dq S sqrt(T)
//   theta      Dq S vol / sqrt(T) + |r| D K + |q| Dq S   (its three terms)
//   rho        D K T;  yield rho  Dq S T
// Why a floor: QuantLib computes D (F N(d1) - K N(d2)), a difference of terms
// of size D F, so its rounding error is a few ulps of D F however small the
// result: it prices a put worth 0 at -9.7e-17 and gives deep-tail gammas of 0
// where the true value is 2.3e-306. The floor turns the test into an absolute
// one at 1e-15 x the natural magnitude (~5-10 ulps of QuantLib's cancelling
// terms) only where the value itself is below 1e-5 of that magnitude; above
// it the comparison is 1e-10 relative. The largest floor any case needs is
// 1.3e-6 of the magnitude, so the 1e-5 leaves an order of magnitude, not more;
// the test prints the worst error/tolerance ratio per quantity (<= 0.13).
//
// Theta is compared twice. QuantLib's theta() is the PDE identity
// -(ln(D) V + ln(F/S) S delta + var S^2 gamma / 2) / T, which recovers r from
// ln(D)/T: D carries an ulp of rounding, so that theta is off by up to
// ~eps (|V| + S |delta|) / T, 3e-6 relative at one hour to expiry where q S
// and r K nearly cancel (checked with 40-digit arithmetic: ours is right to
// 4e-11 there). So (1) against QuantLib's theta() we add exactly that bound of
// QuantLib's own error to the tolerance, and (2) against the closed form
// assembled from QuantLib's own N(d1), N(d2) and vega we apply the plain
// criterion.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <ql/pricingengines/blackcalculator.hpp>
#include <string>

#include "dorado/quant/options/black_scholes.hpp"
#include "quant/options/option_grid.hpp"

namespace dorado::quant {
namespace {

constexpr double kRelative = 1e-10;
constexpr double kFloorFraction = 1e-5;
constexpr double kEps = std::numeric_limits<double>::epsilon();

// Tracks, per quantity, the worst ratio of error to tolerance and how many
// cases broke the criterion, printing the first few.
class Tally {
 public:
  explicit Tally(std::string name) : name_(std::move(name)) {}

  void check(const BsmInputs& in, double ours, double reference, double natural_magnitude,
             double extra_tolerance = 0.0) {
    const double error = std::fabs(ours - reference);
    const double tolerance =
        kRelative * std::max(std::fabs(reference), kFloorFraction * natural_magnitude) +
        extra_tolerance;
    worst_ratio_ = std::max(worst_ratio_, error / tolerance);
    if (std::fabs(reference) > kFloorFraction * natural_magnitude && reference != 0.0)
      worst_relative_ = std::max(worst_relative_, error / std::fabs(reference));
    if (!(error <= tolerance) && ++failures_ <= 5)
      ADD_FAILURE() << name_ << ": S=" << in.spot << " K=" << in.strike << " T=" << in.years
                    << " r=" << in.rate << " q=" << in.yield << " vol=" << in.vol << " "
                    << name_of(in.right) << " ours=" << ours << " quantlib=" << reference
                    << " tolerance=" << tolerance;
  }
  int failures() const { return failures_; }
  void print() const {
    std::printf("  %-22s worst relative error (above floor) %.2e, worst error/tolerance %.3f\n",
                name_.c_str(), worst_relative_, worst_ratio_);
  }

 private:
  std::string name_;
  double worst_ratio_ = 0.0, worst_relative_ = 0.0;
  int failures_ = 0;
};

QuantLib::Option::Type ql_type(OptionRight right) {
  return right == OptionRight::Call ? QuantLib::Option::Call : QuantLib::Option::Put;
}

TEST(BlackScholesVsQuantLib, PriceAndGreeksOnTheGridWithin1e10) {
  const auto grid = testing::option_grid();
  ASSERT_GE(grid.size(), 10000u);
  Tally price("price"), delta("delta"), gamma("gamma"), vega("vega"), rho("rho"),
      yield_rho("yield rho"), theta_ql("theta vs theta()"), theta_parts("theta vs closed form");
  for (const BsmInputs& in : grid) {
    const BsmGreeks g = bsm_greeks(in);
    const double d = std::exp(-in.rate * in.years), dq = std::exp(-in.yield * in.years);
    const double forward = in.spot * std::exp((in.rate - in.yield) * in.years);
    const double sqrt_t = std::sqrt(in.years), std_dev = in.vol * sqrt_t;
    const QuantLib::BlackCalculator ql(ql_type(in.right), in.strike, forward, std_dev, d);

    const double spot_leg = dq * in.spot, strike_leg = d * in.strike;
    price.check(in, g.price, ql.value(), std::max(spot_leg, strike_leg));
    delta.check(in, g.delta, ql.delta(in.spot), dq);
    gamma.check(in, g.gamma, ql.gamma(in.spot), dq / (in.spot * std_dev));
    vega.check(in, g.vega, ql.vega(in.years), spot_leg * sqrt_t);
    rho.check(in, g.rho, ql.rho(in.years), strike_leg * in.years);
    yield_rho.check(in, g.yield_rho, ql.dividendRho(in.years), spot_leg * in.years);

    const double theta_scale = spot_leg * in.vol / sqrt_t + std::fabs(in.rate) * strike_leg +
                               std::fabs(in.yield) * spot_leg;
    const double ql_theta_error =
        4.0 * kEps * (std::fabs(ql.value()) + in.spot * std::fabs(ql.delta(in.spot))) / in.years;
    theta_ql.check(in, g.theta, ql.theta(in.spot, in.years), theta_scale, ql_theta_error);
    const bool call = in.right == OptionRight::Call;
    const double n_d1 = call ? ql.itmAssetProbability() : 1.0 - ql.itmAssetProbability();
    const double n_d2 = call ? ql.itmCashProbability() : 1.0 - ql.itmCashProbability();
    const double sign = call ? 1.0 : -1.0;
    const double closed_form = -ql.vega(in.years) * in.vol / (2.0 * in.years) -
                               sign * in.rate * strike_leg * n_d2 +
                               sign * in.yield * spot_leg * n_d1;
    theta_parts.check(in, g.theta, closed_form, theta_scale);
  }
  std::printf("  %zu contracts compared with QuantLib::BlackCalculator\n", grid.size());
  for (const Tally* t : {&price, &delta, &gamma, &vega, &rho, &yield_rho, &theta_ql, &theta_parts})
    t->print();
  for (const Tally* t : {&price, &delta, &gamma, &vega, &rho, &yield_rho, &theta_ql, &theta_parts})
    EXPECT_EQ(t->failures(), 0);
}

}  // namespace
}  // namespace dorado::quant
