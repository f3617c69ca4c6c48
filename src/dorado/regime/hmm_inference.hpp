#pragma once
// Batch inference for a GaussianHmm over a whole history (rows = days).
//
// The forward and backward passes run with per-day scaling (Rabiner): each
// day's densities are divided by their largest value and each forward vector
// is normalised, so nothing underflows however long the history; the log
// likelihood is the sum of the logs of those scales.
//
// Filtered probabilities P(state_t | x_1..x_t) are what the Regime Radar
// publishes: they use nothing after day t. Smoothed probabilities
// P(state_t | x_1..x_T) look at the future and serve training and tests only.
#include <Eigen/Dense>

#include "dorado/regime/gaussian_hmm.hpp"

namespace dorado::regime {

// The scaled passes, states x days (column t = day t).
struct ForwardBackward {
  Eigen::MatrixXd filtered;   // K x T, alpha_t normalised
  Eigen::MatrixXd smoothed;   // K x T, gamma_t (empty when only the forward pass ran)
  Eigen::MatrixXd backward;   // K x T, scaled beta_t (empty likewise)
  Eigen::MatrixXd emissions;  // K x T, exp(log density - that day's maximum)
  Eigen::VectorXd scales;     // T, forward normaliser c_t
  double log_likelihood = 0.0;
};

// `columns` is D x T. Throws std::invalid_argument on a size mismatch.
ForwardBackward forward_pass(const GaussianHmm& model, const Eigen::MatrixXd& columns);
ForwardBackward forward_backward(const GaussianHmm& model, const Eigen::MatrixXd& columns);

// Rows = days (T x D) in, T x K out.
Eigen::MatrixXd filtered_probabilities(const GaussianHmm& model, const Eigen::MatrixXd& rows);
Eigen::MatrixXd smoothed_probabilities(const GaussianHmm& model, const Eigen::MatrixXd& rows);
double log_likelihood(const GaussianHmm& model, const Eigen::MatrixXd& rows);

}  // namespace dorado::regime
