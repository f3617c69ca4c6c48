#include "dorado/regime/state_count_comparison.hpp"

#include <cstdio>
#include <stdexcept>

namespace dorado::regime {

std::vector<StateCountRow> compare_state_counts(const FeatureHistory& history,
                                                const MacroModelConfig& config,
                                                const std::vector<Eigen::Index>& counts) {
  if (counts.empty()) throw std::invalid_argument("compare_state_counts: no state counts");
  std::vector<StateCountRow> rows;
  for (const auto k : counts) {
    MacroModelConfig c = config;
    c.hmm.states = k;
    const MacroRegimeModel model = train_macro_model(history, c);
    StateCountRow row;
    row.states = k;
    row.log_likelihood = model.metrics.log_likelihood;
    row.free_parameters = model.metrics.free_parameters;
    row.bic = model.metrics.bic;
    row.mean_regime_duration_days = model.metrics.mean_regime_duration_days;
    row.shortest_expected_duration_days = model.metrics.expected_durations.minCoeff();
    row.converged = model.metrics.converged;
    row.state_names = model.state_names;
    rows.push_back(row);
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (rows[i].bic < rows[best].bic) best = i;
  rows[best].lowest_bic = true;
  return rows;
}

std::string format_state_count_table(const std::vector<StateCountRow>& rows) {
  std::string out =
      "states  log-likelihood  params           BIC  mean run (d)  shortest E[d]  converged  "
      "regimes\n";
  char line[256];
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "%6ld  %14.1f  %6zu  %12.1f%s  %12.1f  %13.1f  %9s  ",
                  static_cast<long>(r.states), r.log_likelihood, r.free_parameters, r.bic,
                  r.lowest_bic ? "*" : " ", r.mean_regime_duration_days,
                  r.shortest_expected_duration_days, r.converged ? "yes" : "no");
    out += line;
    for (std::size_t i = 0; i < r.state_names.size(); ++i) {
      if (i > 0) out.push_back(',');
      out.append(name_of(r.state_names[i]));
    }
    out += "\n";
  }
  return out;
}

}  // namespace dorado::regime
