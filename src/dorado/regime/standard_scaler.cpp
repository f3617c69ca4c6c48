#include "dorado/regime/standard_scaler.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::regime {

StandardScaler::StandardScaler(Eigen::VectorXd mean, Eigen::VectorXd scale)
    : mean_(std::move(mean)), scale_(std::move(scale)) {
  if (mean_.size() != scale_.size())
    throw std::invalid_argument("StandardScaler: mean has " + std::to_string(mean_.size()) +
                                " entries but scale has " + std::to_string(scale_.size()));
  for (Eigen::Index i = 0; i < scale_.size(); ++i)
    if (!std::isfinite(mean_[i]) || !std::isfinite(scale_[i]) || scale_[i] <= 0.0)
      throw std::invalid_argument("StandardScaler: column " + std::to_string(i) +
                                  " needs a finite mean and a positive finite scale");
}

StandardScaler StandardScaler::fit(const Eigen::MatrixXd& rows) {
  if (rows.rows() == 0 || rows.cols() == 0)
    throw std::invalid_argument("StandardScaler::fit: no observations");
  if (!rows.allFinite())
    throw std::invalid_argument("StandardScaler::fit: observations must be finite");
  const Eigen::VectorXd mean = rows.colwise().mean().transpose();
  const Eigen::MatrixXd centred = rows.rowwise() - mean.transpose();
  Eigen::VectorXd scale =
      (centred.colwise().squaredNorm().transpose() / static_cast<double>(rows.rows())).cwiseSqrt();
  // A constant column carries no information; scale 1 keeps it at exactly 0.
  for (Eigen::Index i = 0; i < scale.size(); ++i)
    if (!(scale[i] > 1e-12 * std::max(1.0, std::abs(mean[i])))) scale[i] = 1.0;
  return StandardScaler(mean, scale);
}

void StandardScaler::check_width(Eigen::Index columns) const {
  if (columns != mean_.size())
    throw std::invalid_argument("StandardScaler: expected " + std::to_string(mean_.size()) +
                                " features, got " + std::to_string(columns));
}

Eigen::MatrixXd StandardScaler::transform(const Eigen::MatrixXd& rows) const {
  check_width(rows.cols());
  return (rows.rowwise() - mean_.transpose()).array().rowwise() / scale_.transpose().array();
}

Eigen::VectorXd StandardScaler::transform_row(const Eigen::VectorXd& row) const {
  check_width(row.size());
  return (row - mean_).cwiseQuotient(scale_);
}

Eigen::MatrixXd StandardScaler::inverse_transform(const Eigen::MatrixXd& rows) const {
  check_width(rows.cols());
  return (rows.array().rowwise() * scale_.transpose().array()).rowwise() +
         mean_.transpose().array();
}

}  // namespace dorado::regime
