#pragma once
// 4 vs 5 vs 6 states (`dorado regime compare`): the same data and settings,
// only the number of states changes. BIC = -2 log L + parameters ln(days)
// (lower is better) trades fit against the K D (D + 3) / 2 + K^2 - 1
// parameters each state costs; the mean regime duration says whether the
// extra states are persistent regimes or flicker.
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "dorado/domain/regime.hpp"
#include "dorado/regime/feature_history.hpp"
#include "dorado/regime/macro_regime_model.hpp"

namespace dorado::regime {

struct StateCountRow {
  Eigen::Index states = 0;
  double log_likelihood = 0.0;
  std::size_t free_parameters = 0;
  double bic = 0.0;
  bool lowest_bic = false;
  double mean_regime_duration_days = 0.0;        // runs of the filtered regime, training window
  double shortest_expected_duration_days = 0.0;  // min over states of 1 / (1 - a_kk)
  bool converged = false;
  std::vector<MacroRegime> state_names;
};

// Throws std::invalid_argument for an empty list or a count outside 1..6.
std::vector<StateCountRow> compare_state_counts(const FeatureHistory& history,
                                                const MacroModelConfig& config,
                                                const std::vector<Eigen::Index>& counts = {4, 5,
                                                                                           6});

// A fixed-width text table, one row per model, the lowest BIC marked '*'.
std::string format_state_count_table(const std::vector<StateCountRow>& rows);

}  // namespace dorado::regime
