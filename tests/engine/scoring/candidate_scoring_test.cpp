// Scoring what the resolver produced: the figures read from a
// ResolvedCandidate, the template variant of its regime, and the regime
// confidence taken from the gate cascade.
#include "dorado/engine/scoring/candidate_scoring.hpp"

#include <gtest/gtest.h>

#include "dorado/config/loader.hpp"
#include "strategy/gates/gate_fixtures.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono_literals;
using strategy::testing::kScanAt;

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

// A candidate with nothing filled in but its currency.
Candidate usd_candidate() {
  return Candidate{"", "", "", {}, Money(kUsd), Money(kUsd), 0.0, {}, {}, std::nullopt, "", {}};
}

strategy::ResolvedLeg leg(std::string role, Side side, double strike, OptionRight right,
                          double spread_fraction, Timestamp quote_time) {
  strategy::ResolvedLeg l;
  l.role = std::move(role);
  l.side = side;
  l.contract.quote.underlying = "SPY";
  l.contract.quote.strike = strike;
  l.contract.quote.right = right;
  l.contract.quote.open_interest = 1200;
  l.contract.quote.quote_time = quote_time;
  l.contract.model =
      strategy::ModelGreeks{0.2, right == OptionRight::Put ? -0.16 : 0.16, 0.01, -5.0, 10.0};
  l.contract.spread_pct = spread_fraction;
  return l;
}

// A 5-wide SPY condor for 1.50 at 38 DTE, spot 100, ATR 2, support 95 and
// resistance 110; short put 94 and short call 111 each 0.5 ATR beyond their
// level; spreads 3, 4, 5 and 6 %; the long call's quote 10 minutes old.
strategy::ResolvedCandidate resolved_condor() {
  strategy::ResolvedCandidate r{.candidate = usd_candidate(), .detail = {}};
  r.candidate.as_of = kScanAt;
  auto& d = r.detail;
  d.strategy = "iron_condor";
  d.legs = {leg("short_put", Side::Sell, 94, OptionRight::Put, 0.03, kScanAt - 60s),
            leg("long_put", Side::Buy, 89, OptionRight::Put, 0.04, kScanAt - 60s),
            leg("short_call", Side::Sell, 111, OptionRight::Call, 0.05, kScanAt - 60s),
            leg("long_call", Side::Buy, 116, OptionRight::Call, 0.06, kScanAt - 10min)};
  strategy::OptionFigures option;
  option.dte = 38;
  option.spot = 100.0;
  option.width = 5.0;
  option.credit_mid = 1.50;
  option.max_loss = Money::parse("350", kUsd);
  d.option = option;
  d.pipeline.spot = 100.0;
  d.pipeline.atr = 2.0;
  d.pipeline.levels = {{95.0, 2, quant::ta::LevelKind::Support},
                       {110.0, 3, quant::ta::LevelKind::Resistance}};
  return r;
}

TEST(CandidateScoring, ReadsTheResolvedFigures) {
  const auto input = premium_scoring_input(resolved_condor(), strategy::testing::iron_condor());
  EXPECT_DOUBLE_EQ(input.credit, 1.50);
  EXPECT_DOUBLE_EQ(input.width, 5.0);
  EXPECT_DOUBLE_EQ(input.capital_per_share, 3.50 + 1.50);
  EXPECT_EQ(input.dte, 38);
  EXPECT_EQ(input.prefer_dte, 38);
  ASSERT_EQ(input.legs.size(), 4u);
  EXPECT_DOUBLE_EQ(*input.legs[3].spread_pct, 6.0);  // percent
  EXPECT_EQ(input.legs[3].open_interest, 1200);
  EXPECT_TRUE(input.legs[0].fresh_quote);
  EXPECT_FALSE(input.legs[3].fresh_quote);  // 600 s > 300 s
  ASSERT_EQ(input.short_strikes.size(), 2u);
  EXPECT_DOUBLE_EQ(*input.short_strikes[0].distance_atr, 0.5);  // (95 - 94) / 2
  EXPECT_DOUBLE_EQ(*input.short_strikes[1].distance_atr, 0.5);  // (111 - 110) / 2
}

TEST(CandidateScoring, PremiumScoreOfAResolvedCondor) {
  // data quality (3 + 2/3) / 4 = 0.916667; credit/width 0.3 / (2 x 0.25) = 0.6;
  // S/R 0.5 + 0.5 / 2 = 0.75; DTE 38 = prefer 1; spread 1 - 6 / 15 = 0.6:
  // 0.1375 + 0.18 + 0.15 + 0.15 + 0.12 = 0.7375.
  const auto out = score_candidate(resolved_condor(), strategy::testing::iron_condor(),
                                   shipped_weights(), std::nullopt);
  ASSERT_TRUE(out.card.has_value());
  EXPECT_NEAR(out.card->score, 0.7375, 1e-12);
  EXPECT_NEAR(out.card->components.at("sr_alignment"), 0.75, 1e-12);
}

TEST(CandidateScoring, TheRegimeVariantSetsDteAndCreditReferences) {
  const auto loaded = config::load_config_folder(DORADO_SOURCE_DIR "/config");
  ASSERT_TRUE(loaded.ok());
  const config::StrategyTemplate* condor = loaded.configuration->strategy("iron_condor");
  ASSERT_NE(condor, nullptr);
  auto resolved = resolved_condor();
  resolved.detail.regime = "risk_off";  // dte_range [35, 50], prefer 42, min credit/width 0.20
  const auto out = score_candidate(resolved, *condor, shipped_weights(), std::nullopt);
  ASSERT_TRUE(out.card.has_value());
  // |38 - 42| / max(7, 8) = 0.5 off; 0.3 / (2 x 0.20) = 0.75.
  EXPECT_DOUBLE_EQ(out.card->components.at("dte_preference"), 0.5);
  EXPECT_NEAR(out.card->components.at("credit_to_width"), 0.75, 1e-12);
}

TEST(CandidateScoring, ExclusionFromTheResolvedLegs) {
  auto resolved = resolved_condor();
  resolved.detail.legs[2].contract.spread_pct = 0.18;
  const auto out =
      score_candidate(resolved, strategy::testing::iron_condor(), shipped_weights(), std::nullopt);
  ASSERT_TRUE(out.excluded());
  EXPECT_EQ(out.exclusion->reason, ReasonCode::SpreadTooWide);
  EXPECT_EQ(out.exclusion->sentence, "short_call spread 18 % > 15 % max");
}

TEST(CandidateScoring, DirectionalCandidateUsesMomentumFigures) {
  strategy::ResolvedCandidate r{.candidate = usd_candidate(), .detail = {}};
  r.detail.structure = config::Structure::Momentum;
  strategy::MomentumFigures m;
  m.reward_to_risk = 2.0;
  r.detail.momentum = m;
  r.detail.pipeline.adx = 31.0;
  r.detail.pipeline.hurst = 0.62;
  // FX trends by ADX: 0.40 x 2/3 + 0.35 x 0.55 + 0.25 x 0.8.
  const auto fx = score_candidate(r, strategy::testing::fx_momentum(), shipped_weights(), 0.8);
  EXPECT_NEAR(fx.card->score, 0.4 * 2.0 / 3.0 + 0.35 * 0.55 + 0.25 * 0.8, 1e-12);
  // Crypto trends by Hurst: (0.62 - 0.5) / 0.2 = 0.6.
  const auto crypto =
      score_candidate(r, strategy::testing::crypto_momentum(), shipped_weights(), 0.8);
  EXPECT_NEAR(crypto.card->components.at("trend_strength"), 0.6, 1e-12);
}

TEST(CandidateScoring, RegimeConfidenceComesFromACheckedRegimeOnly) {
  strategy::GateCascadeResult cascade;
  cascade.regime = "risk_on";
  cascade.gates.push_back(GateResult::pass("regime", {{"confidence", 0.7}}, "allowed"));
  EXPECT_EQ(regime_confidence_of(cascade), 0.7);
  cascade.regime.reset();  // allow-all
  EXPECT_FALSE(regime_confidence_of(cascade).has_value());
}

}  // namespace
}  // namespace dorado::engine
