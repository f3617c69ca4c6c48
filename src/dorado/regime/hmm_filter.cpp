#include "dorado/regime/hmm_filter.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::regime {

namespace {

const GaussianHmm& validated(const GaussianHmm& model) {
  model.validate();
  return model;
}

}  // namespace

HmmFilter::HmmFilter(GaussianHmm model)
    : model_(std::move(model)), densities_(validated(model_)), filtered_(model_.initial) {}

Eigen::VectorXd HmmFilter::predicted() const {
  return observations_ == 0 ? model_.initial
                            : Eigen::VectorXd(model_.transition.transpose() * filtered_);
}

const Eigen::VectorXd& HmmFilter::update(const Eigen::VectorXd& observation) {
  if (observation.size() != model_.dimensions())
    throw std::invalid_argument("HmmFilter: expected " + std::to_string(model_.dimensions()) +
                                " values, got " + std::to_string(observation.size()));
  if (!observation.allFinite())
    throw std::invalid_argument("HmmFilter: the observation must be finite");
  Eigen::VectorXd density = densities_.log_density(observation);
  const double peak = density.maxCoeff();
  density = (density.array() - peak).exp().matrix();
  Eigen::VectorXd next = predicted().cwiseProduct(density);
  const double c = next.sum();
  if (!(c > 0.0) || !std::isfinite(c))
    throw std::domain_error(
        "HmmFilter: the observation has zero probability under every reachable state");
  filtered_ = next / c;
  log_likelihood_ += std::log(c) + peak;
  ++observations_;
  return filtered_;
}

void HmmFilter::reset() {
  filtered_ = model_.initial;
  observations_ = 0;
  log_likelihood_ = 0.0;
}

}  // namespace dorado::regime
