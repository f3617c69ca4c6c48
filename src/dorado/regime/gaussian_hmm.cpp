#include "dorado/regime/gaussian_hmm.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace dorado::regime {

namespace {

void check_distribution(const Eigen::VectorXd& p, const std::string& what) {
  if (!p.allFinite() || (p.array() < 0.0).any() || std::abs(p.sum() - 1.0) > 1e-9)
    throw std::invalid_argument("GaussianHmm: " + what +
                                " must be non-negative probabilities summing to 1");
}

}  // namespace

std::size_t GaussianHmm::free_parameters() const {
  const auto k = static_cast<std::size_t>(states());
  const auto d = static_cast<std::size_t>(dimensions());
  return (k - 1) + k * (k - 1) + k * d + k * d * (d + 1) / 2;
}

Eigen::VectorXd GaussianHmm::expected_durations() const {
  Eigen::VectorXd out(states());
  for (Eigen::Index k = 0; k < states(); ++k) {
    const double leave = 1.0 - transition(k, k);
    out[k] = leave > 0.0 ? 1.0 / leave : std::numeric_limits<double>::infinity();
  }
  return out;
}

void GaussianHmm::validate() const {
  const Eigen::Index k = states();
  const Eigen::Index d = dimensions();
  if (k < 1 || d < 1)
    throw std::invalid_argument("GaussianHmm: needs at least one state and one dimension");
  if (initial.size() != k || transition.rows() != k || transition.cols() != k ||
      static_cast<Eigen::Index>(covariances.size()) != k)
    throw std::invalid_argument("GaussianHmm: " + std::to_string(k) +
                                " states but the initial, transition or covariance sizes differ");
  check_distribution(initial, "the initial distribution");
  for (Eigen::Index i = 0; i < k; ++i)
    check_distribution(transition.row(i).transpose(), "transition row " + std::to_string(i));
  if (!means.allFinite()) throw std::invalid_argument("GaussianHmm: means must be finite");
  for (Eigen::Index i = 0; i < k; ++i) {
    const auto& c = covariances[static_cast<std::size_t>(i)];
    if (c.rows() != d || c.cols() != d || !c.allFinite() || !c.isApprox(c.transpose(), 1e-9))
      throw std::invalid_argument("GaussianHmm: covariance " + std::to_string(i) +
                                  " must be a finite symmetric " + std::to_string(d) + "x" +
                                  std::to_string(d) + " matrix");
  }
}

StateDensities::StateDensities(const GaussianHmm& model)
    : means_(model.means), log_normaliser_(model.states()) {
  const double d = static_cast<double>(model.dimensions());
  factors_.reserve(model.covariances.size());
  for (Eigen::Index k = 0; k < model.states(); ++k) {
    const Eigen::LLT<Eigen::MatrixXd> llt(model.covariances[static_cast<std::size_t>(k)]);
    if (llt.info() != Eigen::Success || !llt.matrixLLT().allFinite())
      throw std::invalid_argument("GaussianHmm: covariance " + std::to_string(k) +
                                  " is not positive definite");
    Eigen::MatrixXd factor = llt.matrixL();
    const double log_det = 2.0 * factor.diagonal().array().log().sum();
    if (!std::isfinite(log_det))
      throw std::invalid_argument("GaussianHmm: covariance " + std::to_string(k) +
                                  " is numerically singular");
    log_normaliser_[k] = -0.5 * (d * std::log(2.0 * std::numbers::pi) + log_det);
    factors_.push_back(std::move(factor));
  }
}

Eigen::MatrixXd StateDensities::log_densities(const Eigen::MatrixXd& columns) const {
  const Eigen::Index k_count = means_.rows();
  Eigen::MatrixXd out(k_count, columns.cols());
  for (Eigen::Index k = 0; k < k_count; ++k) {
    Eigen::MatrixXd z = columns.colwise() - means_.row(k).transpose();
    factors_[static_cast<std::size_t>(k)].triangularView<Eigen::Lower>().solveInPlace(z);
    out.row(k) = (-0.5 * z.colwise().squaredNorm().array() + log_normaliser_[k]).matrix();
  }
  return out;
}

Eigen::VectorXd StateDensities::log_density(const Eigen::VectorXd& observation) const {
  const Eigen::Index k_count = means_.rows();
  Eigen::VectorXd out(k_count);
  for (Eigen::Index k = 0; k < k_count; ++k) {
    Eigen::VectorXd z = observation - means_.row(k).transpose();
    factors_[static_cast<std::size_t>(k)].triangularView<Eigen::Lower>().solveInPlace(z);
    out[k] = -0.5 * z.squaredNorm() + log_normaliser_[k];
  }
  return out;
}

}  // namespace dorado::regime
