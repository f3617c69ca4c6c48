#pragma once
// L1-regularised logistic regression, as scikit-learn's
// LogisticRegression(penalty="l1", C=...): minimise
//   ||w||_1 + C * sum_i log(1 + exp(-y_i (x_i . w + b))),  y_i in {-1, +1}
// with the intercept b not penalised. Solved by FISTA (accelerated proximal
// gradient) on the equivalent mean-loss form with lambda = 1 / (C n): a
// gradient step on the smooth loss, then soft-thresholding of w, step 1/L
// with L = the largest eigenvalue of [X 1]'[X 1] / (4 n), the loss
// gradient's Lipschitz constant. The L1 term drives the weights of features
// that do not pay for themselves to exactly zero.
//
// Features should be standardised first (the penalty treats every weight
// alike); the model here does not scale.
#include <Eigen/Dense>
#include <cstddef>
#include <span>

namespace dorado::regime {

struct L1LogisticConfig {
  double c = 0.1;  // inverse regularisation strength, as scikit-learn's C
  std::size_t max_iterations = 20000;
  double tolerance = 1e-10;  // on the largest change of a coefficient per iteration

  void validate() const;
};

struct L1LogisticRegression {
  Eigen::VectorXd weights;
  double intercept = 0.0;
  std::size_t iterations = 0;
  bool converged = false;

  // P(y = 1) per row.
  Eigen::VectorXd probabilities(const Eigen::MatrixXd& rows) const;
  double probability(const Eigen::VectorXd& row) const;
};

// `labels` are 0/1. Throws std::invalid_argument for mismatched sizes, no
// rows, labels other than 0 and 1, or non-finite features.
L1LogisticRegression fit_l1_logistic(const Eigen::MatrixXd& rows, std::span<const int> labels,
                                     const L1LogisticConfig& config = {});

// The gradient of the mean logistic loss at (weights, intercept): for the
// optimality (KKT) check of a fit, |g_j| <= lambda where w_j = 0 and
// g_j = -lambda sign(w_j) elsewhere; the last entry is the intercept's (0).
Eigen::VectorXd mean_logistic_loss_gradient(const Eigen::MatrixXd& rows,
                                            std::span<const int> labels,
                                            const Eigen::VectorXd& weights, double intercept);

}  // namespace dorado::regime
