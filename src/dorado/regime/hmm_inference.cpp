#include "dorado/regime/hmm_inference.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::regime {

namespace {

void check_columns(const GaussianHmm& model, const Eigen::MatrixXd& columns) {
  if (columns.rows() != model.dimensions())
    throw std::invalid_argument(
        "HMM inference: the model has " + std::to_string(model.dimensions()) +
        " dimensions but the observations have " + std::to_string(columns.rows()));
  if (columns.cols() == 0) throw std::invalid_argument("HMM inference: no observations");
  if (!columns.allFinite())
    throw std::invalid_argument("HMM inference: observations must be finite");
}

}  // namespace

ForwardBackward forward_pass(const GaussianHmm& model, const Eigen::MatrixXd& columns) {
  check_columns(model, columns);
  const Eigen::Index t_count = columns.cols();
  ForwardBackward out;
  out.emissions = StateDensities(model).log_densities(columns);
  out.filtered.resize(model.states(), t_count);
  out.scales.resize(t_count);
  double log_likelihood = 0.0;
  Eigen::VectorXd predicted = model.initial;
  for (Eigen::Index t = 0; t < t_count; ++t) {
    auto b = out.emissions.col(t);
    const double peak = b.maxCoeff();
    b = (b.array() - peak).exp().matrix();
    if (t > 0) predicted.noalias() = model.transition.transpose() * out.filtered.col(t - 1);
    auto alpha = out.filtered.col(t);
    alpha = predicted.cwiseProduct(b);
    const double c = alpha.sum();
    if (!(c > 0.0) || !std::isfinite(c))
      throw std::domain_error("HMM inference: observation " + std::to_string(t) +
                              " has zero probability under every reachable state");
    alpha /= c;
    out.scales[t] = c;
    log_likelihood += std::log(c) + peak;
  }
  out.log_likelihood = log_likelihood;
  return out;
}

ForwardBackward forward_backward(const GaussianHmm& model, const Eigen::MatrixXd& columns) {
  ForwardBackward out = forward_pass(model, columns);
  const Eigen::Index t_count = columns.cols();
  out.backward.resize(model.states(), t_count);
  out.backward.col(t_count - 1).setOnes();
  for (Eigen::Index t = t_count - 2; t >= 0; --t)
    out.backward.col(t).noalias() = model.transition *
                                    out.emissions.col(t + 1).cwiseProduct(out.backward.col(t + 1)) /
                                    out.scales[t + 1];
  out.smoothed = out.filtered.cwiseProduct(out.backward);
  // Exact arithmetic makes every column sum to 1; renormalise the rounding away.
  out.smoothed.array().rowwise() /= out.smoothed.colwise().sum().array();
  return out;
}

Eigen::MatrixXd filtered_probabilities(const GaussianHmm& model, const Eigen::MatrixXd& rows) {
  return forward_pass(model, rows.transpose()).filtered.transpose();
}

Eigen::MatrixXd smoothed_probabilities(const GaussianHmm& model, const Eigen::MatrixXd& rows) {
  return forward_backward(model, rows.transpose()).smoothed.transpose();
}

double log_likelihood(const GaussianHmm& model, const Eigen::MatrixXd& rows) {
  return forward_pass(model, rows.transpose()).log_likelihood;
}

}  // namespace dorado::regime
