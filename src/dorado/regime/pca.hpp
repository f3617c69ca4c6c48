#pragma once
// Principal component analysis by eigen-decomposition of the sample
// covariance (divisor n - 1, as scikit-learn). Components are ordered by
// explained variance, largest first.
//
// Sign convention: eigenvectors are defined up to sign, so each component is
// flipped to make its largest-magnitude loading positive (the first such
// loading on a tie). The same data therefore always gives the same
// components, which keeps saved models and retrains comparable.
#include <Eigen/Dense>

namespace dorado::regime {

class Pca {
 public:
  Pca() = default;
  // Restores a fitted PCA. `components` is features x k (one component per
  // column). Throws std::invalid_argument on inconsistent sizes.
  Pca(Eigen::VectorXd mean, Eigen::MatrixXd components, Eigen::VectorXd explained_variance,
      Eigen::VectorXd explained_variance_ratio);

  // Keeps min(components, features) components. Throws std::invalid_argument
  // for fewer than two rows, zero components or non-finite values.
  static Pca fit(const Eigen::MatrixXd& rows, Eigen::Index components);

  // Scores: rows x k.
  Eigen::MatrixXd transform(const Eigen::MatrixXd& rows) const;
  Eigen::VectorXd transform_row(const Eigen::VectorXd& row) const;
  // Back to the input space (exact only when all components are kept).
  Eigen::MatrixXd inverse_transform(const Eigen::MatrixXd& scores) const;

  Eigen::Index features() const { return components_.rows(); }
  Eigen::Index components() const { return components_.cols(); }
  const Eigen::VectorXd& mean() const { return mean_; }
  const Eigen::MatrixXd& loadings() const { return components_; }
  // Variance of each component's scores, and its share of the total variance.
  const Eigen::VectorXd& explained_variance() const { return explained_variance_; }
  const Eigen::VectorXd& explained_variance_ratio() const { return explained_variance_ratio_; }

 private:
  Eigen::VectorXd mean_;
  Eigen::MatrixXd components_;
  Eigen::VectorXd explained_variance_;
  Eigen::VectorXd explained_variance_ratio_;
};

}  // namespace dorado::regime
