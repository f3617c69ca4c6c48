// L1 logistic regression: optimality (KKT) of the solution, sparsity, and
// the sign of known effects.
#include "dorado/regime/crypto/l1_logistic_regression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace dorado::regime {
namespace {

struct Sample {
  Eigen::MatrixXd x;
  std::vector<int> y;
};

// y = 1 with probability sigmoid(1.5 x0 - 1.0 x1 + 0.2); x2..x5 are noise.
Sample logistic_sample(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Sample s{Eigen::MatrixXd(n, 6), std::vector<int>(static_cast<std::size_t>(n))};
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < 6; ++j) s.x(i, j) = normal(rng);
    const double z = 1.5 * s.x(i, 0) - 1.0 * s.x(i, 1) + 0.2;
    s.y[static_cast<std::size_t>(i)] = uniform(rng) < 1.0 / (1.0 + std::exp(-z)) ? 1 : 0;
  }
  return s;
}

// The optimality conditions of min lambda ||w||_1 + mean loss, checked with
// the loss gradient computed independently of the solver's iterations.
void expect_kkt(const Sample& s, const L1LogisticRegression& fit, double c) {
  const double lambda = 1.0 / (c * static_cast<double>(s.x.rows()));
  const Eigen::VectorXd g = mean_logistic_loss_gradient(s.x, s.y, fit.weights, fit.intercept);
  for (Eigen::Index j = 0; j < fit.weights.size(); ++j) {
    if (fit.weights[j] == 0.0)
      EXPECT_LE(std::fabs(g[j]), lambda * (1 + 1e-6)) << "feature " << j;
    else
      EXPECT_NEAR(g[j], -lambda * (fit.weights[j] > 0 ? 1.0 : -1.0), 1e-7) << "feature " << j;
  }
  EXPECT_NEAR(g[fit.weights.size()], 0.0, 1e-7);  // the intercept is not penalised
}

TEST(L1LogisticRegression, SolutionMeetsTheOptimalityConditions) {
  const auto s = logistic_sample(2000, 7);
  const auto fit = fit_l1_logistic(s.x, s.y, {0.1, 20000, 1e-12});
  EXPECT_TRUE(fit.converged);
  expect_kkt(s, fit, 0.1);
  EXPECT_GT(fit.weights[0], 1.0);  // the known effects, shrunk a little
  EXPECT_LT(fit.weights[1], -0.6);
}

TEST(L1LogisticRegression, StrongPenaltyZeroesTheNoiseFeatures) {
  const auto s = logistic_sample(400, 11);
  // C = 0.005 with n = 400: lambda = 0.5, more than any noise feature's gradient.
  const auto fit = fit_l1_logistic(s.x, s.y, {0.005, 20000, 1e-12});
  expect_kkt(s, fit, 0.005);
  for (Eigen::Index j = 2; j < 6; ++j) EXPECT_EQ(fit.weights[j], 0.0) << "feature " << j;
}

TEST(L1LogisticRegression, SeparatedClassesGiveConfidentProbabilities) {
  Eigen::MatrixXd x(4, 1);
  x << -2, -1, 1, 2;
  const std::vector<int> y{0, 0, 1, 1};
  const auto fit = fit_l1_logistic(x, y, {10.0, 20000, 1e-12});
  EXPECT_LT(fit.probability(Eigen::VectorXd::Constant(1, -2.0)), 0.1);
  EXPECT_GT(fit.probability(Eigen::VectorXd::Constant(1, 2.0)), 0.9);
}

TEST(L1LogisticRegression, RefusesBadInput) {
  Eigen::MatrixXd x(2, 1);
  x << 1, 2;
  EXPECT_THROW(fit_l1_logistic(x, std::vector<int>{0, 2}), std::invalid_argument);
  EXPECT_THROW(fit_l1_logistic(x, std::vector<int>{0}), std::invalid_argument);
  EXPECT_THROW(fit_l1_logistic(x, std::vector<int>{0, 1}, {0.0, 10, 1e-6}), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::regime
