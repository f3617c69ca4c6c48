#pragma once
// A hidden Markov model with one full-covariance Gaussian per state: the
// parameters as a value, and the per-state log densities computed through
// Cholesky factors (log det from the factor's diagonal, Mahalanobis distance
// by a triangular solve; no covariance is ever inverted).
#include <Eigen/Dense>
#include <cstddef>
#include <vector>

namespace dorado::regime {

struct GaussianHmm {
  Eigen::VectorXd initial;                   // K: P(state at the first observation)
  Eigen::MatrixXd transition;                // K x K: row = from, column = to
  Eigen::MatrixXd means;                     // K x D
  std::vector<Eigen::MatrixXd> covariances;  // K of D x D

  Eigen::Index states() const { return means.rows(); }
  Eigen::Index dimensions() const { return means.cols(); }
  // Free parameters for BIC: (K - 1) + K (K - 1) + K D + K D (D + 1) / 2.
  std::size_t free_parameters() const;
  // Expected days in each state once entered: 1 / (1 - a_kk).
  Eigen::VectorXd expected_durations() const;
  // Throws std::invalid_argument naming the first inconsistency: sizes,
  // probabilities that are negative or do not sum to 1 (within 1e-9), or a
  // covariance that is not symmetric positive definite.
  void validate() const;
};

// The Cholesky factors of every state, computed once and reused per day.
class StateDensities {
 public:
  // Throws std::invalid_argument when a covariance is not positive definite.
  explicit StateDensities(const GaussianHmm& model);

  // `columns` is D x T (one observation per column); returns K x T log densities.
  Eigen::MatrixXd log_densities(const Eigen::MatrixXd& columns) const;
  // One observation (D) -> K log densities.
  Eigen::VectorXd log_density(const Eigen::VectorXd& observation) const;

 private:
  Eigen::MatrixXd means_;                 // K x D
  std::vector<Eigen::MatrixXd> factors_;  // lower Cholesky factor per state
  Eigen::VectorXd log_normaliser_;        // -(D log 2 pi + log det) / 2 per state
};

}  // namespace dorado::regime
