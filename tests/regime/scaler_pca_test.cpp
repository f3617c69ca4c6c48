#include <gtest/gtest.h>

#include <cmath>

#include "dorado/regime/pca.hpp"
#include "dorado/regime/standard_scaler.hpp"

namespace dorado::regime {
namespace {

// Column 0: 1, 3, 5 -> mean 3, population variance (4 + 0 + 4) / 3 = 8/3.
// Column 1: constant 10 -> scale 1, every value maps to 0.
TEST(StandardScaler, HandComputedWithConstantColumn) {
  Eigen::MatrixXd x(3, 2);
  x << 1, 10, 3, 10, 5, 10;
  const auto s = StandardScaler::fit(x);
  EXPECT_DOUBLE_EQ(s.mean()[0], 3.0);
  EXPECT_DOUBLE_EQ(s.mean()[1], 10.0);
  EXPECT_DOUBLE_EQ(s.scale()[0], std::sqrt(8.0 / 3.0));
  EXPECT_DOUBLE_EQ(s.scale()[1], 1.0);
  const Eigen::MatrixXd z = s.transform(x);
  EXPECT_DOUBLE_EQ(z(0, 0), -2.0 / std::sqrt(8.0 / 3.0));
  EXPECT_DOUBLE_EQ(z(1, 0), 0.0);
  EXPECT_DOUBLE_EQ(z(2, 0), 2.0 / std::sqrt(8.0 / 3.0));
  EXPECT_EQ(z.col(1), Eigen::Vector3d::Zero());
  EXPECT_TRUE(s.inverse_transform(z).isApprox(x, 1e-15));
  const Eigen::VectorXd one = s.transform_row(Eigen::Vector2d(4.0, 12.0));
  EXPECT_DOUBLE_EQ(one[0], 1.0 / std::sqrt(8.0 / 3.0));
  EXPECT_DOUBLE_EQ(one[1], 2.0);
}

TEST(StandardScaler, RefusesBadInput) {
  EXPECT_THROW(StandardScaler::fit(Eigen::MatrixXd(0, 2)), std::invalid_argument);
  Eigen::MatrixXd nan(2, 1);
  nan << 1.0, std::nan("");
  EXPECT_THROW(StandardScaler::fit(nan), std::invalid_argument);
  const auto s = StandardScaler::fit(Eigen::MatrixXd::Identity(3, 3));
  EXPECT_THROW(s.transform_row(Eigen::VectorXd::Zero(2)), std::invalid_argument);
  EXPECT_THROW(StandardScaler(Eigen::VectorXd::Zero(2), Eigen::VectorXd::Zero(2)),
               std::invalid_argument);
}

// Points +-3 along the diagonal and +-1 across it, rotated 45 degrees:
// (3/r, 3/r), (-3/r, -3/r), (-1/r, 1/r), (1/r, -1/r), r = sqrt 2.
// Covariance (n - 1 = 3): variance 18/3 = 6 along (1, 1)/r, 2/3 across.
// Ratios 6 / (20/3) = 0.9 and 0.1. The second component's loadings tie in
// magnitude, so the first is made positive: (1, -1)/r.
TEST(Pca, HandComputedRotatedCross) {
  const double r = std::sqrt(2.0);
  Eigen::MatrixXd x(4, 2);
  x << 3 / r, 3 / r, -3 / r, -3 / r, -1 / r, 1 / r, 1 / r, -1 / r;
  const auto pca = Pca::fit(x, 10);
  ASSERT_EQ(pca.components(), 2);
  EXPECT_NEAR(pca.explained_variance()[0], 6.0, 1e-12);
  EXPECT_NEAR(pca.explained_variance()[1], 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(pca.explained_variance_ratio()[0], 0.9, 1e-12);
  EXPECT_NEAR(pca.explained_variance_ratio()[1], 0.1, 1e-12);
  EXPECT_NEAR(pca.loadings()(0, 0), 1 / r, 1e-12);
  EXPECT_NEAR(pca.loadings()(1, 0), 1 / r, 1e-12);
  EXPECT_NEAR(pca.loadings()(0, 1), 1 / r, 1e-12);
  EXPECT_NEAR(pca.loadings()(1, 1), -1 / r, 1e-12);
  const Eigen::MatrixXd scores = pca.transform(x);
  EXPECT_NEAR(scores(0, 0), 3.0, 1e-12);
  EXPECT_NEAR(scores(0, 1), 0.0, 1e-12);
  EXPECT_NEAR(scores(2, 0), 0.0, 1e-12);
  EXPECT_NEAR(scores(2, 1), -1.0, 1e-12);
  EXPECT_TRUE(pca.inverse_transform(scores).isApprox(x, 1e-12));
}

TEST(Pca, SignConventionIgnoresTheInputSign) {
  Eigen::MatrixXd x(5, 3);
  x << 1, 2, 0.5, -2, -3, 1, 0.5, 1, -1, 3, 2, 0.2, -2.5, -2, -0.7;
  const auto a = Pca::fit(x, 2);
  const auto b = Pca::fit(-x, 2);
  EXPECT_EQ(a.components(), 2);
  for (Eigen::Index j = 0; j < 2; ++j) {
    Eigen::Index largest = 0;
    a.loadings().col(j).cwiseAbs().maxCoeff(&largest);
    EXPECT_GT(a.loadings()(largest, j), 0.0);
    EXPECT_TRUE(a.loadings().col(j).isApprox(b.loadings().col(j), 1e-12));
  }
  EXPECT_LT(a.explained_variance_ratio().sum(), 1.0);
  EXPECT_THROW(Pca::fit(x.topRows(1), 2), std::invalid_argument);
  EXPECT_THROW(Pca::fit(x, 0), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::regime
