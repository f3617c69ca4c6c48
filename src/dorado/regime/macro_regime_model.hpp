#pragma once
// The trained macro regime model as a value: everything needed to turn a day
// of raw features into filtered regime probabilities, with its training
// window and metrics. Saved and restored by macro_model_json.hpp; restored
// models give identical outputs without retraining.
//
// Training (train_macro_model):
//   raw features -> StandardScaler -> PCA (pca_components, default 10)
//   -> Gaussian HMM (full covariance, Baum-Welch, restarts)
//   -> state profiles (occupancy-weighted raw means) -> names (regime_naming.hpp,
//      carried from `previous` when given) -> metrics.
//
// Feature importance (one number per raw feature, summing to 1): the
// between-state variance of the state profiles in z units, weighted by state
// occupancy, sum_k w_k (z_kf - zbar_f)^2. A feature whose level differs most
// between the regimes drives the classification most.
#include <Eigen/Dense>
#include <cstddef>
#include <string>
#include <vector>

#include "dorado/domain/regime.hpp"
#include "dorado/domain/time.hpp"
#include "dorado/regime/feature_history.hpp"
#include "dorado/regime/gaussian_hmm.hpp"
#include "dorado/regime/hmm_training.hpp"
#include "dorado/regime/pca.hpp"
#include "dorado/regime/regime_naming.hpp"
#include "dorado/regime/standard_scaler.hpp"

namespace dorado::regime {

// When the daily reading raises a transition alert (macro_regime_filter.hpp).
struct TransitionAlertRule {
  double confidence_floor = 0.6;  // leading probability below this ...
  double rise = 0.15;             // ... while another regime rose this much over 3 days
};

struct MacroModelConfig {
  Eigen::Index pca_components = 10;
  HmmTrainingConfig hmm{};
  NamingFeatures naming{};
  // How strongly a retrained model keeps the previous model's names
  // (regime_naming.hpp); 0 names by prototype alone.
  double name_continuity_weight = 1.0;
  TransitionAlertRule alert{};

  // Throws std::invalid_argument: components < 1, states outside 1..6, bad
  // HMM settings, alert thresholds outside [0, 1].
  void validate() const;
};

struct TrainingWindow {
  Date first{};
  Date last{};
  std::size_t days = 0;
};

struct ModelMetrics {
  double log_likelihood = 0.0;  // on the training window, in PCA space
  std::size_t free_parameters = 0;
  double bic = 0.0;  // -2 log L + parameters ln(days); lower is better
  std::size_t iterations = 0;
  bool converged = false;
  std::size_t best_restart = 0;
  // Mean length in days of a run of the same filtered regime over the window.
  double mean_regime_duration_days = 0.0;
  Eigen::VectorXd expected_durations;  // per state: 1 / (1 - a_kk)
  Eigen::VectorXd state_occupancy;     // per state: share of training days
  double explained_variance = 0.0;     // share of the scaled variance the PCA keeps
};

struct MacroRegimeModel {
  std::string version;  // "macro-hmm/<states>s/<first>..<last>"
  MacroModelConfig config;
  std::vector<std::string> feature_names;
  StandardScaler scaler;
  Pca pca;
  GaussianHmm hmm;
  std::vector<MacroRegime> state_names;  // per HMM state, distinct
  Eigen::MatrixXd state_profiles;        // states x features, raw units
  Eigen::VectorXd feature_importance;    // per feature, sums to 1
  TrainingWindow window;
  ModelMetrics metrics;

  Eigen::Index states() const { return hmm.states(); }
  // Raw rows (days x features) -> PCA scores (days x components).
  Eigen::MatrixXd project(const Eigen::MatrixXd& raw_rows) const;
  Eigen::VectorXd project_row(const Eigen::VectorXd& raw_row) const;
  // The state named `regime`, or -1 when this model has no such state.
  Eigen::Index state_named(MacroRegime regime) const;
  // Profiles in z units of this model's scaler.
  Eigen::MatrixXd standardised_profiles() const;
  // Those of the naming features, K x 4 (NaN for a missing feature).
  Eigen::MatrixXd naming_profiles() const;
};

// Trains on every day of `history`. With `previous` (a model over the same
// features), states inherit its names. Throws std::invalid_argument for an
// invalid config or history, or a history shorter than 2 x states days.
MacroRegimeModel train_macro_model(const FeatureHistory& history, const MacroModelConfig& config,
                                   const MacroRegimeModel* previous = nullptr);

}  // namespace dorado::regime
