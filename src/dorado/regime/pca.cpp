#include "dorado/regime/pca.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace dorado::regime {

Pca::Pca(Eigen::VectorXd mean, Eigen::MatrixXd components, Eigen::VectorXd explained_variance,
         Eigen::VectorXd explained_variance_ratio)
    : mean_(std::move(mean)),
      components_(std::move(components)),
      explained_variance_(std::move(explained_variance)),
      explained_variance_ratio_(std::move(explained_variance_ratio)) {
  if (components_.rows() != mean_.size() || components_.cols() == 0 ||
      explained_variance_.size() != components_.cols() ||
      explained_variance_ratio_.size() != components_.cols())
    throw std::invalid_argument(
        "Pca: " + std::to_string(mean_.size()) + " means, " + std::to_string(components_.rows()) +
        "x" + std::to_string(components_.cols()) + " components, " +
        std::to_string(explained_variance_.size()) + " variances and " +
        std::to_string(explained_variance_ratio_.size()) + " ratios do not fit together");
}

Pca Pca::fit(const Eigen::MatrixXd& rows, Eigen::Index components) {
  if (rows.rows() < 2) throw std::invalid_argument("Pca::fit: needs at least two observations");
  if (components < 1) throw std::invalid_argument("Pca::fit: needs at least one component");
  if (!rows.allFinite()) throw std::invalid_argument("Pca::fit: observations must be finite");
  const Eigen::VectorXd mean = rows.colwise().mean().transpose();
  const Eigen::MatrixXd centred = rows.rowwise() - mean.transpose();
  const Eigen::MatrixXd covariance =
      (centred.transpose() * centred) / static_cast<double>(rows.rows() - 1);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
  if (solver.info() != Eigen::Success)
    throw std::invalid_argument("Pca::fit: eigen-decomposition failed");

  const Eigen::Index d = rows.cols();
  const Eigen::Index k = std::min(components, d);
  // Eigen returns ascending eigenvalues; rounding can leave tiny negatives.
  const Eigen::VectorXd all = solver.eigenvalues().cwiseMax(0.0);
  const double total = all.sum();
  Eigen::MatrixXd loadings(d, k);
  Eigen::VectorXd variance(k), ratio(k);
  for (Eigen::Index j = 0; j < k; ++j) {
    const Eigen::Index source = d - 1 - j;
    Eigen::VectorXd v = solver.eigenvectors().col(source);
    Eigen::Index largest = 0;
    for (Eigen::Index i = 1; i < d; ++i)
      if (std::abs(v[i]) > std::abs(v[largest]) + 1e-12) largest = i;
    if (v[largest] < 0.0) v = -v;
    loadings.col(j) = v;
    variance[j] = all[source];
    ratio[j] = total > 0.0 ? all[source] / total : 0.0;
  }
  return Pca(mean, loadings, variance, ratio);
}

Eigen::MatrixXd Pca::transform(const Eigen::MatrixXd& rows) const {
  if (rows.cols() != features())
    throw std::invalid_argument("Pca: expected " + std::to_string(features()) + " features, got " +
                                std::to_string(rows.cols()));
  return (rows.rowwise() - mean_.transpose()) * components_;
}

Eigen::VectorXd Pca::transform_row(const Eigen::VectorXd& row) const {
  if (row.size() != features())
    throw std::invalid_argument("Pca: expected " + std::to_string(features()) + " features, got " +
                                std::to_string(row.size()));
  return components_.transpose() * (row - mean_);
}

Eigen::MatrixXd Pca::inverse_transform(const Eigen::MatrixXd& scores) const {
  if (scores.cols() != components())
    throw std::invalid_argument("Pca: expected " + std::to_string(components()) + " scores, got " +
                                std::to_string(scores.cols()));
  return (scores * components_.transpose()).rowwise() + mean_.transpose();
}

}  // namespace dorado::regime
