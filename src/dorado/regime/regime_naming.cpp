#include "dorado/regime/regime_naming.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "dorado/regime/assignment.hpp"

namespace dorado::regime {

namespace {

MacroRegime regime_at(std::size_t i) {
  return static_cast<MacroRegime>(i);
}

}  // namespace

const std::array<RegimePrototype, kMacroRegimeCount>& regime_prototypes() {
  static const std::array<RegimePrototype, kMacroRegimeCount> table{{
      {MacroRegime::RiskOn, {-0.6, -0.5, 0.0, 0.7}},
      {MacroRegime::Goldilocks, {-0.9, -0.7, 0.5, 0.5}},
      {MacroRegime::Transition, {0.0, -0.1, -1.5, -0.1}},
      {MacroRegime::RiskOff, {0.9, 0.7, -0.6, -0.9}},
      {MacroRegime::Crisis, {2.5, 2.5, 0.7, -1.8}},
      {MacroRegime::Recovery, {0.5, 1.0, 1.5, -0.2}},
  }};
  return table;
}

Eigen::MatrixXd prototype_costs(const Eigen::MatrixXd& naming_z) {
  if (naming_z.cols() != 4)
    throw std::invalid_argument("regime naming: expected 4 naming columns, got " +
                                std::to_string(naming_z.cols()));
  bool any = false;
  for (Eigen::Index f = 0; f < 4; ++f) any = any || !std::isnan(naming_z(0, f));
  if (naming_z.rows() > 0 && !any)
    throw std::invalid_argument(
        "regime naming: none of the naming features (volatility, credit spread, curve, trend) "
        "is among the model's features");
  Eigen::MatrixXd cost = Eigen::MatrixXd::Zero(naming_z.rows(), kMacroRegimeCount);
  for (Eigen::Index k = 0; k < naming_z.rows(); ++k)
    for (std::size_t r = 0; r < kMacroRegimeCount; ++r)
      for (Eigen::Index f = 0; f < 4; ++f) {
        const double z = naming_z(k, f);
        if (std::isnan(z)) continue;
        const double gap = z - regime_prototypes()[r].z[static_cast<std::size_t>(f)];
        cost(k, static_cast<Eigen::Index>(r)) += gap * gap;
      }
  return cost;
}

std::vector<MacroRegime> name_states(const Eigen::MatrixXd& naming_z) {
  if (naming_z.rows() > static_cast<Eigen::Index>(kMacroRegimeCount))
    throw std::invalid_argument("regime naming: " + std::to_string(naming_z.rows()) +
                                " states but only 6 regime names");
  const auto columns = minimum_cost_assignment(prototype_costs(naming_z));
  std::vector<MacroRegime> names;
  for (const auto c : columns) names.push_back(regime_at(static_cast<std::size_t>(c)));
  return names;
}

std::vector<MacroRegime> carry_names(const Eigen::MatrixXd& new_profiles,
                                     const Eigen::MatrixXd& old_profiles,
                                     const std::vector<MacroRegime>& old_names,
                                     const Eigen::MatrixXd& new_naming_z) {
  if (new_profiles.cols() != old_profiles.cols() ||
      static_cast<Eigen::Index>(old_names.size()) != old_profiles.rows() ||
      new_naming_z.rows() != new_profiles.rows())
    throw std::invalid_argument("regime naming: old and new profiles do not line up");
  const Eigen::Index k_new = new_profiles.rows();
  const Eigen::Index k_old = old_profiles.rows();
  Eigen::MatrixXd distance(k_new, k_old);
  for (Eigen::Index i = 0; i < k_new; ++i)
    for (Eigen::Index j = 0; j < k_old; ++j)
      distance(i, j) = (new_profiles.row(i) - old_profiles.row(j)).squaredNorm();

  std::vector<MacroRegime> names(static_cast<std::size_t>(k_new), MacroRegime::Transition);
  std::vector<bool> named(static_cast<std::size_t>(k_new), false);
  std::vector<bool> taken(kMacroRegimeCount, false);
  // The assignment needs rows <= columns: transpose when the old model had fewer states.
  if (k_new <= k_old) {
    const auto match = minimum_cost_assignment(distance);
    for (Eigen::Index i = 0; i < k_new; ++i) {
      names[static_cast<std::size_t>(i)] =
          old_names[static_cast<std::size_t>(match[static_cast<std::size_t>(i)])];
      named[static_cast<std::size_t>(i)] = true;
    }
  } else {
    const auto match = minimum_cost_assignment(distance.transpose());
    for (Eigen::Index j = 0; j < k_old; ++j) {
      const auto i = static_cast<std::size_t>(match[static_cast<std::size_t>(j)]);
      names[i] = old_names[static_cast<std::size_t>(j)];
      named[i] = true;
    }
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (named[i]) taken[static_cast<std::size_t>(names[i])] = true;

  // Leftover states: prototypes over the names still free.
  std::vector<Eigen::Index> left, free;
  for (std::size_t i = 0; i < named.size(); ++i)
    if (!named[i]) left.push_back(static_cast<Eigen::Index>(i));
  for (std::size_t r = 0; r < kMacroRegimeCount; ++r)
    if (!taken[r]) free.push_back(static_cast<Eigen::Index>(r));
  if (!left.empty()) {
    const Eigen::MatrixXd costs = prototype_costs(new_naming_z)(left, free);
    const auto pick = minimum_cost_assignment(costs);
    for (std::size_t i = 0; i < left.size(); ++i)
      names[static_cast<std::size_t>(left[i])] =
          regime_at(static_cast<std::size_t>(free[static_cast<std::size_t>(pick[i])]));
  }
  return names;
}

}  // namespace dorado::regime
