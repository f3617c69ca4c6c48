#include "dorado/engine/scoring/candidate_scoring.hpp"

#include <string_view>

namespace dorado::engine {
namespace {

const config::StrategyTemplate& variant_of(const config::StrategyTemplate& strategy,
                                           const strategy::ResolvedCandidate& resolved) {
  const auto& regime = resolved.detail.regime;
  return regime ? config::effective_template(strategy, *regime) : strategy;
}

LegQuality leg_quality_of(const strategy::ResolvedLeg& leg, Timestamp as_of,
                          const ScoringSettings& settings) {
  const auto& c = leg.contract;
  LegQuality q;
  q.role = leg.role;
  if (c.spread_pct) q.spread_pct = *c.spread_pct * 100.0;
  q.open_interest = c.quote.open_interest;
  q.model_greeks = c.model.has_value();
  q.stale_greeks = c.stale_greeks;
  q.wide_spread = c.spread != strategy::SpreadQuality::Tight;
  // A quote stamped after the candidate (clock skew) counts as fresh.
  q.fresh_quote = as_of - c.quote.quote_time <= settings.max_quote_age;
  return q;
}

// Distance of a short strike beyond the level that defends it (see premium_score.hpp).
StrikeClearance clearance_of(const strategy::ResolvedLeg& leg,
                             const strategy::PipelineFigures& pipeline, double spot) {
  StrikeClearance s{leg.role, std::nullopt};
  if (!pipeline.atr || !(*pipeline.atr > 0.0)) return s;
  const double strike = leg.strike();
  if (leg.contract.quote.right == OptionRight::Put) {
    if (const auto support = pipeline.support_below(spot))
      s.distance_atr = (support->price - strike) / *pipeline.atr;
  } else if (const auto resistance = pipeline.resistance_above(spot)) {
    s.distance_atr = (strike - resistance->price) / *pipeline.atr;
  }
  return s;
}

}  // namespace

PremiumScoringInput premium_scoring_input(const strategy::ResolvedCandidate& resolved,
                                          const config::StrategyTemplate& strategy,
                                          const ScoringSettings& settings) {
  const auto& detail = resolved.detail;
  const config::StrategyTemplate& effective = variant_of(strategy, resolved);
  PremiumScoringInput input;
  if (const auto* rules = effective.options()) {
    input.dte_range = rules->expiration.dte_range;
    input.prefer_dte = rules->expiration.prefer_dte;
    input.template_min_credit_to_width = rules->entry.min_credit_to_width;
  }
  double spot = detail.pipeline.spot;
  if (const auto& option = detail.option) {
    input.credit = option->credit_mid;
    input.width = option->width;
    input.dte = option->dte;
    spot = option->spot;
    const double multiplier = double(option->multiplier);
    if (multiplier > 0.0)
      input.capital_per_share = option->max_loss.to_double() / multiplier + option->credit_mid;
  }
  for (const auto& leg : detail.legs) {
    input.legs.push_back(leg_quality_of(leg, resolved.candidate.as_of, settings));
    if (leg.side == Side::Sell)
      input.short_strikes.push_back(clearance_of(leg, detail.pipeline, spot));
  }
  return input;
}

DirectionalScoringInput directional_scoring_input(const strategy::ResolvedCandidate& resolved,
                                                  const config::StrategyTemplate& strategy,
                                                  std::optional<double> regime_confidence) {
  const config::StrategyTemplate& effective = variant_of(strategy, resolved);
  DirectionalScoringInput input;
  if (const auto& momentum = resolved.detail.momentum)
    input.reward_to_risk = momentum->reward_to_risk;
  input.adx = resolved.detail.pipeline.adx;
  input.hurst = resolved.detail.pipeline.hurst;
  const auto* rules = effective.momentum();
  input.trend_measure =
      rules && rules->signal.hurst_entry_min ? TrendMeasure::Hurst : TrendMeasure::Adx;
  input.regime_confidence = regime_confidence;
  return input;
}

std::optional<double> regime_confidence_of(const strategy::GateCascadeResult& cascade) {
  if (!cascade.regime || cascade.gates.empty()) return std::nullopt;
  const auto& measured = cascade.gates.front().measured;
  const auto it = measured.find("confidence");
  return it == measured.end() ? std::nullopt : std::optional<double>(it->second);
}

ScoringOutcome score_candidate(const strategy::ResolvedCandidate& resolved,
                               const config::StrategyTemplate& strategy,
                               const config::ScoringWeights& weights,
                               std::optional<double> regime_confidence,
                               const ScoringSettings& settings) {
  if (resolved.detail.momentum)
    return score_directional(directional_scoring_input(resolved, strategy, regime_confidence),
                             weights, settings);
  return score_premium(premium_scoring_input(resolved, strategy, settings), weights, settings);
}

}  // namespace dorado::engine
