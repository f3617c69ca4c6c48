#pragma once
// Scoring of premium-selling candidates (iron condor, put vertical, short
// put, covered call, wheel): five components, each normalised to [0, 1],
// summed with the weights of scoring_weights.yaml (`weights`), after the
// exclusions of the same file. clamp01(x) = min(max(x, 0), 1).
//
//   data_quality     mean over the legs of the leg's marks, each worth 1/3:
//                      greeks  Dorado's greeks computed from the mid and the
//                              venue's agree (not stale);
//                      spread  the quote is not flagged wide (<= 15 %);
//                      fresh   the quote is at most max_quote_age old.
//                    A leg without a two-sided market or without model
//                    greeks scores 0 whatever its other marks.
//   credit_to_width  with wings: r = credit / width, m = the minimum credit
//                    to width (the stricter of the template's and the
//                    exclusions'; 0.15 when neither is set), component =
//                    clamp01(r / (2 m)): the
//                    minimum scores 0.5, twice the minimum 1. Without
//                    wings: r = credit / capital at risk per share, component
//                    = clamp01(r / credit_to_capital_full).
//   sr_alignment     per short strike, d = its distance beyond the nearest
//                    level on its side in ATR (a short put below the highest
//                    support under spot: d = (support - strike) / ATR; a
//                    short call above the lowest resistance over spot:
//                    d = (strike - resistance) / ATR; negative when the
//                    strike sits between spot and the level), component
//                    clamp01(0.5 + d / (2 sr_full_atr)); no level on that
//                    side (or no ATR) scores 0.5, no evidence either way.
//                    The mean over the short strikes.
//   dte_preference   p = prefer_dte (else the middle of dte_range), h = the
//                    larger distance from p to an end of the range;
//                    component = clamp01(1 - |dte - p| / h) (1 when h = 0
//                    and dte = p).
//   spread_tightness s = the widest leg's (ask - bid) / mid in percent,
//                    S = the exclusion's max_spread_pct; component
//                    clamp01(1 - s / S).
//
// Exclusions, checked in this order (the first one found is returned):
//   a leg with no two-sided market or spread > max_spread_pct  spread_too_wide
//   a leg's open interest < min_open_interest                  open_interest_too_low
//   credit / width < the minimum credit to width (with wings)  credit_too_small
//   data_quality < min_data_quality                            data_quality_too_low
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/number_range.hpp"
#include "dorado/config/scoring_weights.hpp"
#include "dorado/engine/scoring/score_card.hpp"
#include "dorado/engine/scoring/scoring_settings.hpp"

namespace dorado::engine {

struct LegQuality {
  std::string role;
  std::optional<double> spread_pct;  // (ask - bid) / mid in PERCENT; nullopt: no two-sided market
  long long open_interest = 0;
  bool model_greeks = true;   // Dorado computed IV and greeks from the mid
  bool stale_greeks = false;  // the venue's greeks disagree with ours
  bool wide_spread = false;   // flagged by chain validation (above 15 %)
  bool fresh_quote = true;    // at most max_quote_age old

  friend bool operator==(const LegQuality&, const LegQuality&) = default;
};

struct StrikeClearance {
  std::string role;  // short_put, short_call
  // Distance beyond the level in ATR (see sr_alignment); nullopt without a level or ATR.
  std::optional<double> distance_atr;

  friend bool operator==(const StrikeClearance&, const StrikeClearance&) = default;
};

struct PremiumScoringInput {
  double credit = 0.0;             // per share, at mid, positive when received
  double width = 0.0;              // strike points of the vertical that can lose; 0 without wings
  double capital_per_share = 0.0;  // without wings: max loss per share + credit
  int dte = 0;
  config::NumberRange dte_range{};
  std::optional<int> prefer_dte;
  std::optional<double> template_min_credit_to_width;
  std::vector<LegQuality> legs;
  std::vector<StrikeClearance> short_strikes;

  friend bool operator==(const PremiumScoringInput&, const PremiumScoringInput&) = default;
};

// The components, one function each (the formulas above).
double data_quality_component(const std::vector<LegQuality>& legs);
double credit_to_width_component(const PremiumScoringInput& input, double min_credit_to_width,
                                 const ScoringSettings& settings = {});
double sr_alignment_component(const std::vector<StrikeClearance>& short_strikes,
                              const ScoringSettings& settings = {});
double dte_preference_component(int dte, const config::NumberRange& dte_range,
                                std::optional<int> prefer_dte);
double spread_tightness_component(const std::vector<LegQuality>& legs, double max_spread_pct);

// The minimum credit to width that applies: the larger of the template's and
// the exclusions' when both are set; nullopt when neither is.
std::optional<double> minimum_credit_to_width(const PremiumScoringInput& input,
                                              const config::ScoringWeights& weights);

ScoringOutcome score_premium(const PremiumScoringInput& input,
                             const config::ScoringWeights& weights,
                             const ScoringSettings& settings = {});

}  // namespace dorado::engine
