#include "dorado/engine/scoring/premium_score.hpp"

#include <algorithm>
#include <cmath>

#include "dorado/strategy/gates/gate_text.hpp"

namespace dorado::engine {
namespace {

using strategy::number_text;

double clamp01(double x) {
  return std::clamp(x, 0.0, 1.0);
}

double leg_quality(const LegQuality& leg) {
  if (!leg.model_greeks || !leg.spread_pct) return 0.0;
  const double marks = (leg.stale_greeks ? 0.0 : 1.0) + (leg.wide_spread ? 0.0 : 1.0) +
                       (leg.fresh_quote ? 1.0 : 0.0);
  return marks / 3.0;
}

double max_spread_pct_of(const config::ScoringWeights& weights, const ScoringSettings& settings) {
  return weights.exclusions.max_spread_pct.value_or(settings.default_max_spread_pct);
}

std::optional<ScoringExclusion> spread_exclusion(const std::vector<LegQuality>& legs,
                                                 double max_spread_pct) {
  for (const LegQuality& leg : legs) {
    if (!leg.spread_pct)
      return ScoringExclusion{ReasonCode::SpreadTooWide,
                              {{"max_spread_pct", max_spread_pct}},
                              leg.role + " has no two-sided market"};
    if (*leg.spread_pct > max_spread_pct)
      return ScoringExclusion{ReasonCode::SpreadTooWide,
                              {{"spread_pct", *leg.spread_pct}, {"max_spread_pct", max_spread_pct}},
                              leg.role + " spread " + number_text(*leg.spread_pct) + " % > " +
                                  number_text(max_spread_pct) + " % max"};
  }
  return std::nullopt;
}

std::optional<ScoringExclusion> open_interest_exclusion(const std::vector<LegQuality>& legs,
                                                        std::optional<int> min_open_interest) {
  if (!min_open_interest) return std::nullopt;
  for (const LegQuality& leg : legs)
    if (leg.open_interest < *min_open_interest)
      return ScoringExclusion{ReasonCode::OpenInterestTooLow,
                              {{"open_interest", double(leg.open_interest)},
                               {"min_open_interest", double(*min_open_interest)}},
                              leg.role + " open interest " + std::to_string(leg.open_interest) +
                                  " < " + std::to_string(*min_open_interest) + " min"};
  return std::nullopt;
}

std::optional<ScoringExclusion> credit_exclusion(const PremiumScoringInput& input,
                                                 std::optional<double> minimum) {
  if (!minimum || !(input.width > 0.0)) return std::nullopt;
  const double ratio = input.credit / input.width;
  if (ratio >= *minimum) return std::nullopt;
  return ScoringExclusion{ReasonCode::CreditTooSmall,
                          {{"credit_to_width", ratio},
                           {"min_credit_to_width", *minimum},
                           {"credit", input.credit},
                           {"width", input.width}},
                          "credit/width " + number_text(input.credit) + "/" +
                              number_text(input.width) + " = " + number_text(ratio) + " < " +
                              number_text(*minimum) + " min"};
}

}  // namespace

double data_quality_component(const std::vector<LegQuality>& legs) {
  if (legs.empty()) return 0.0;
  double sum = 0.0;
  for (const LegQuality& leg : legs) sum += leg_quality(leg);
  return sum / double(legs.size());
}

double credit_to_width_component(const PremiumScoringInput& input, double min_credit_to_width,
                                 const ScoringSettings& settings) {
  if (input.width > 0.0) {
    const double full = settings.credit_to_width_full_multiple * min_credit_to_width;
    return full > 0.0 ? clamp01(input.credit / input.width / full) : 0.0;
  }
  if (!(input.capital_per_share > 0.0)) return 0.0;
  return clamp01(input.credit / input.capital_per_share / settings.credit_to_capital_full);
}

double sr_alignment_component(const std::vector<StrikeClearance>& short_strikes,
                              const ScoringSettings& settings) {
  if (short_strikes.empty()) return 0.5;
  double sum = 0.0;
  for (const StrikeClearance& s : short_strikes)
    sum += s.distance_atr ? clamp01(0.5 + *s.distance_atr / (2.0 * settings.sr_full_atr)) : 0.5;
  return sum / double(short_strikes.size());
}

double dte_preference_component(int dte, const config::NumberRange& dte_range,
                                std::optional<int> prefer_dte) {
  const double preferred = prefer_dte ? double(*prefer_dte) : (dte_range.min + dte_range.max) / 2;
  const double half = std::max(preferred - dte_range.min, dte_range.max - preferred);
  const double miss = std::abs(double(dte) - preferred);
  if (!(half > 0.0)) return miss == 0.0 ? 1.0 : 0.0;
  return clamp01(1.0 - miss / half);
}

double spread_tightness_component(const std::vector<LegQuality>& legs, double max_spread_pct) {
  double widest = 0.0;
  for (const LegQuality& leg : legs) {
    if (!leg.spread_pct) return 0.0;
    widest = std::max(widest, *leg.spread_pct);
  }
  return max_spread_pct > 0.0 ? clamp01(1.0 - widest / max_spread_pct) : 0.0;
}

std::optional<double> minimum_credit_to_width(const PremiumScoringInput& input,
                                              const config::ScoringWeights& weights) {
  const auto& a = input.template_min_credit_to_width;
  const auto& b = weights.exclusions.min_credit_to_width;
  if (a && b) return std::max(*a, *b);
  return a ? a : b;
}

ScoringOutcome score_premium(const PremiumScoringInput& input,
                             const config::ScoringWeights& weights,
                             const ScoringSettings& settings) {
  const double max_spread = max_spread_pct_of(weights, settings);
  const std::optional<double> min_ctw = minimum_credit_to_width(input, weights);
  const double quality = data_quality_component(input.legs);
  auto exclusion = spread_exclusion(input.legs, max_spread);
  if (!exclusion)
    exclusion = open_interest_exclusion(input.legs, weights.exclusions.min_open_interest);
  if (!exclusion) exclusion = credit_exclusion(input, min_ctw);
  const auto& min_quality = weights.exclusions.min_data_quality;
  if (!exclusion && min_quality && quality < *min_quality)
    exclusion = ScoringExclusion{
        ReasonCode::DataQualityTooLow,
        {{"data_quality", quality}, {"min_data_quality", *min_quality}},
        "data quality " + number_text(quality) + " < " + number_text(*min_quality) + " min"};
  if (exclusion) return {std::nullopt, std::move(exclusion)};

  const auto& w = weights.weights;
  ScoreCard card;
  card.components = {
      {"data_quality", quality},
      {"credit_to_width",
       credit_to_width_component(input, min_ctw.value_or(settings.default_min_credit_to_width),
                                 settings)},
      {"sr_alignment", sr_alignment_component(input.short_strikes, settings)},
      {"dte_preference", dte_preference_component(input.dte, input.dte_range, input.prefer_dte)},
      {"spread_tightness", spread_tightness_component(input.legs, max_spread)},
  };
  card.score = w.data_quality * card.components["data_quality"] +
               w.credit_to_width * card.components["credit_to_width"] +
               w.sr_alignment * card.components["sr_alignment"] +
               w.dte_preference * card.components["dte_preference"] +
               w.spread_tightness * card.components["spread_tightness"];
  return {std::move(card), std::nullopt};
}

}  // namespace dorado::engine
