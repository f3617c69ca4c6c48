#pragma once
// The reference points of the component formulas (premium_score.hpp,
// directional_score.hpp): where a component reaches 0 and 1. They are
// documented defaults, not configuration yet; the weights and exclusions
// come from scoring_weights.yaml.
#include <chrono>

namespace dorado::engine {

struct ScoringSettings {
  // Data quality: a leg quote older than this (against the candidate's as_of)
  // loses its freshness mark.
  std::chrono::seconds max_quote_age{300};
  // Credit to width reaches 1 at this multiple of the minimum credit/width.
  double credit_to_width_full_multiple = 2.0;
  // The minimum credit/width the reference is built on when neither the
  // template nor scoring_weights.yaml sets one (the shipped exclusion's).
  double default_min_credit_to_width = 0.15;
  // Structures without wings (short put, covered call) compare the credit
  // with the capital at risk per share; this ratio scores 1 (2 % of the
  // strike over 30-45 days is ~20 % a year).
  double credit_to_capital_full = 0.02;
  // Spread exclusion when scoring_weights.yaml sets no max_spread_pct: the
  // chain-validation exclusion threshold (ChainQualityLimits), in percent.
  double default_max_spread_pct = 20.0;
  // S/R alignment: a short strike this many ATR beyond its level scores 1,
  // as many ATR on the wrong side 0, exactly at the level 0.5.
  double sr_full_atr = 1.0;
  // Reward/risk in ATR multiples that scores 1 (linear from 0).
  double reward_risk_full = 3.0;
  // Trend strength: ADX from adx_floor (0) to adx_full (1); Hurst from
  // hurst_floor (0, a random walk) to hurst_full (1).
  double adx_floor = 20.0;
  double adx_full = 40.0;
  double hurst_floor = 0.5;
  double hurst_full = 0.7;
};

}  // namespace dorado::engine
