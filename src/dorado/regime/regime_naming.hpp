#pragma once
// Naming HMM states after training, and keeping the names across retrains.
//
// A state's profile is the mean of each raw (unscaled) feature over the
// training days, weighted by the probability the state held that day. Four
// features name the states: volatility (VIX), credit spread (BAA-AAA), curve
// (2s10s) and trend (SPY 50/200-day MA ratio). Each profile is expressed in
// z units of the training window (profile - window mean) / window std, and
// compared with one prototype per regime (z units):
//
//   regime       volatility  credit  curve  trend
//   risk_on         -0.6      -0.5     0.0   +0.7   calm, tight, normal curve, up-trend
//   goldilocks      -0.9      -0.7    +0.5   +0.5   calmest, tightest, steep curve
//   transition       0.0      -0.1    -1.5   -0.1   flat/inverted curve, trend stalling
//   risk_off        +0.9      +0.7    -0.6   -0.9   vol and spreads up, down-trend
//   crisis          +2.5      +2.5    +0.7   -1.8   extreme vol and spreads, cuts steepen
//   recovery        +0.5      +1.0    +1.5   -0.2   spreads still wide, steepest curve
//
// The cost of naming a state after a regime is the squared distance between
// profile and prototype over the naming features present; the minimum-cost
// assignment (Hungarian) gives each state a distinct name. With fewer states
// than regimes the assignment picks the best-fitting subset of names.
//
// Across retrains names must not swap between near-identical states, yet a
// model trained on a short window (a regime barely seen, a calm regime split
// in two) must not lock its mistakes in forever. So a retrained model is named
// by one assignment over the cost
//
//   cost(state, regime) = prototype cost + continuity_weight * min(d, 4)
//   d = (4 / F) |profile - old profile of the state named regime|^2
//
// over all F features in z units of the new window (4 / F puts d on the
// scale of the four-feature prototype cost; 4 is a root-mean-square gap of
// one standard deviation per feature). A name the previous model did not use
// costs the cap, 4. So a state within reach of an old state keeps its name,
// while a state unlike any old one is named by prototype. Weight 0 names by
// prototype alone; a large weight follows the previous model.
#include <Eigen/Dense>
#include <array>
#include <string>
#include <vector>

#include "dorado/domain/regime.hpp"

namespace dorado::regime {

inline constexpr std::size_t kMacroRegimeCount = 6;

// The raw feature names that carry the four naming dimensions.
struct NamingFeatures {
  std::string volatility = "VIX";
  std::string credit_spread = "BAA_AAA";
  std::string curve = "T10Y2Y";
  std::string trend = "SPY_MA50_200";

  std::array<std::string, 4> in_order() const { return {volatility, credit_spread, curve, trend}; }
};

struct RegimePrototype {
  MacroRegime regime;
  std::array<double, 4> z;  // volatility, credit spread, curve, trend
};

const std::array<RegimePrototype, kMacroRegimeCount>& regime_prototypes();

// `naming_z` is K x 4 (volatility, credit, curve, trend in z units); a NaN
// column marks a feature the model does not have. Returns K x 6 costs.
Eigen::MatrixXd prototype_costs(const Eigen::MatrixXd& naming_z);

// Distinct names for K <= 6 states. Throws std::invalid_argument for more
// than six states or when every naming column is NaN.
std::vector<MacroRegime> name_states(const Eigen::MatrixXd& naming_z);

// Names for new states given the previous model's states (see above).
// Profiles are in the same standardised units (K_new x F and K_old x F).
// Throws std::invalid_argument when the shapes do not line up.
std::vector<MacroRegime> carry_names(const Eigen::MatrixXd& new_profiles,
                                     const Eigen::MatrixXd& old_profiles,
                                     const std::vector<MacroRegime>& old_names,
                                     const Eigen::MatrixXd& new_naming_z,
                                     double continuity_weight = 1.0);

}  // namespace dorado::regime
