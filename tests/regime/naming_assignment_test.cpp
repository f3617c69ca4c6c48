#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "dorado/regime/adjusted_rand_index.hpp"
#include "dorado/regime/assignment.hpp"
#include "dorado/regime/regime_naming.hpp"

namespace dorado::regime {
namespace {

TEST(Assignment, HandWorkedSquareAndRectangular) {
  Eigen::MatrixXd c(3, 3);
  c << 4, 1, 3,  //
      2, 0, 5,   //
      3, 2, 2;
  // Best: row0->col1 (1), row1->col0 (2), row2->col2 (2) = 5.
  EXPECT_EQ(minimum_cost_assignment(c), (std::vector<Eigen::Index>{1, 0, 2}));
  Eigen::MatrixXd r(2, 4);
  r << 9, 1, 8, 7,  //
      9, 2, 8, 1;
  EXPECT_EQ(minimum_cost_assignment(r), (std::vector<Eigen::Index>{1, 3}));
  EXPECT_THROW(minimum_cost_assignment(r.transpose()), std::invalid_argument);
}

TEST(AdjustedRandIndex, KnownValues) {
  // Identical partitions under other names score 1.
  EXPECT_DOUBLE_EQ(adjusted_rand_index({0, 0, 1, 1, 2, 2}, {5, 5, 3, 3, 9, 9}), 1.0);
  // scikit-learn: adjusted_rand_score([0,0,1,1], [0,0,1,2]) = 0.5714285714285715 (4/7).
  EXPECT_NEAR(adjusted_rand_index({0, 0, 1, 1}, {0, 0, 1, 2}), 4.0 / 7.0, 1e-15);
  // adjusted_rand_score([0,0,1,1], [0,1,0,1]) = -0.5.
  EXPECT_NEAR(adjusted_rand_index({0, 0, 1, 1}, {0, 1, 0, 1}), -0.5, 1e-15);
  EXPECT_DOUBLE_EQ(adjusted_rand_index({1, 1, 1}, {2, 2, 2}), 1.0);
  EXPECT_THROW(adjusted_rand_index({1}, {1, 2}), std::invalid_argument);
}

Eigen::MatrixXd prototype_rows(const std::vector<MacroRegime>& order) {
  Eigen::MatrixXd z(static_cast<Eigen::Index>(order.size()), 4);
  for (std::size_t i = 0; i < order.size(); ++i)
    for (std::size_t f = 0; f < 4; ++f)
      z(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(f)) =
          regime_prototypes()[static_cast<std::size_t>(order[i])].z[f];
  return z;
}

TEST(RegimeNaming, PrototypesNameThemselvesInAnyOrder) {
  const std::vector<MacroRegime> order{MacroRegime::Crisis,     MacroRegime::Goldilocks,
                                       MacroRegime::Recovery,   MacroRegime::RiskOn,
                                       MacroRegime::Transition, MacroRegime::RiskOff};
  Eigen::MatrixXd z = prototype_rows(order);
  z.array() += 0.1;  // near, not on, the prototypes
  EXPECT_EQ(name_states(z), order);
}

TEST(RegimeNaming, FewerStatesPickTheBestFittingSubset) {
  // Four states: very calm, inverted curve, blow-out, steep curve + wide spreads.
  Eigen::MatrixXd z(4, 4);
  z << -0.8, -0.6, 0.3, 0.6,  //
      0.1, 0.0, -1.4, 0.0,    //
      2.8, 3.0, 0.6, -2.0,    //
      0.4, 1.1, 1.6, -0.1;
  const auto names = name_states(z);
  // Row 0: goldilocks costs .01+.01+.04+.01 = .07, risk_on .04+.01+.09+.01 = .15;
  // risk_on and risk_off stay unused.
  EXPECT_EQ(names[0], MacroRegime::Goldilocks);
  EXPECT_EQ(names[1], MacroRegime::Transition);
  EXPECT_EQ(names[2], MacroRegime::Crisis);
  EXPECT_EQ(names[3], MacroRegime::Recovery);
}

TEST(RegimeNaming, WorksWithAMissingNamingFeature) {
  const std::vector<MacroRegime> order{MacroRegime::RiskOff, MacroRegime::RiskOn,
                                       MacroRegime::Crisis};
  Eigen::MatrixXd z = prototype_rows(order);
  z.col(2).setConstant(std::numeric_limits<double>::quiet_NaN());  // no curve feature
  EXPECT_EQ(name_states(z), order);
  z.setConstant(std::numeric_limits<double>::quiet_NaN());
  EXPECT_THROW(name_states(z), std::invalid_argument);
  EXPECT_THROW(name_states(Eigen::MatrixXd::Zero(7, 4)), std::invalid_argument);
}

TEST(RegimeNaming, CarriedNamesFollowTheStatesNotTheirOrder) {
  Eigen::MatrixXd old_profiles(3, 5);
  old_profiles << 0, 0, 0, 0, 0,  //
      3, 3, 0, -2, 1,             //
      1, 1, 2, 0, 0;
  const std::vector<MacroRegime> old_names{MacroRegime::Goldilocks, MacroRegime::Crisis,
                                           MacroRegime::Recovery};
  // The retrain found the same states in another order, slightly moved.
  Eigen::MatrixXd new_profiles(3, 5);
  new_profiles << 1.1, 0.9, 2.1, 0, 0.1,  //
      0.1, 0, -0.1, 0, 0,                 //
      2.9, 3.1, 0, -2.1, 1;
  // The first four features are the naming ones (volatility, credit, curve, trend).
  EXPECT_EQ(carry_names(new_profiles, old_profiles, old_names, new_profiles.leftCols(4)),
            (std::vector<MacroRegime>{MacroRegime::Recovery, MacroRegime::Goldilocks,
                                      MacroRegime::Crisis}));
  // With prototypes alone, the near-zero state would be called risk_on.
  EXPECT_EQ(name_states(new_profiles.leftCols(4))[1], MacroRegime::RiskOn);
  // One more state than before, unlike any old one (continuity capped for
  // every name): the prototypes name it, among the names still free.
  Eigen::MatrixXd four(4, 5);
  four << new_profiles, Eigen::RowVectorXd::Zero(5);
  four.row(3) << 0.0, -0.1, -1.5, -0.1, 5.0;  // the transition prototype, far on feature 5
  const auto names = carry_names(four, old_profiles, old_names, four.leftCols(4));
  EXPECT_EQ(names[0], MacroRegime::Recovery);
  EXPECT_EQ(names[1], MacroRegime::Goldilocks);
  EXPECT_EQ(names[2], MacroRegime::Crisis);
  EXPECT_EQ(names[3], MacroRegime::Transition);
}

}  // namespace
}  // namespace dorado::regime
