#include "dorado/regime/regime_naming.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
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
                                     const Eigen::MatrixXd& new_naming_z,
                                     double continuity_weight) {
  if (new_profiles.cols() != old_profiles.cols() || new_profiles.cols() == 0 ||
      static_cast<Eigen::Index>(old_names.size()) != old_profiles.rows() ||
      new_naming_z.rows() != new_profiles.rows())
    throw std::invalid_argument("regime naming: old and new profiles do not line up");
  if (!(continuity_weight >= 0.0) || !std::isfinite(continuity_weight))
    throw std::invalid_argument("regime naming: continuity weight must be >= 0");
  if (new_profiles.rows() > static_cast<Eigen::Index>(kMacroRegimeCount))
    throw std::invalid_argument("regime naming: " + std::to_string(new_profiles.rows()) +
                                " states but only 6 regime names");
  constexpr double kCap = 4.0;
  const double per_feature = 4.0 / static_cast<double>(new_profiles.cols());
  Eigen::MatrixXd continuity =
      Eigen::MatrixXd::Constant(new_profiles.rows(), kMacroRegimeCount, kCap);
  for (Eigen::Index i = 0; i < new_profiles.rows(); ++i)
    for (std::size_t j = 0; j < old_names.size(); ++j)
      continuity(i, static_cast<Eigen::Index>(old_names[j])) = std::min(
          kCap,
          per_feature *
              (new_profiles.row(i) - old_profiles.row(static_cast<Eigen::Index>(j))).squaredNorm());
  const Eigen::MatrixXd cost = prototype_costs(new_naming_z) + continuity_weight * continuity;
  std::vector<MacroRegime> names;
  for (const auto c : minimum_cost_assignment(cost))
    names.push_back(regime_at(static_cast<std::size_t>(c)));
  return names;
}

}  // namespace dorado::regime
