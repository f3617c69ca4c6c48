#include "dorado/regime/crypto/l1_logistic_regression.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::regime {

namespace {

// The logistic function without overflow for large |z|.
double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

Eigen::VectorXd signed_labels(std::span<const int> labels) {
  Eigen::VectorXd y(static_cast<Eigen::Index>(labels.size()));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] != 0 && labels[i] != 1)
      throw std::invalid_argument("l1 logistic: label " + std::to_string(i) + " is " +
                                  std::to_string(labels[i]) + ", not 0 or 1");
    y[static_cast<Eigen::Index>(i)] = labels[i] == 1 ? 1.0 : -1.0;
  }
  return y;
}

// Gradient of the mean loss w.r.t. [w; b].
Eigen::VectorXd gradient(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                         const Eigen::VectorXd& beta) {
  const Eigen::Index d = x.cols();
  const Eigen::VectorXd linear = (x * beta.head(d)).array() + beta[d];
  const Eigen::VectorXd margin = y.cwiseProduct(linear);
  Eigen::VectorXd s(margin.size());
  for (Eigen::Index i = 0; i < margin.size(); ++i) s[i] = -y[i] * sigmoid(-margin[i]);
  const double n = static_cast<double>(x.rows());
  Eigen::VectorXd g(d + 1);
  g.head(d) = x.transpose() * s / n;
  g[d] = s.sum() / n;
  return g;
}

double soft_threshold(double v, double t) {
  return v > t ? v - t : (v < -t ? v + t : 0.0);
}

void check(const Eigen::MatrixXd& rows, std::span<const int> labels) {
  if (rows.rows() == 0) throw std::invalid_argument("l1 logistic: no rows");
  if (static_cast<std::size_t>(rows.rows()) != labels.size())
    throw std::invalid_argument("l1 logistic: " + std::to_string(rows.rows()) + " rows but " +
                                std::to_string(labels.size()) + " labels");
  if (!rows.allFinite()) throw std::invalid_argument("l1 logistic: a feature is not finite");
}

}  // namespace

void L1LogisticConfig::validate() const {
  if (!(c > 0) || !std::isfinite(c)) throw std::invalid_argument("l1 logistic: C must be positive");
  if (max_iterations == 0)
    throw std::invalid_argument("l1 logistic: max_iterations must be positive");
  if (!(tolerance > 0)) throw std::invalid_argument("l1 logistic: tolerance must be positive");
}

Eigen::VectorXd L1LogisticRegression::probabilities(const Eigen::MatrixXd& rows) const {
  Eigen::VectorXd p(rows.rows());
  for (Eigen::Index i = 0; i < rows.rows(); ++i)
    p[i] = sigmoid(rows.row(i).dot(weights) + intercept);
  return p;
}

double L1LogisticRegression::probability(const Eigen::VectorXd& row) const {
  return sigmoid(row.dot(weights) + intercept);
}

Eigen::VectorXd mean_logistic_loss_gradient(const Eigen::MatrixXd& rows,
                                            std::span<const int> labels,
                                            const Eigen::VectorXd& weights, double intercept) {
  check(rows, labels);
  Eigen::VectorXd beta(weights.size() + 1);
  beta << weights, intercept;
  return gradient(rows, signed_labels(labels), beta);
}

L1LogisticRegression fit_l1_logistic(const Eigen::MatrixXd& rows, std::span<const int> labels,
                                     const L1LogisticConfig& config) {
  config.validate();
  check(rows, labels);
  const Eigen::VectorXd y = signed_labels(labels);
  const Eigen::Index d = rows.cols();
  const double n = static_cast<double>(rows.rows());
  const double lambda = 1.0 / (config.c * n);

  Eigen::MatrixXd augmented(rows.rows(), d + 1);
  augmented << rows, Eigen::VectorXd::Ones(rows.rows());
  const Eigen::MatrixXd gram = augmented.transpose() * augmented / (4.0 * n);
  const double lipschitz =
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram).eigenvalues().maxCoeff();
  const double step = 1.0 / lipschitz;

  Eigen::VectorXd beta = Eigen::VectorXd::Zero(d + 1), momentum = beta;
  double t = 1.0;
  L1LogisticRegression fit;
  for (std::size_t it = 1; it <= config.max_iterations; ++it) {
    Eigen::VectorXd next = momentum - step * gradient(rows, y, momentum);
    for (Eigen::Index j = 0; j < d; ++j) next[j] = soft_threshold(next[j], step * lambda);
    // Adaptive restart (O'Donoghue and Candes 2015): drop the momentum when
    // it points against the step just taken, which stops FISTA's ripples.
    if ((momentum - next).dot(next - beta) > 0) t = 1.0;
    const double t_next = 0.5 * (1.0 + std::sqrt(1.0 + 4.0 * t * t));
    const double change = (next - beta).cwiseAbs().maxCoeff();
    momentum = next + ((t - 1.0) / t_next) * (next - beta);
    beta = std::move(next);
    t = t_next;
    fit.iterations = it;
    if (change < config.tolerance) {
      fit.converged = true;
      break;
    }
  }
  fit.weights = beta.head(d);
  fit.intercept = beta[d];
  return fit;
}

}  // namespace dorado::regime
