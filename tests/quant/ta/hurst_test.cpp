#include "dorado/quant/ta/hurst.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

const std::vector<double> kEight{1, -1, 2, 0, -1, 3, 1, 1};

TEST(HurstLags, TwoPerOctave) {
  EXPECT_EQ(hurst_lags(8, 126), (std::vector<std::size_t>{8, 11, 16, 22, 32, 45, 64, 90}));
  EXPECT_EQ(hurst_lags(2, 4), (std::vector<std::size_t>{2, 4}));  // 2.83 floors to 2: once
  EXPECT_EQ(hurst_lags(3, 4), (std::vector<std::size_t>{3, 4}));
}

// Hand-worked R/S on x = 1, -1, 2, 0, -1, 3, 1, 1 with lags {2, 4}:
//   lag 2, chunks (1,-1) (2,0) (-1,3) (1,1): a pair (a, b) has deviations
//     d, -d with d = (a - b)/2, so Y = d, 0, R = |d|, S = sqrt((d^2 + d^2)/2)
//     = |d| and R/S = 1; (1,1) has S = 0 and is skipped -> (R/S)_2 = 1.
//   lag 4, chunk (1,-1,2,0): mean 0.5, Y = 0.5, -1, 0.5, 0 -> R = 1.5,
//     S = sqrt((0.25 + 2.25 + 2.25 + 0.25)/4) = sqrt(1.25) -> 1.3416408
//     chunk (-1,3,1,1): mean 1, Y = -2, 0, 0, 0 -> R = 2, S = sqrt(8/4) -> 1.4142136
//     (R/S)_4 = 1.37792717443648
//   H = (ln 1.37792717443648 - ln 1) / (ln 4 - ln 2) = 0.46249964141251626
// (same numbers from an exact-fraction Python recomputation).
TEST(Hurst, RescaledRangeHandWorked) {
  const double h =
      hurst_exponent(kEight, {.method = HurstMethod::RescaledRange, .min_lag = 2, .max_lag = 4});
  EXPECT_NEAR(h, 0.46249964141251626, 1e-14);
  const double expected =
      std::log((1.5 / std::sqrt(1.25) + 2.0 / std::sqrt(2.0)) / 2.0) / std::log(2.0);
  EXPECT_NEAR(h, expected, 1e-15);
}

// Hand-worked DFA on the same x with lags {3, 4}: mean 6/8 = 0.75, profile
//   y = 1/4, -3/2, -1/4, -1, -11/4, -1/2, -1/4, 0.
//   lag 3: two boxes aligned to the end, (-1/4, -1, -11/4) and (-1/2, -1/4, 0)
//     (the two oldest points dropped). Box 1: mean -4/3, slope -5/4, residuals
//     -1/6, 1/3, -1/6 -> 1/6; box 2 is a straight line (slope 1/4) -> 0.
//     F(3) = sqrt((1/6) / 6) = 1/6.
//   lag 4: boxes (1/4, -3/2, -1/4, -1) slope -1/4 and (-11/4, -1/2, -1/4, 0)
//     slope 17/20; squared residuals sum to 27/10; F(4) = sqrt(2.7 / 8).
//   H = (ln F(4) - ln F(3)) / (ln 4 - ln 3) = 4.340432388613896 (a tiny
//   sample: an arithmetic check, not a meaningful exponent).
TEST(Hurst, DfaHandWorked) {
  const double h = hurst_exponent(kEight, {.method = HurstMethod::Dfa, .min_lag = 3, .max_lag = 4});
  const double expected =
      (std::log(std::sqrt(2.7 / 8.0)) - std::log(1.0 / 6.0)) / (std::log(4.0) - std::log(3.0));
  EXPECT_NEAR(expected, 4.340432388613896, 1e-13);
  EXPECT_NEAR(h, expected, 1e-12);
}

double mean_exponent(HurstMethod method, std::size_t n, int samples, unsigned seed) {
  HurstEstimator estimator(n, {.method = method});
  double sum = 0.0;
  for (int s = 0; s < samples; ++s)
    sum += estimator.estimate(testing::white_noise(n, seed + static_cast<unsigned>(s), 0.01));
  return sum / samples;
}

TEST(Hurst, WhiteNoiseReadsAboutOneHalf) {
  // Averages over 200 samples of 252 independent normal returns. DFA is close
  // to 0.5; R/S carries its known small-sample upward bias (see hurst.hpp),
  // 0.578 on average over 2,000 samples.
  const double dfa = mean_exponent(HurstMethod::Dfa, 252, 200, 1000);
  const double rs = mean_exponent(HurstMethod::RescaledRange, 252, 200, 1000);
  EXPECT_NEAR(dfa, 0.5, 0.04);
  EXPECT_GT(rs, 0.53);
  EXPECT_LT(rs, 0.61);
  // On a long sample both close in on 0.5.
  const auto long_noise = testing::white_noise(16384, 77);
  EXPECT_NEAR(hurst_exponent(long_noise, {.method = HurstMethod::Dfa, .min_lag = 16}), 0.5, 0.04);
  EXPECT_NEAR(hurst_exponent(long_noise, {.min_lag = 16}), 0.52, 0.04);
}

// Fractional Gaussian noise with exponent h by Cholesky factorisation of its
// autocovariance gamma(k) = (|k+1|^2h - 2|k|^2h + |k-1|^2h) / 2: the textbook
// exact generator, independent of the estimators.
std::vector<double> fractional_noise(std::size_t n, double h, unsigned seed) {
  const auto gamma = [h](double k) {
    return 0.5 * (std::pow(std::abs(k + 1), 2 * h) - 2 * std::pow(std::abs(k), 2 * h) +
                  std::pow(std::abs(k - 1), 2 * h));
  };
  std::vector<double> l(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      double s = gamma(static_cast<double>(i) - static_cast<double>(j));
      for (std::size_t k = 0; k < j; ++k) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = i == j ? std::sqrt(s) : s / l[j * n + j];
    }
  const auto z = testing::white_noise(n, seed);
  std::vector<double> x(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k <= i; ++k) x[i] += l[i * n + k] * z[k];
  return x;
}

TEST(Hurst, PersistentAndAntiPersistentNoiseAreTold) {
  const std::size_t n = 512;
  double rs_trend = 0, dfa_trend = 0, rs_revert = 0, dfa_revert = 0;
  const int samples = 4;
  for (int s = 0; s < samples; ++s) {
    const auto trend = fractional_noise(n, 0.8, 500 + s);
    const auto revert = fractional_noise(n, 0.25, 600 + s);
    rs_trend += hurst_exponent(trend) / samples;
    dfa_trend += hurst_exponent(trend, {.method = HurstMethod::Dfa}) / samples;
    rs_revert += hurst_exponent(revert) / samples;
    dfa_revert += hurst_exponent(revert, {.method = HurstMethod::Dfa}) / samples;
  }
  EXPECT_NEAR(dfa_trend, 0.8, 0.08);
  EXPECT_NEAR(dfa_revert, 0.25, 0.08);
  EXPECT_GT(rs_trend, 0.7);
  EXPECT_LT(rs_revert, 0.45);
}

TEST(Hurst, ACumulatedTrendingWalkReadsNearOne) {
  // Increments of a trending random walk (drift plus noise) cumulated into
  // the walk itself and handed to R/S as if they were increments: the
  // cumulative range grows like the lag, H close to 1.
  auto steps = testing::white_noise(1024, 99, 1.0);
  std::vector<double> walk(steps.size());
  double level = 0.0;
  for (std::size_t i = 0; i < steps.size(); ++i) walk[i] = level += 0.1 + steps[i];
  EXPECT_GT(hurst_exponent(walk), 0.9);
  EXPECT_NEAR(hurst_exponent(steps), 0.55, 0.06);  // the increments alone
}

TEST(Hurst, FlatInputHasNoExponent) {
  const std::vector<double> flat(64, 0.0);
  EXPECT_TRUE(std::isnan(hurst_exponent(flat)));
  EXPECT_TRUE(std::isnan(hurst_exponent(flat, {.method = HurstMethod::Dfa})));
}

TEST(Hurst, ConfigurationErrorsFailFast) {
  EXPECT_THROW(HurstEstimator(20, {.min_lag = 8}), std::invalid_argument);  // only lag 8 fits
  EXPECT_THROW(HurstEstimator(252, {.min_lag = 1}), std::invalid_argument);
  EXPECT_THROW(HurstEstimator(252, {.method = HurstMethod::Dfa, .min_lag = 2}),
               std::invalid_argument);
  EXPECT_THROW(HurstEstimator(100, {.max_lag = 200}), std::invalid_argument);
  HurstEstimator estimator(64);
  EXPECT_THROW(estimator.estimate(kEight), std::invalid_argument);
}

TEST(Hurst, MaxLagIsConfigurable) {
  HurstEstimator half(252);
  EXPECT_EQ(half.lags().back(), 90u);  // 8 * 2^3.5 = 90.5 <= 126
  HurstEstimator capped(252, {.max_lag = 64});
  EXPECT_EQ(capped.lags(), (std::vector<std::size_t>{8, 11, 16, 22, 32, 45, 64}));
}

TEST(RollingHurst, BatchEqualsStreamingOnALongRandomSeries) {
  const auto closes = testing::closes_of(testing::random_market(1500, 71));
  for (HurstMethod method : {HurstMethod::RescaledRange, HurstMethod::Dfa}) {
    const HurstOptions options{.method = method};
    const Series batch = rolling_hurst(closes, 252, options);
    EXPECT_TRUE(std::isnan(batch[251]));
    EXPECT_FALSE(std::isnan(batch[252]));
    EXPECT_TRUE(testing::same_series(batch, testing::stream(RollingHurst(252, options), closes)));
    // The first full window equals the one-shot estimate of its returns.
    std::vector<double> returns;
    for (std::size_t i = 1; i <= 252; ++i) returns.push_back(std::log(closes[i] / closes[i - 1]));
    EXPECT_DOUBLE_EQ(batch[252], hurst_exponent(returns, options));
  }
}

}  // namespace
}  // namespace dorado::quant::ta
