#include "dorado/regime/hmm_inference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "dorado/regime/hmm_filter.hpp"
#include "regime_test_support.hpp"

namespace dorado::regime {
namespace {

// Two states, one dimension.
GaussianHmm tiny_hmm() {
  GaussianHmm m;
  m.initial = Eigen::Vector2d(0.6, 0.4);
  m.transition.resize(2, 2);
  m.transition << 0.8, 0.2, 0.3, 0.7;
  m.means.resize(2, 1);
  m.means << 0.0, 2.0;
  m.covariances = {Eigen::MatrixXd::Constant(1, 1, 1.0), Eigen::MatrixXd::Constant(1, 1, 2.25)};
  return m;
}

double normal_pdf(double x, double mean, double variance) {
  return std::exp(-0.5 * (x - mean) * (x - mean) / variance) /
         std::sqrt(2.0 * std::numbers::pi * variance);
}

// Joint probability of observations x[0..n) and the state path `path`.
double path_probability(const GaussianHmm& m, const std::vector<double>& x,
                        const std::vector<int>& path) {
  double p =
      m.initial[path[0]] * normal_pdf(x[0], m.means(path[0], 0), m.covariances[path[0]](0, 0));
  for (std::size_t t = 1; t < path.size(); ++t)
    p *= m.transition(path[t - 1], path[t]) *
         normal_pdf(x[t], m.means(path[t], 0), m.covariances[path[t]](0, 0));
  return p;
}

// Sums over all 2^n paths: P(s_at = k, x[0..n)) for k = 0, 1.
std::array<double, 2> enumerate(const GaussianHmm& m, const std::vector<double>& x, std::size_t n,
                                std::size_t at) {
  std::array<double, 2> out{};
  for (unsigned code = 0; code < (1u << n); ++code) {
    std::vector<int> path(n);
    for (std::size_t t = 0; t < n; ++t) path[t] = static_cast<int>((code >> t) & 1u);
    out[static_cast<std::size_t>(path[at])] +=
        path_probability(m, std::vector<double>(x.begin(), x.begin() + static_cast<long>(n)), path);
  }
  return out;
}

const std::vector<double> kObservations{0.3, 1.9, 2.6, -0.4, 1.1};

TEST(HmmInference, FilteredMatchesBruteForceEnumeration) {
  const auto m = tiny_hmm();
  Eigen::MatrixXd rows(5, 1);
  for (int t = 0; t < 5; ++t) rows(t, 0) = kObservations[static_cast<std::size_t>(t)];
  const Eigen::MatrixXd filtered = filtered_probabilities(m, rows);
  HmmFilter online(m);
  for (std::size_t t = 0; t < 5; ++t) {
    // Filtered at t: enumerate paths over days 0..t only.
    const auto joint = enumerate(m, kObservations, t + 1, t);
    const double total = joint[0] + joint[1];
    const auto& p = online.update(rows.row(static_cast<Eigen::Index>(t)).transpose());
    for (int k = 0; k < 2; ++k) {
      EXPECT_NEAR(filtered(static_cast<Eigen::Index>(t), k),
                  joint[static_cast<std::size_t>(k)] / total, 1e-14);
      EXPECT_NEAR(p[k], joint[static_cast<std::size_t>(k)] / total, 1e-14);
    }
  }
  const auto all = enumerate(m, kObservations, 5, 0);
  EXPECT_NEAR(log_likelihood(m, rows), std::log(all[0] + all[1]), 1e-12);
  EXPECT_NEAR(online.log_likelihood(), std::log(all[0] + all[1]), 1e-12);
}

TEST(HmmInference, SmoothedMatchesBruteForceAndDiffersFromFiltered) {
  const auto m = tiny_hmm();
  Eigen::MatrixXd rows(5, 1);
  for (int t = 0; t < 5; ++t) rows(t, 0) = kObservations[static_cast<std::size_t>(t)];
  const Eigen::MatrixXd smoothed = smoothed_probabilities(m, rows);
  const Eigen::MatrixXd filtered = filtered_probabilities(m, rows);
  for (std::size_t t = 0; t < 5; ++t) {
    const auto joint = enumerate(m, kObservations, 5, t);
    EXPECT_NEAR(smoothed(static_cast<Eigen::Index>(t), 0), joint[0] / (joint[0] + joint[1]), 1e-14);
  }
  // Day 1 (x = 1.9) looks like state 1, but day 3 (x = -0.4) pulls the
  // smoothed estimate of day 2 back: the smoothed path uses the future.
  EXPECT_GT(std::abs(smoothed(2, 1) - filtered(2, 1)), 0.03);
  // The last day has no future: both agree there.
  EXPECT_NEAR(smoothed(4, 1), filtered(4, 1), 1e-14);
}

TEST(HmmInference, FilterNeverUsesTheFuture) {
  const auto m = testing::three_state_hmm();
  const auto sample = testing::sample_hmm(m, 400, 11);
  Eigen::MatrixXd altered = sample.rows;
  altered.bottomRows(200).array() += 7.5;  // a different world after day 199
  const Eigen::MatrixXd a = filtered_probabilities(m, sample.rows);
  const Eigen::MatrixXd b = filtered_probabilities(m, altered);
  EXPECT_EQ(a.topRows(200), b.topRows(200));  // bit-identical
  EXPECT_NE(a.row(200), b.row(200));
  // The smoothed probabilities before day 200 do move.
  const Eigen::MatrixXd sa = smoothed_probabilities(m, sample.rows);
  const Eigen::MatrixXd sb = smoothed_probabilities(m, altered);
  EXPECT_GT((sa.topRows(200) - sb.topRows(200)).cwiseAbs().maxCoeff(), 1e-3);

  HmmFilter online(m);
  HmmFilter online_altered(m);
  for (Eigen::Index t = 0; t < 200; ++t) {
    EXPECT_EQ(online.update(sample.rows.row(t).transpose()),
              online_altered.update(altered.row(t).transpose()));
    EXPECT_NEAR((online.probabilities() - a.row(t).transpose()).cwiseAbs().maxCoeff(), 0.0, 1e-12);
  }
}

TEST(HmmInference, FilterRefusesBadObservationsUnchanged) {
  HmmFilter f(tiny_hmm());
  f.update(Eigen::VectorXd::Constant(1, 0.5));
  const Eigen::VectorXd before = f.probabilities();
  EXPECT_THROW(f.update(Eigen::VectorXd::Zero(2)), std::invalid_argument);
  EXPECT_THROW(f.update(Eigen::VectorXd::Constant(1, std::nan(""))), std::invalid_argument);
  EXPECT_EQ(f.probabilities(), before);
  EXPECT_EQ(f.observations(), 1u);
  // Far in the tail of both states: scaled densities keep it finite.
  const auto& p = f.update(Eigen::VectorXd::Constant(1, 60.0));
  EXPECT_NEAR(p[1], 1.0, 1e-12);
  EXPECT_TRUE(std::isfinite(f.log_likelihood()));
}

TEST(GaussianHmm, ValidatesAndCountsParameters) {
  auto m = testing::three_state_hmm();
  EXPECT_NO_THROW(m.validate());
  // (3-1) + 3*2 + 3*2 + 3*3 = 23.
  EXPECT_EQ(m.free_parameters(), 23u);
  EXPECT_NEAR(m.expected_durations()[0], 20.0, 1e-9);
  m.transition(0, 0) = 0.5;
  EXPECT_THROW(m.validate(), std::invalid_argument);
  m = testing::three_state_hmm();
  m.covariances[1](0, 0) = -1.0;
  EXPECT_THROW(StateDensities{m}, std::invalid_argument);
}

}  // namespace
}  // namespace dorado::regime
