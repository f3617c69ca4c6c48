#pragma once
// The online forward filter: one observation at a time, it carries
// P(state_t | x_1..x_t) and nothing else, so the probability published for a
// day can never depend on a later day.
//
//   predicted_t = initial                    (t = 0)
//               = transition^T filtered_{t-1} (t > 0)
//   filtered_t  = predicted_t .* density_t / sum(predicted_t .* density_t)
//
// Densities are scaled by their largest value before the product (the log
// likelihood keeps the scale), so a far-off observation cannot underflow.
#include <Eigen/Dense>
#include <cstddef>

#include "dorado/regime/gaussian_hmm.hpp"

namespace dorado::regime {

class HmmFilter {
 public:
  // Throws std::invalid_argument for an invalid model.
  explicit HmmFilter(GaussianHmm model);

  // Folds in the next observation and returns the filtered probabilities.
  // Throws std::invalid_argument for a wrong size or a non-finite value, and
  // std::domain_error when no reachable state can produce the observation; the
  // filter is unchanged in both cases.
  const Eigen::VectorXd& update(const Eigen::VectorXd& observation);

  // The filtered probabilities after the last update (the initial
  // distribution before any).
  const Eigen::VectorXd& probabilities() const { return filtered_; }
  // P(state of the next observation | observations so far).
  Eigen::VectorXd predicted() const;
  std::size_t observations() const { return observations_; }
  double log_likelihood() const { return log_likelihood_; }
  const GaussianHmm& model() const { return model_; }
  void reset();

 private:
  GaussianHmm model_;
  StateDensities densities_;
  Eigen::VectorXd filtered_;
  std::size_t observations_ = 0;
  double log_likelihood_ = 0.0;
};

}  // namespace dorado::regime
