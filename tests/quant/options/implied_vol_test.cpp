// Implied vol: round trips over the option grid, every failure reason, and a
// seeded fuzz over arbitrary inputs.
#include "dorado/quant/options/implied_vol.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

#include "quant/options/option_grid.hpp"

namespace dorado::quant {
namespace {

using F = ImpliedVolFailure;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

BsmInputs with_vol(BsmInputs in, double vol) {
  in.vol = vol;
  return in;
}

// Round trip price -> implied vol -> price over the grid's 21,840 contracts.
//
// Price: every solved contract reprices within 1e-10 relative.
// Vol: within 1e-10 absolute and 1e-10 relative of the input vol wherever the
// vol is determined by the price to that precision, i.e. where the price's
// elasticity to vol is not negligible: p / (vol * vega) <= 1e4. There one ulp
// of price moves the vol by at most ~1e-12 relative; beyond it (deep in the
// money, tiny time value) the vol is only as precise as p / (vol * vega) ulps
// and the price round trip is the meaningful check.
// Contracts whose time value is lost in the price's rounding (price ==
// intrinsic in double) must come back AtIntrinsic; every other contract in
// the normal double range must solve.
TEST(ImpliedVol, RoundTripsOverTheGrid) {
  int solved = 0, at_intrinsic = 0, vol_checked = 0, max_iterations = 0;
  double worst_price = 0.0, worst_vol = 0.0;
  for (const BsmInputs& in : testing::option_grid()) {
    const double price = bsm_price(in);
    if (!(price > std::numeric_limits<double>::min())) continue;  // underflowed: no information
    const ImpliedVol iv = implied_vol(in, price);
    if (!iv) {
      EXPECT_EQ(iv.failure(), F::AtIntrinsic) << iv.message() << " vol=" << in.vol;
      ++at_intrinsic;
      continue;
    }
    ++solved;
    max_iterations = std::max(max_iterations, iv.iterations());
    const double repriced = bsm_price(with_vol(in, iv.value()));
    const double price_error = std::fabs(repriced - price) / price;
    worst_price = std::max(worst_price, price_error);
    EXPECT_LE(price_error, 1e-10) << "K=" << in.strike << " T=" << in.years << " vol=" << in.vol;
    const double vega = bsm_greeks(in).vega;
    if (price / (in.vol * vega) <= 1e4) {
      ++vol_checked;
      const double vol_error = std::fabs(iv.value() - in.vol);
      worst_vol = std::max(worst_vol, vol_error / in.vol);
      EXPECT_LE(vol_error, 1e-10 * std::min(1.0, in.vol))
          << "S=" << in.spot << " K=" << in.strike << " T=" << in.years << " r=" << in.rate
          << " q=" << in.yield << " vol=" << in.vol << " " << name_of(in.right);
    }
  }
  std::printf(
      "  solved %d (max %d iterations), at intrinsic %d; vol checked on %d: worst relative "
      "vol error %.2e, worst relative reprice error %.2e\n",
      solved, max_iterations, at_intrinsic, vol_checked, worst_vol, worst_price);
  EXPECT_GT(vol_checked, 10000);
  EXPECT_LE(max_iterations, 12);
}

TEST(ImpliedVol, DeepInAndOutOfTheMoneyHoursFromExpiry) {
  // Four hours to expiry, SPX-like: 10% out of the money and 10% in.
  const double hours = 4.0 / 8760.0;
  for (double strike : {4050.0, 4950.0})
    for (OptionRight right : {OptionRight::Call, OptionRight::Put})
      for (double vol : {0.2, 0.8, 2.5}) {
        const BsmInputs in{4500.0, strike, hours, 0.05, 0.013, vol, right};
        const double price = bsm_price(in);
        const ImpliedVol iv = implied_vol(in, price);
        const double elasticity = price / (vol * bsm_greeks(in).vega);
        if (elasticity > 1e4) continue;  // in the money with no visible time value
        ASSERT_TRUE(iv) << iv.message();
        EXPECT_NEAR(iv.value(), vol, 1e-12 * vol) << strike << " " << name_of(right);
      }
}

TEST(ImpliedVol, FarOutOfTheMoneyTinyPricesStillSolve) {
  // A ~1e-117 price: the solver works on ln(price), never on the price itself.
  const BsmInputs in{100.0, 200.0, 0.01, 0.01, 0.0, 0.3, OptionRight::Call};
  const double price = bsm_price(in);
  ASSERT_GT(price, 0.0);
  ASSERT_LT(price, 1e-100);
  const ImpliedVol iv = implied_vol(in, price);
  ASSERT_TRUE(iv) << iv.message();
  EXPECT_NEAR(iv.value(), 0.3, 1e-14);
}

TEST(ImpliedVol, PricesOutsideTheBoundsSayWhich) {
  const BsmInputs call{100.0, 90.0, 0.5, 0.04, 0.01, 0.0, OptionRight::Call};
  const double intrinsic = 100.0 * std::exp(-0.01 * 0.5) - 90.0 * std::exp(-0.04 * 0.5);

  const ImpliedVol below = implied_vol(call, intrinsic - 0.01);
  EXPECT_EQ(below.failure(), F::BelowIntrinsic);
  EXPECT_TRUE(std::isnan(below.value()));
  EXPECT_NE(below.message().find("below the discounted intrinsic value"), std::string::npos)
      << below.message();

  EXPECT_EQ(implied_vol(call, intrinsic).failure(), F::AtIntrinsic);

  const double upper = 100.0 * std::exp(-0.01 * 0.5);
  EXPECT_EQ(implied_vol(call, upper).failure(), F::AboveUpperBound);
  EXPECT_EQ(implied_vol(call, upper + 1.0).failure(), F::AboveUpperBound);
  EXPECT_NE(implied_vol(call, upper + 1.0).message().find("upper bound"), std::string::npos);

  BsmInputs put = call;
  put.right = OptionRight::Put;
  EXPECT_EQ(implied_vol(put, 90.0 * std::exp(-0.04 * 0.5)).failure(), F::AboveUpperBound);
  EXPECT_EQ(implied_vol(put, 0.0).failure(), F::AtIntrinsic);  // out of the money, worth 0

  // Just inside both bounds still solves.
  EXPECT_TRUE(implied_vol(call, intrinsic + 1e-6));
  EXPECT_TRUE(implied_vol(call, upper * (1.0 - 1e-12)));
}

TEST(ImpliedVol, InputsOutsideTheModelSayWhy) {
  const BsmInputs ok{100.0, 100.0, 0.5, 0.04, 0.01, 0.0, OptionRight::Call};
  const auto failure = [](BsmInputs in, double price) { return implied_vol(in, price).failure(); };
  BsmInputs in = ok;
  in.spot = kNaN;
  EXPECT_EQ(failure(in, 5.0), F::NonFiniteInput);
  EXPECT_EQ(failure(ok, kNaN), F::NonFiniteInput);
  EXPECT_EQ(failure(ok, std::numeric_limits<double>::infinity()), F::NonFiniteInput);
  in = ok;
  in.strike = -100.0;
  EXPECT_EQ(failure(in, 5.0), F::NonPositiveInput);
  in = ok;
  in.spot = 0.0;
  EXPECT_EQ(failure(in, 5.0), F::NonPositiveInput);
  EXPECT_EQ(failure(ok, -1.0), F::NonPositiveInput);
  in = ok;
  in.years = -0.1;
  EXPECT_EQ(failure(in, 5.0), F::NonPositiveInput);
  in = ok;
  in.years = 0.0;
  EXPECT_EQ(failure(in, 5.0), F::Expired);
  in = ok;
  in.strike = 1e-300;
  in.spot = 1e300;
  in.right = OptionRight::Put;
  EXPECT_EQ(failure(in, 1e-301), F::ExtremeMoneyness);
  // The vol field is ignored: it is what is solved for.
  in = ok;
  in.vol = kNaN;
  EXPECT_TRUE(implied_vol(in, 5.0));
}

TEST(ImpliedVol, ReasonsHaveStableNames) {
  EXPECT_EQ(name_of(F::BelowIntrinsic), "below_intrinsic");
  EXPECT_EQ(parse_name<F>("iteration_limit"), F::IterationLimit);
  EXPECT_EQ(all_names<F>().size(), 8u);
  EXPECT_NE(ImpliedVol::solved(0.2, 3).message().find("0.2"), std::string::npos);
}

// Seeded fuzz: arbitrary, partly absurd inputs. Never a throw, never a NaN
// value with no reason, never a value with a reason; every in-bounds price of
// a sane contract solves and reprices.
TEST(ImpliedVol, FuzzNeverThrowsAndAlwaysAnswers) {
  std::mt19937_64 rng(20240603);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const auto log_uniform = [&](double lo, double hi) {
    return std::exp(std::log(lo) + unit(rng) * (std::log(hi) - std::log(lo)));
  };
  const double specials[] = {0.0,
                             -1.0,
                             kNaN,
                             std::numeric_limits<double>::infinity(),
                             1e-300,
                             1e300,
                             std::numeric_limits<double>::denorm_min()};
  const auto maybe_special = [&](double value) {
    return unit(rng) < 0.02 ? specials[rng() % std::size(specials)] : value;
  };
  int sane_in_bounds = 0, solved = 0, max_iterations = 0;
  for (int i = 0; i < 200000; ++i) {
    BsmInputs in;
    in.spot = maybe_special(log_uniform(1e-3, 1e5));
    in.strike = maybe_special(in.spot * log_uniform(0.05, 20.0));
    in.years = maybe_special(log_uniform(1.0 / (365.0 * 24 * 60), 30.0));
    in.rate = maybe_special((unit(rng) - 0.3) * 0.3);
    in.yield = maybe_special((unit(rng) - 0.3) * 0.3);
    in.right = unit(rng) < 0.5 ? OptionRight::Call : OptionRight::Put;
    const double true_vol = log_uniform(1e-3, 10.0);
    // Half the prices come from a vol, half anywhere between 0 and 1.2x the upper bound.
    double price;
    if (unit(rng) < 0.5) {
      price = bsm_price(with_vol(in, true_vol));
    } else {
      const double upper = in.right == OptionRight::Call
                               ? in.spot * std::exp(-in.yield * in.years)
                               : in.strike * std::exp(-in.rate * in.years);
      price = maybe_special(unit(rng) * 1.2 * upper);
    }
    ImpliedVol iv = ImpliedVol::failed(F::IterationLimit);
    ASSERT_NO_THROW(iv = implied_vol(in, price));
    if (iv) {
      ++solved;
      max_iterations = std::max(max_iterations, iv.iterations());
      ASSERT_TRUE(std::isfinite(iv.value()) && iv.value() >= 0.0) << iv.value();
    } else {
      ASSERT_TRUE(iv.failure().has_value());
      ASSERT_TRUE(std::isnan(iv.value()));
      ASSERT_NE(iv.failure(), F::IterationLimit)
          << "S=" << in.spot << " K=" << in.strike << " T=" << in.years << " p=" << price;
      ASSERT_FALSE(iv.message().empty());
    }
    // A sane contract priced strictly inside its bounds with visible time value must solve.
    const bool sane =
        !bsm_input_problem(with_vol(in, 0.2)) && in.years > 0.0 &&
        std::fabs(std::log(in.spot / in.strike) + (in.rate - in.yield) * in.years) < 50.0;
    if (sane && iv.failure() != F::BelowIntrinsic && iv.failure() != F::AboveUpperBound &&
        iv.failure() != F::AtIntrinsic && std::isfinite(price) && price > 1e-280) {
      ++sane_in_bounds;
      ASSERT_TRUE(iv) << iv.message();
      // Far out of the money at tiny vol sqrt(T) the price's two N terms cancel
      // ~|x|/s^2-fold, so the price function itself carries ~eps |x|/s^2 relative
      // rounding and no vol reprices closer than that (a 0.35% vol with 1.4 hours
      // left and h = -30 reaches 1.5e-10); elsewhere the bound is 1e-10.
      const double x = std::log(in.spot / in.strike) + (in.rate - in.yield) * in.years;
      const double s = iv.value() * std::sqrt(in.years);
      const double tolerance = std::max(1e-10, 1e-15 * std::fabs(x) / (s * s));
      const double repriced = bsm_price(with_vol(in, iv.value()));
      ASSERT_NEAR(repriced, price, tolerance * price)
          << "S=" << in.spot << " K=" << in.strike << " T=" << in.years << " r=" << in.rate
          << " q=" << in.yield << " " << name_of(in.right) << " vol=" << iv.value();
    }
  }
  std::printf("  fuzz: %d solved, %d sane in-bounds checked, max %d iterations\n", solved,
              sane_in_bounds, max_iterations);
  EXPECT_GT(sane_in_bounds, 70000);
}

}  // namespace
}  // namespace dorado::quant
