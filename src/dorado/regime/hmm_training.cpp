#include "dorado/regime/hmm_training.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "dorado/regime/hmm_inference.hpp"
#include "dorado/regime/kmeans.hpp"
#include "dorado/regime/seeded_random.hpp"

namespace dorado::regime {

namespace {

constexpr double kProbabilityFloor = 1e-12;
constexpr double kMinimumOccupancy = 1e-6;

void floor_and_normalise(Eigen::Ref<Eigen::VectorXd> p) {
  p = p.cwiseMax(kProbabilityFloor);
  p /= p.sum();
}

Eigen::MatrixXd sample_covariance(const Eigen::MatrixXd& rows) {
  const Eigen::MatrixXd centred = rows.rowwise() - rows.colwise().mean();
  return centred.transpose() * centred / static_cast<double>(rows.rows());
}

// The initial covariance ridge: the configured one, and never less than a
// millionth of the average variance so collinear inputs still factorise.
Eigen::MatrixXd ridge(const Eigen::MatrixXd& global, double regularisation) {
  const double average = global.trace() / static_cast<double>(global.rows());
  const double r = std::max(regularisation, 1e-6 * std::max(average, 1e-12));
  return r * Eigen::MatrixXd::Identity(global.rows(), global.cols());
}

GaussianHmm from_groups(const Eigen::MatrixXd& rows, const std::vector<Eigen::Index>& group,
                        const HmmTrainingConfig& config) {
  const Eigen::Index k_count = config.states;
  const Eigen::Index d = rows.cols();
  const Eigen::MatrixXd global = sample_covariance(rows);
  const Eigen::MatrixXd r = ridge(global, config.covariance_regularisation);
  GaussianHmm model;
  model.initial = Eigen::VectorXd::Constant(k_count, 1.0 / static_cast<double>(k_count));
  model.transition = Eigen::MatrixXd::Constant(
      k_count, k_count,
      k_count > 1 ? (1.0 - config.initial_persistence) / static_cast<double>(k_count - 1) : 0.0);
  model.transition.diagonal().setConstant(k_count > 1 ? config.initial_persistence : 1.0);
  model.means.resize(k_count, d);
  for (Eigen::Index k = 0; k < k_count; ++k) {
    std::vector<Eigen::Index> members;
    for (std::size_t t = 0; t < group.size(); ++t)
      if (group[t] == k) members.push_back(static_cast<Eigen::Index>(t));
    const Eigen::MatrixXd mine = rows(members, Eigen::all);
    model.means.row(k) = members.empty() ? rows.colwise().mean() : mine.colwise().mean();
    const bool enough = static_cast<Eigen::Index>(members.size()) > d;
    model.covariances.push_back((enough ? sample_covariance(mine) : global) + r);
  }
  return model;
}

std::vector<Eigen::Index> quantile_groups(const Eigen::MatrixXd& rows, Eigen::Index k_count) {
  const auto t_count = static_cast<std::size_t>(rows.rows());
  std::vector<std::size_t> order(t_count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rows(static_cast<Eigen::Index>(a), 0) < rows(static_cast<Eigen::Index>(b), 0);
  });
  std::vector<Eigen::Index> group(t_count);
  for (std::size_t rank = 0; rank < t_count; ++rank)
    group[order[rank]] =
        static_cast<Eigen::Index>(rank * static_cast<std::size_t>(k_count) / t_count);
  return group;
}

void check_data(const Eigen::MatrixXd& rows, const HmmTrainingConfig& config) {
  config.validate();
  if (rows.cols() < 1) throw std::invalid_argument("HMM training: no features");
  if (rows.rows() < config.states)
    throw std::invalid_argument("HMM training: " + std::to_string(config.states) +
                                " states need at least as many observations, got " +
                                std::to_string(rows.rows()));
  if (!rows.allFinite()) throw std::invalid_argument("HMM training: observations must be finite");
}

// One M-step in place from the E-step's quantities.
void maximise(GaussianHmm& model, const Eigen::MatrixXd& columns, const ForwardBackward& pass,
              double regularisation) {
  const Eigen::Index k_count = model.states();
  const Eigen::Index t_count = columns.cols();
  const Eigen::MatrixXd& gamma = pass.smoothed;

  model.initial = gamma.col(0);
  floor_and_normalise(model.initial);

  if (t_count > 1) {
    // Expected transitions: sum_t alpha_t(i) a_ij b_{t+1}(j) beta_{t+1}(j) / c_{t+1}.
    Eigen::MatrixXd next =
        pass.emissions.rightCols(t_count - 1).cwiseProduct(pass.backward.rightCols(t_count - 1));
    next.array().rowwise() /= pass.scales.tail(t_count - 1).transpose().array();
    const Eigen::MatrixXd xi =
        model.transition.cwiseProduct(pass.filtered.leftCols(t_count - 1) * next.transpose());
    for (Eigen::Index i = 0; i < k_count; ++i) {
      const double row_sum = xi.row(i).sum();
      if (row_sum > 0.0) {
        Eigen::VectorXd row = xi.row(i).transpose() / row_sum;
        floor_and_normalise(row);
        model.transition.row(i) = row.transpose();
      }
    }
  }

  const Eigen::VectorXd occupancy = gamma.rowwise().sum();
  const Eigen::MatrixXd weighted_sums = columns * gamma.transpose();  // D x K
  const Eigen::Index d = columns.rows();
  for (Eigen::Index k = 0; k < k_count; ++k) {
    if (occupancy[k] < kMinimumOccupancy) continue;
    const Eigen::VectorXd mean = weighted_sums.col(k) / occupancy[k];
    Eigen::MatrixXd centred = columns.colwise() - mean;
    centred.array().rowwise() *= gamma.row(k).array().sqrt();
    Eigen::MatrixXd covariance(d, d);
    covariance.setZero();
    covariance.selfadjointView<Eigen::Lower>().rankUpdate(centred, 1.0 / occupancy[k]);
    covariance = covariance.selfadjointView<Eigen::Lower>();
    covariance.diagonal().array() += regularisation;
    // Keep the previous state when the update would not factorise.
    if (Eigen::LLT<Eigen::MatrixXd>(covariance).info() != Eigen::Success) continue;
    model.means.row(k) = mean.transpose();
    model.covariances[static_cast<std::size_t>(k)] = covariance;
  }
}

}  // namespace

void HmmTrainingConfig::validate() const {
  if (states < 1) throw std::invalid_argument("HMM training: states must be at least 1");
  if (restarts < 1) throw std::invalid_argument("HMM training: restarts must be at least 1");
  if (!(covariance_regularisation >= 0.0) || !std::isfinite(covariance_regularisation))
    throw std::invalid_argument("HMM training: covariance_regularisation must be >= 0");
  if (!(tolerance >= 0.0) || !std::isfinite(tolerance))
    throw std::invalid_argument("HMM training: tolerance must be >= 0");
  if (max_iterations < 1)
    throw std::invalid_argument("HMM training: max_iterations must be at least 1");
  if (!(initial_persistence > 0.0 && initial_persistence < 1.0))
    throw std::invalid_argument("HMM training: initial_persistence must lie in (0, 1)");
}

GaussianHmm initial_gaussian_hmm(const Eigen::MatrixXd& rows, const HmmTrainingConfig& config,
                                 std::size_t restart) {
  check_data(rows, config);
  if (config.initialisation == HmmInitialisation::Quantile)
    return from_groups(rows, quantile_groups(rows, config.states), config);
  const auto clusters = kmeans_plus_plus(rows, config.states, derived_seed(config.seed, restart));
  return from_groups(rows, clusters.cluster, config);
}

HmmFit refine_gaussian_hmm(const Eigen::MatrixXd& rows, GaussianHmm start,
                           const HmmTrainingConfig& config) {
  check_data(rows, config);
  start.validate();
  if (start.states() != config.states || start.dimensions() != rows.cols())
    throw std::invalid_argument("HMM training: the starting model has the wrong shape");
  const Eigen::MatrixXd columns = rows.transpose();
  const double threshold = config.tolerance * static_cast<double>(rows.rows());
  HmmFit fit;
  fit.model = std::move(start);
  for (std::size_t iteration = 0;; ++iteration) {
    const ForwardBackward pass = forward_backward(fit.model, columns);
    fit.log_likelihood_trace.push_back(pass.log_likelihood);
    fit.log_likelihood = pass.log_likelihood;
    if (iteration > 0 &&
        pass.log_likelihood - fit.log_likelihood_trace[iteration - 1] < threshold) {
      fit.converged = true;
      break;
    }
    if (iteration == config.max_iterations) break;
    maximise(fit.model, columns, pass, config.covariance_regularisation);
    fit.iterations = iteration + 1;
  }
  return fit;
}

HmmFit train_gaussian_hmm(const Eigen::MatrixXd& rows, const HmmTrainingConfig& config) {
  check_data(rows, config);
  const std::size_t runs =
      config.initialisation == HmmInitialisation::Quantile ? 1 : config.restarts;
  HmmTrainingConfig screening = config;
  screening.max_iterations = std::min(config.screening_iterations, config.max_iterations);
  HmmFit best;
  std::vector<double> screened;
  for (std::size_t r = 0; r < runs; ++r) {
    HmmFit fit = refine_gaussian_hmm(rows, initial_gaussian_hmm(rows, config, r), screening);
    screened.push_back(fit.log_likelihood);
    if (r == 0 || fit.log_likelihood > best.log_likelihood) {
      best = std::move(fit);
      best.best_restart = r;
    }
  }
  if (!best.converged && best.iterations < config.max_iterations) {
    HmmTrainingConfig rest = config;
    rest.max_iterations = config.max_iterations - best.iterations;
    HmmFit more = refine_gaussian_hmm(rows, best.model, rest);
    // The continuation's first E-step repeats the screening's last one.
    best.log_likelihood_trace.insert(best.log_likelihood_trace.end(),
                                     more.log_likelihood_trace.begin() + 1,
                                     more.log_likelihood_trace.end());
    best.model = std::move(more.model);
    best.log_likelihood = more.log_likelihood;
    best.iterations += more.iterations;
    best.converged = more.converged;
  }
  best.restart_log_likelihoods = std::move(screened);
  return best;
}

}  // namespace dorado::regime
