#pragma once
// Column-wise standardisation (z = (x - mean) / scale), fitted on a training
// window and applied unchanged to every later day. The scale is the
// population standard deviation (divisor n, as scikit-learn). A column with
// zero variance keeps scale 1, so it maps to 0 instead of dividing by zero.
#include <Eigen/Dense>

namespace dorado::regime {

class StandardScaler {
 public:
  StandardScaler() = default;
  // Restores a fitted scaler (e.g. from JSON); throws std::invalid_argument
  // when the sizes differ or a scale is not strictly positive and finite.
  StandardScaler(Eigen::VectorXd mean, Eigen::VectorXd scale);

  // Rows are observations. Throws std::invalid_argument for no rows, no
  // columns, or a non-finite value.
  static StandardScaler fit(const Eigen::MatrixXd& rows);

  Eigen::MatrixXd transform(const Eigen::MatrixXd& rows) const;
  // One day (one value per feature).
  Eigen::VectorXd transform_row(const Eigen::VectorXd& row) const;
  Eigen::MatrixXd inverse_transform(const Eigen::MatrixXd& rows) const;

  Eigen::Index features() const { return mean_.size(); }
  const Eigen::VectorXd& mean() const { return mean_; }
  const Eigen::VectorXd& scale() const { return scale_; }

 private:
  void check_width(Eigen::Index columns) const;

  Eigen::VectorXd mean_;
  Eigen::VectorXd scale_;
};

}  // namespace dorado::regime
