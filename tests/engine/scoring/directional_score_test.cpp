// Directional scoring: the three components from hand-worked numbers.
#include "dorado/engine/scoring/directional_score.hpp"

#include <gtest/gtest.h>

namespace dorado::engine {
namespace {

config::ScoringWeights shipped_weights() {
  config::ScoringWeights w;
  w.directional_weights = {0.40, 0.35, 0.25};
  return w;
}

TEST(DirectionalComponents, RewardToRiskAgainstThreeToOne) {
  EXPECT_NEAR(reward_risk_component(2.0), 2.0 / 3.0, 1e-15);  // 4 ATR target, 2 ATR stop
  EXPECT_DOUBLE_EQ(reward_risk_component(4.5), 1.0);
  EXPECT_DOUBLE_EQ(reward_risk_component(std::nullopt), 0.0);
}

TEST(DirectionalComponents, TrendStrengthByTheTemplatesMeasure) {
  DirectionalScoringInput in;
  in.adx = 31.0;    // (31 - 20) / (40 - 20) = 0.55
  in.hurst = 0.62;  // (0.62 - 0.5) / (0.7 - 0.5) = 0.6
  EXPECT_NEAR(trend_strength_component(in), 0.55, 1e-12);
  in.trend_measure = TrendMeasure::Hurst;
  EXPECT_NEAR(trend_strength_component(in), 0.6, 1e-12);
  in.hurst.reset();  // falls back to the other measure
  EXPECT_NEAR(trend_strength_component(in), 0.55, 1e-12);
  in.adx = 15.0;  // below the floor
  EXPECT_DOUBLE_EQ(trend_strength_component(in), 0.0);
  in.adx.reset();
  EXPECT_DOUBLE_EQ(trend_strength_component(in), 0.0);
}

TEST(DirectionalScore, WeightedSum) {
  // 0.40 x 2/3 + 0.35 x 0.55 + 0.25 x 0.8 = 0.266667 + 0.1925 + 0.2 = 0.659167.
  DirectionalScoringInput in;
  in.reward_to_risk = 2.0;
  in.adx = 31.0;
  in.regime_confidence = 0.8;
  const ScoringOutcome out = score_directional(in, shipped_weights());
  ASSERT_TRUE(out.card.has_value());
  EXPECT_NEAR(out.card->score, 0.4 * 2.0 / 3.0 + 0.1925 + 0.2, 1e-12);
  EXPECT_NEAR(out.card->components.at("reward_risk_atr"), 2.0 / 3.0, 1e-15);
  EXPECT_NEAR(out.card->components.at("trend_strength"), 0.55, 1e-12);
  EXPECT_DOUBLE_EQ(out.card->components.at("regime_confidence"), 0.8);

  // Under the allow-all fallback no regime vouches for the trade: 0.25 x 0 less.
  in.regime_confidence.reset();
  EXPECT_NEAR(score_directional(in, shipped_weights()).card->score, 0.4 * 2.0 / 3.0 + 0.1925,
              1e-12);
}

}  // namespace
}  // namespace dorado::engine
