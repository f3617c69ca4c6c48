#pragma once
// Baum-Welch (EM) training of a full-covariance Gaussian HMM.
//
// - Each restart starts from its own initial model: k-means++ (seeded,
//   derived_seed(seed, restart)) or quantiles of the first column (with PCA
//   input the first principal component; deterministic, so only one restart
//   runs). Initial covariances are the cluster's (the whole sample's when a
//   cluster has no more observations than dimensions) plus the regularisation;
//   the initial transition matrix keeps each state with `initial_persistence`.
// - E-step by the scaled forward-backward pass (hmm_inference.hpp); M-step in
//   closed form, then `covariance_regularisation` * I is added to every
//   covariance so none collapses onto a few days.
// - Probabilities in the initial distribution and the transition matrix are
//   floored at 1e-12 so no state becomes unreachable (an unreachable state
//   would make the filter unable to ever enter it).
// - A state whose expected occupancy falls under 1e-6 days keeps its previous
//   mean and covariance.
// - Stops when the log likelihood improves by less than `tolerance` per
//   observation, or after `max_iterations` M-steps.
// - Restarts are screened ("short-run EM", Biernacki et al. 2003): each runs
//   at most `screening_iterations` iterations, and only the best of them by
//   log likelihood continues to convergence. Most restarts that end worse are
//   already behind after a few iterations, so this buys many restarts for the
//   price of a few; screening_iterations >= max_iterations runs every restart
//   to the end.
#include <Eigen/Dense>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dorado/regime/gaussian_hmm.hpp"

namespace dorado::regime {

enum class HmmInitialisation { KMeansPlusPlus, Quantile };

struct HmmTrainingConfig {
  Eigen::Index states = 5;
  std::size_t restarts = 8;
  std::uint64_t seed = 20240601;
  double covariance_regularisation = 1e-3;
  double tolerance = 1e-6;  // log likelihood gain per observation
  std::size_t max_iterations = 200;
  std::size_t screening_iterations = 3;
  HmmInitialisation initialisation = HmmInitialisation::KMeansPlusPlus;
  double initial_persistence = 0.95;

  // Throws std::invalid_argument naming the bad field.
  void validate() const;
};

struct HmmFit {
  GaussianHmm model;
  double log_likelihood = 0.0;               // of `model` on the training data
  std::vector<double> log_likelihood_trace;  // one per E-step of the winning restart
  std::size_t iterations = 0;                // M-steps of the winning restart
  bool converged = false;
  std::size_t best_restart = 0;
  std::vector<double> restart_log_likelihoods;  // after screening, per restart
};

// Rows are observations (T x D). Throws std::invalid_argument for an invalid
// config, non-finite data, or fewer observations than states.
HmmFit train_gaussian_hmm(const Eigen::MatrixXd& rows, const HmmTrainingConfig& config);

// Baum-Welch from a given starting model (one run, no restarts).
HmmFit refine_gaussian_hmm(const Eigen::MatrixXd& rows, GaussianHmm start,
                           const HmmTrainingConfig& config);

// The starting model restart `restart` would use.
GaussianHmm initial_gaussian_hmm(const Eigen::MatrixXd& rows, const HmmTrainingConfig& config,
                                 std::size_t restart);

}  // namespace dorado::regime
