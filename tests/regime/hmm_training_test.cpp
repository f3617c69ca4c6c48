#include "dorado/regime/hmm_training.hpp"

#include <gtest/gtest.h>

#include "dorado/regime/assignment.hpp"
#include "dorado/regime/hmm_inference.hpp"
#include "dorado/regime/kmeans.hpp"
#include "regime_test_support.hpp"

namespace dorado::regime {
namespace {

// The learned state matching each true state (minimum total mean distance).
std::vector<Eigen::Index> match_states(const GaussianHmm& truth, const GaussianHmm& learned) {
  Eigen::MatrixXd cost(truth.states(), learned.states());
  for (Eigen::Index i = 0; i < truth.states(); ++i)
    for (Eigen::Index j = 0; j < learned.states(); ++j)
      cost(i, j) = (truth.means.row(i) - learned.means.row(j)).squaredNorm();
  return minimum_cost_assignment(cost);
}

TEST(HmmTraining, RecoversAKnownThreeStateModel) {
  const auto truth = testing::three_state_hmm();
  const auto sample = testing::sample_hmm(truth, 4000, 2024);
  HmmTrainingConfig config;
  config.states = 3;
  config.covariance_regularisation = 1e-6;
  const HmmFit fit = train_gaussian_hmm(sample.rows, config);
  EXPECT_TRUE(fit.converged);
  EXPECT_EQ(fit.restart_log_likelihoods.size(), 8u);
  const auto match = match_states(truth, fit.model);
  for (Eigen::Index i = 0; i < 3; ++i) {
    const Eigen::Index j = match[static_cast<std::size_t>(i)];
    EXPECT_LT((truth.means.row(i) - fit.model.means.row(j)).cwiseAbs().maxCoeff(), 0.1) << i;
    EXPECT_LT((truth.covariances[i] - fit.model.covariances[j]).cwiseAbs().maxCoeff(), 0.12) << i;
    for (Eigen::Index k = 0; k < 3; ++k)
      EXPECT_NEAR(fit.model.transition(j, match[static_cast<std::size_t>(k)]),
                  truth.transition(i, k), 0.02)
          << i << "->" << k;
  }
  // The fitted model explains its data at least as well as the truth.
  EXPECT_GE(fit.log_likelihood, log_likelihood(truth, sample.rows));
  EXPECT_DOUBLE_EQ(fit.log_likelihood, log_likelihood(fit.model, sample.rows));
}

TEST(HmmTraining, LogLikelihoodNeverDecreases) {
  const auto sample = testing::sample_hmm(testing::three_state_hmm(), 1500, 5);
  HmmTrainingConfig config;
  config.states = 4;  // one more than the truth: a slow, long climb
  config.covariance_regularisation = 0.0;
  config.tolerance = 0.0;
  config.max_iterations = 60;
  const HmmFit fit =
      refine_gaussian_hmm(sample.rows, initial_gaussian_hmm(sample.rows, config, 0), config);
  ASSERT_GE(fit.log_likelihood_trace.size(), 20u);
  for (std::size_t i = 1; i < fit.log_likelihood_trace.size(); ++i)
    EXPECT_GE(fit.log_likelihood_trace[i],
              fit.log_likelihood_trace[i - 1] - 1e-10 * std::abs(fit.log_likelihood_trace[i - 1]))
        << "iteration " << i;
  EXPECT_GT(fit.log_likelihood_trace.back(), fit.log_likelihood_trace.front() + 100.0);
}

TEST(HmmTraining, SeededAndDeterministic) {
  const auto sample = testing::sample_hmm(testing::three_state_hmm(), 800, 9);
  HmmTrainingConfig config;
  config.states = 3;
  const HmmFit a = train_gaussian_hmm(sample.rows, config);
  const HmmFit b = train_gaussian_hmm(sample.rows, config);
  EXPECT_EQ(a.model.means, b.model.means);
  EXPECT_EQ(a.log_likelihood_trace, b.log_likelihood_trace);
  config.initialisation = HmmInitialisation::Quantile;
  const HmmFit q = train_gaussian_hmm(sample.rows, config);
  EXPECT_EQ(q.restart_log_likelihoods.size(), 1u);
  // Restarts keep the best: no single restart beats the winner.
  for (const double ll : a.restart_log_likelihoods) EXPECT_LE(ll, a.log_likelihood);
}

TEST(HmmTraining, RefusesBadConfigAndData) {
  const auto sample = testing::sample_hmm(testing::three_state_hmm(), 50, 1);
  HmmTrainingConfig config;
  config.states = 0;
  EXPECT_THROW(train_gaussian_hmm(sample.rows, config), std::invalid_argument);
  config.states = 3;
  config.covariance_regularisation = -1.0;
  EXPECT_THROW(train_gaussian_hmm(sample.rows, config), std::invalid_argument);
  config.covariance_regularisation = 1e-3;
  EXPECT_THROW(train_gaussian_hmm(sample.rows.topRows(2), config), std::invalid_argument);
}

TEST(KMeans, SeparatesObviousClusters) {
  Eigen::MatrixXd x(6, 1);
  x << 0.0, 0.1, 0.2, 10.0, 10.1, 10.2;
  const auto r = kmeans_plus_plus(x, 2, 3);
  EXPECT_EQ(r.cluster[0], r.cluster[2]);
  EXPECT_EQ(r.cluster[3], r.cluster[5]);
  EXPECT_NE(r.cluster[0], r.cluster[3]);
  EXPECT_NEAR(r.centroids(r.cluster[0], 0), 0.1, 1e-12);
  EXPECT_NEAR(r.centroids(r.cluster[3], 0), 10.1, 1e-12);
}

}  // namespace
}  // namespace dorado::regime
