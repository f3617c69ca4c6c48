#include "dorado/regime/macro_regime_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "dorado/regime/hmm_inference.hpp"

namespace dorado::regime {

namespace {

// Mean length of runs of the same leading state over the filtered path.
double mean_run_length(const Eigen::MatrixXd& filtered) {
  const Eigen::Index t_count = filtered.cols();
  if (t_count == 0) return 0.0;
  std::size_t runs = 1;
  Eigen::Index previous = 0;
  filtered.col(0).maxCoeff(&previous);
  for (Eigen::Index t = 1; t < t_count; ++t) {
    Eigen::Index leading = 0;
    filtered.col(t).maxCoeff(&leading);
    if (leading != previous) ++runs;
    previous = leading;
  }
  return static_cast<double>(t_count) / static_cast<double>(runs);
}

Eigen::VectorXd between_state_variance(const Eigen::MatrixXd& z_profiles,
                                       const Eigen::VectorXd& weights) {
  const Eigen::RowVectorXd centre = weights.transpose() * z_profiles;
  Eigen::VectorXd spread = Eigen::VectorXd::Zero(z_profiles.cols());
  for (Eigen::Index k = 0; k < z_profiles.rows(); ++k)
    spread += weights[k] * (z_profiles.row(k) - centre).array().square().matrix().transpose();
  const double total = spread.sum();
  if (total > 0.0) return spread / total;
  return Eigen::VectorXd::Constant(z_profiles.cols(), 1.0 / static_cast<double>(z_profiles.cols()));
}

}  // namespace

void MacroModelConfig::validate() const {
  if (pca_components < 1)
    throw std::invalid_argument("macro model: pca_components must be at least 1");
  if (hmm.states < 1 || hmm.states > static_cast<Eigen::Index>(kMacroRegimeCount))
    throw std::invalid_argument(
        "macro model: states must be between 1 and 6 (one per regime name), got " +
        std::to_string(hmm.states));
  hmm.validate();
  if (!(name_continuity_weight >= 0.0) || !std::isfinite(name_continuity_weight))
    throw std::invalid_argument("macro model: name_continuity_weight must be >= 0");
  if (!(alert.confidence_floor >= 0.0 && alert.confidence_floor <= 1.0))
    throw std::invalid_argument("macro model: alert confidence_floor must lie in [0, 1]");
  if (!(alert.rise >= 0.0 && alert.rise <= 1.0))
    throw std::invalid_argument("macro model: alert rise must lie in [0, 1]");
}

Eigen::MatrixXd MacroRegimeModel::project(const Eigen::MatrixXd& raw_rows) const {
  return pca.transform(scaler.transform(raw_rows));
}

Eigen::VectorXd MacroRegimeModel::project_row(const Eigen::VectorXd& raw_row) const {
  return pca.transform_row(scaler.transform_row(raw_row));
}

Eigen::Index MacroRegimeModel::state_named(MacroRegime regime) const {
  for (std::size_t k = 0; k < state_names.size(); ++k)
    if (state_names[k] == regime) return static_cast<Eigen::Index>(k);
  return -1;
}

Eigen::MatrixXd MacroRegimeModel::standardised_profiles() const {
  return (state_profiles.rowwise() - scaler.mean().transpose()).array().rowwise() /
         scaler.scale().transpose().array();
}

Eigen::MatrixXd MacroRegimeModel::naming_profiles() const {
  const Eigen::MatrixXd z = standardised_profiles();
  Eigen::MatrixXd out(z.rows(), 4);
  const auto wanted = config.naming.in_order();
  for (Eigen::Index f = 0; f < 4; ++f) {
    const auto it =
        std::find(feature_names.begin(), feature_names.end(), wanted[static_cast<std::size_t>(f)]);
    if (it == feature_names.end())
      out.col(f).setConstant(std::numeric_limits<double>::quiet_NaN());
    else
      out.col(f) = z.col(it - feature_names.begin());
  }
  return out;
}

MacroRegimeModel train_macro_model(const FeatureHistory& history, const MacroModelConfig& config,
                                   const MacroRegimeModel* previous) {
  config.validate();
  history.validate();
  const auto t_count = static_cast<Eigen::Index>(history.days());
  if (t_count < std::max<Eigen::Index>(2 * config.hmm.states, 2))
    throw std::invalid_argument("macro model: " + std::to_string(t_count) +
                                " training days are too few for " +
                                std::to_string(config.hmm.states) + " states");
  MacroRegimeModel model;
  model.config = config;
  model.feature_names = history.names;
  model.scaler = StandardScaler::fit(history.values);
  const Eigen::MatrixXd scaled = model.scaler.transform(history.values);
  model.pca = Pca::fit(scaled, config.pca_components);
  const Eigen::MatrixXd scores = model.pca.transform(scaled);

  const HmmFit fit = train_gaussian_hmm(scores, config.hmm);
  model.hmm = fit.model;
  const ForwardBackward pass = forward_backward(model.hmm, scores.transpose());
  const Eigen::VectorXd occupancy = pass.smoothed.rowwise().sum();
  model.state_profiles = pass.smoothed * history.values;
  for (Eigen::Index k = 0; k < model.states(); ++k)
    model.state_profiles.row(k) /= std::max(occupancy[k], 1e-300);

  const Eigen::MatrixXd naming = model.naming_profiles();
  if (previous != nullptr && previous->feature_names == model.feature_names) {
    const Eigen::MatrixXd old_z =
        (previous->state_profiles.rowwise() - model.scaler.mean().transpose()).array().rowwise() /
        model.scaler.scale().transpose().array();
    model.state_names = carry_names(model.standardised_profiles(), old_z, previous->state_names,
                                    naming, config.name_continuity_weight);
  } else {
    model.state_names = name_states(naming);
  }

  const Eigen::VectorXd share = occupancy / static_cast<double>(t_count);
  model.feature_importance = between_state_variance(model.standardised_profiles(), share);

  model.window = {history.dates.front(), history.dates.back(), history.days()};
  auto& m = model.metrics;
  m.log_likelihood = fit.log_likelihood;
  m.free_parameters = model.hmm.free_parameters();
  m.bic = -2.0 * fit.log_likelihood +
          static_cast<double>(m.free_parameters) * std::log(static_cast<double>(t_count));
  m.iterations = fit.iterations;
  m.converged = fit.converged;
  m.best_restart = fit.best_restart;
  m.mean_regime_duration_days = mean_run_length(pass.filtered);
  m.expected_durations = model.hmm.expected_durations();
  m.state_occupancy = share;
  m.explained_variance = model.pca.explained_variance_ratio().sum();
  model.version = "macro-hmm/" + std::to_string(model.states()) + "s/" +
                  to_iso_date(model.window.first) + ".." + to_iso_date(model.window.last);
  return model;
}

}  // namespace dorado::regime
