// Premium scoring: each component from hand-worked numbers, the weighted
// sum, and each exclusion with its reason code.
#include "dorado/engine/scoring/premium_score.hpp"

#include <gtest/gtest.h>

namespace dorado::engine {
namespace {

// The weights and exclusions of config/scoring_weights.yaml, written out.
config::ScoringWeights shipped_weights() {
  config::ScoringWeights w;
  w.weights = {0.15, 0.30, 0.20, 0.15, 0.20};
  w.exclusions.min_data_quality = 0.6;
  w.exclusions.max_spread_pct = 15;
  w.exclusions.min_open_interest = 100;
  w.exclusions.min_credit_to_width = 0.15;
  w.directional_weights = {0.40, 0.35, 0.25};
  return w;
}

LegQuality leg(std::string role, double spread_pct, long long open_interest = 500) {
  LegQuality q;
  q.role = std::move(role);
  q.spread_pct = spread_pct;
  q.open_interest = open_interest;
  return q;
}

// A 5-wide iron condor for 1.60, 35 DTE in [30, 45] preferring 38, legs at
// 3, 4, 6 and 5 % spreads, the short call's venue greeks stale; the short
// put 0.6 ATR below its support, the short call 0.4 ATR short of its
// resistance.
PremiumScoringInput condor() {
  PremiumScoringInput in;
  in.credit = 1.60;
  in.width = 5.0;
  in.dte = 35;
  in.dte_range = {30, 45};
  in.prefer_dte = 38;
  in.template_min_credit_to_width = 0.25;
  in.legs = {leg("short_put", 3), leg("long_put", 4), leg("short_call", 6), leg("long_call", 5)};
  in.legs[2].stale_greeks = true;
  in.short_strikes = {{"short_put", 0.6}, {"short_call", -0.4}};
  return in;
}

TEST(PremiumComponents, DataQualityIsTheMeanOfTheLegsMarks) {
  std::vector<LegQuality> legs{leg("a", 2), leg("b", 2), leg("c", 2), leg("d", 2)};
  legs[1].stale_greeks = true;  // 2/3
  legs[2].stale_greeks = true;  // 1/3
  legs[2].fresh_quote = false;
  legs[3].model_greeks = false;  // 0 whatever the rest
  EXPECT_NEAR(data_quality_component(legs), (1.0 + 2.0 / 3 + 1.0 / 3 + 0.0) / 4, 1e-15);
  legs[0].spread_pct.reset();  // no two-sided market: 0
  EXPECT_NEAR(data_quality_component(legs), (2.0 / 3 + 1.0 / 3) / 4, 1e-15);
  EXPECT_DOUBLE_EQ(data_quality_component({}), 0.0);
}

TEST(PremiumComponents, CreditToWidthAgainstTwiceTheMinimum) {
  // 1.60 / 5 = 0.32; minimum max(0.25 template, 0.15 exclusions) = 0.25: 0.32 / 0.50 = 0.64.
  PremiumScoringInput in = condor();
  EXPECT_EQ(minimum_credit_to_width(in, shipped_weights()), 0.25);
  EXPECT_NEAR(credit_to_width_component(in, 0.25), 0.64, 1e-12);
  in.credit = 3.0;  // 0.6 of the width: capped at 1
  EXPECT_DOUBLE_EQ(credit_to_width_component(in, 0.25), 1.0);
}

TEST(PremiumComponents, CreditToCapitalWithoutWings) {
  // A cash-secured put for 1.20 with 94.80 max loss per share: capital 96,
  // 1.20 / 96 = 1.25 %, against the 2 % reference: 0.625.
  PremiumScoringInput in;
  in.credit = 1.20;
  in.capital_per_share = 96.0;
  EXPECT_NEAR(credit_to_width_component(in, 0.25), 0.625, 1e-12);
}

TEST(PremiumComponents, SupportResistanceAlignment) {
  // 0.5 + 0.6 / 2 = 0.8 and 0.5 - 0.4 / 2 = 0.3: mean 0.55.
  EXPECT_NEAR(sr_alignment_component(condor().short_strikes), 0.55, 1e-12);
  EXPECT_DOUBLE_EQ(sr_alignment_component({{"short_put", 2.5}, {"short_call", -3.0}}), 0.5);
  EXPECT_DOUBLE_EQ(sr_alignment_component({{"short_put", std::nullopt}}), 0.5);
}

TEST(PremiumComponents, DtePreference) {
  // Preferred 38 in [30, 45]: half-range max(8, 7) = 8.
  EXPECT_DOUBLE_EQ(dte_preference_component(38, {30, 45}, 38), 1.0);
  EXPECT_DOUBLE_EQ(dte_preference_component(35, {30, 45}, 38), 1.0 - 3.0 / 8);
  EXPECT_DOUBLE_EQ(dte_preference_component(45, {30, 45}, 38), 1.0 - 7.0 / 8);
  EXPECT_DOUBLE_EQ(dte_preference_component(30, {30, 45}, 38), 0.0);
  // No preference: the middle 37.5, half-range 7.5.
  EXPECT_NEAR(dte_preference_component(35, {30, 45}, std::nullopt), 1.0 - 2.5 / 7.5, 1e-15);
  EXPECT_DOUBLE_EQ(dte_preference_component(30, {30, 30}, std::nullopt), 1.0);
}

TEST(PremiumComponents, SpreadTightnessFromTheWidestLeg) {
  // Widest 6 % against 15 %: 1 - 6 / 15 = 0.6.
  EXPECT_NEAR(spread_tightness_component(condor().legs, 15.0), 0.6, 1e-12);
  auto legs = condor().legs;
  legs[0].spread_pct.reset();
  EXPECT_DOUBLE_EQ(spread_tightness_component(legs, 15.0), 0.0);
}

TEST(PremiumScore, WeightedSumOfTheComponents) {
  // data quality (1 + 1 + 2/3 + 1) / 4 = 0.916667, credit/width 0.64,
  // S/R 0.55, DTE 0.625, spread 0.6:
  // 0.15 x 0.916667 + 0.30 x 0.64 + 0.20 x 0.55 + 0.15 x 0.625 + 0.20 x 0.6
  // = 0.1375 + 0.192 + 0.11 + 0.09375 + 0.12 = 0.65325.
  const ScoringOutcome out = score_premium(condor(), shipped_weights());
  ASSERT_FALSE(out.excluded());
  const ScoreCard& card = *out.card;
  EXPECT_NEAR(card.score, 0.65325, 1e-12);
  EXPECT_NEAR(card.components.at("data_quality"), 11.0 / 12.0, 1e-12);
  EXPECT_NEAR(card.components.at("credit_to_width"), 0.64, 1e-12);
  EXPECT_NEAR(card.components.at("sr_alignment"), 0.55, 1e-12);
  EXPECT_NEAR(card.components.at("dte_preference"), 0.625, 1e-12);
  EXPECT_NEAR(card.components.at("spread_tightness"), 0.6, 1e-12);
  EXPECT_EQ(card.components.size(), 5u);
}

TEST(PremiumExclusions, SpreadWiderThanTheMaximum) {
  PremiumScoringInput in = condor();
  in.legs[2].spread_pct = 23.5;
  const ScoringOutcome out = score_premium(in, shipped_weights());
  ASSERT_TRUE(out.excluded());
  EXPECT_FALSE(out.card.has_value());
  EXPECT_EQ(out.exclusion->reason, ReasonCode::SpreadTooWide);
  EXPECT_DOUBLE_EQ(out.exclusion->measured.at("spread_pct"), 23.5);
  EXPECT_EQ(out.exclusion->sentence, "short_call spread 23.5 % > 15 % max");

  in.legs[2].spread_pct.reset();
  EXPECT_EQ(score_premium(in, shipped_weights()).exclusion->sentence,
            "short_call has no two-sided market");

  // Without a configured maximum, the chain-validation exclusion (20 %) applies.
  auto weights = shipped_weights();
  weights.exclusions.max_spread_pct.reset();
  in.legs[2].spread_pct = 19.0;
  EXPECT_FALSE(score_premium(in, weights).excluded());
  in.legs[2].spread_pct = 21.0;
  EXPECT_EQ(score_premium(in, weights).exclusion->reason, ReasonCode::SpreadTooWide);
}

TEST(PremiumExclusions, OpenInterestBelowTheMinimum) {
  PremiumScoringInput in = condor();
  in.legs[1].open_interest = 40;
  const auto out = score_premium(in, shipped_weights());
  EXPECT_EQ(out.exclusion->reason, ReasonCode::OpenInterestTooLow);
  EXPECT_EQ(out.exclusion->sentence, "long_put open interest 40 < 100 min");
}

TEST(PremiumExclusions, CreditBelowTheTemplateMinimum) {
  // 1.00 / 5 = 0.20: above the exclusions' 0.15, below the template's 0.25.
  PremiumScoringInput in = condor();
  in.credit = 1.0;
  const auto out = score_premium(in, shipped_weights());
  EXPECT_EQ(out.exclusion->reason, ReasonCode::CreditTooSmall);
  EXPECT_DOUBLE_EQ(out.exclusion->measured.at("credit_to_width"), 0.2);
  EXPECT_EQ(out.exclusion->sentence, "credit/width 1/5 = 0.2 < 0.25 min");
  in.template_min_credit_to_width.reset();  // only the exclusions' 0.15 now
  EXPECT_FALSE(score_premium(in, shipped_weights()).excluded());
}

TEST(PremiumExclusions, DataQualityBelowTheThreshold) {
  // Every leg stale with an old quote: 1/3 each, 0.33 < 0.6.
  PremiumScoringInput in = condor();
  for (auto& l : in.legs) {
    l.stale_greeks = true;
    l.fresh_quote = false;
  }
  const auto out = score_premium(in, shipped_weights());
  EXPECT_EQ(out.exclusion->reason, ReasonCode::DataQualityTooLow);
  EXPECT_NEAR(out.exclusion->measured.at("data_quality"), 1.0 / 3, 1e-15);
  EXPECT_EQ(out.exclusion->sentence, "data quality 0.3333 < 0.6 min");
}

TEST(PremiumExclusions, TheFirstExclusionInOrderIsReported) {
  PremiumScoringInput in = condor();
  in.legs[0].spread_pct = 30;
  in.legs[1].open_interest = 1;
  in.credit = 0.1;
  EXPECT_EQ(score_premium(in, shipped_weights()).exclusion->reason, ReasonCode::SpreadTooWide);
  in.legs[0].spread_pct = 3;
  EXPECT_EQ(score_premium(in, shipped_weights()).exclusion->reason, ReasonCode::OpenInterestTooLow);
}

// A candidate with nothing filled in but its currency.
Candidate usd_candidate() {
  return Candidate{"", "", "", {}, Money(kUsd), Money(kUsd), 0.0, {}, {}, std::nullopt, "", {}};
}

TEST(ApplyScore, ScoreOrRejectionOnTheCandidate) {
  Candidate c = usd_candidate();
  apply_score(c, score_premium(condor(), shipped_weights()));
  EXPECT_NEAR(c.score, 0.65325, 1e-12);
  EXPECT_EQ(c.score_components.size(), 5u);
  EXPECT_FALSE(c.is_rejected());

  PremiumScoringInput bad = condor();
  bad.legs[1].open_interest = 40;
  apply_score(c, score_premium(bad, shipped_weights()));
  EXPECT_EQ(c.rejection, ReasonCode::OpenInterestTooLow);
  EXPECT_DOUBLE_EQ(c.score, 0.0);
  EXPECT_TRUE(c.score_components.empty());
}

}  // namespace
}  // namespace dorado::engine
