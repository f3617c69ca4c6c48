#pragma once
// How many units of a structure to trade. Every method turns a risk budget,
// a percent of equity, into a whole number of lots of the structure's max
// loss per unit, rounded down, then applies the quantity caps.
//
// Base risk = min(bot risk_pct, policy max_loss_per_trade_pct): a bot may ask
// for less than the policy allows, never more. Each method scales the base:
//
//   fixed_risk_pct   base x breakers. Contracts = floor(equity x risk% / max
//                    loss per contract).
//   vol_adjusted     base x min(max_scale, target_vol / realized_vol) x
//                    breakers. With the default max_scale 1 it only shrinks:
//                    a quiet market does not earn a bigger bet than the bot's
//                    risk_pct. Needs the underlying's realized vol.
//   adaptive_rules   Dorado's reading of the PRD's adaptive sizing (the PRD's
//                    own function is not available to us): base x regime x
//                    drawdown x breakers, never above base, where
//                      regime   = 0.5 + 0.5 x clamp((c - 0.4) / 0.4, 0, 1) for
//                                 the regime model's confidence c (0..1):
//                                 full size from c = 0.8, half size at 0.4 or
//                                 below, and half when the regime is unknown;
//                      drawdown = 1 - 0.75 x clamp((dd - D/4) / (D/2), 0, 1)
//                                 for drawdown dd from the peak and D the
//                                 drawdown breaker's threshold (12 %): full
//                                 size to 3 %, a quarter from 9 %, linear in
//                                 between, so sizing shrinks well before the
//                                 breaker halts everything at 12 %.
//   breakers         CircuitBreakerState::sizing_multiplier(): the high-vol
//                    multiplier (VIX above vix_above) times 0.5 per tripped
//                    reduce_sizing_50 breaker. It applies to every method.
//
// Caps, applied after the budget (the binding one is named in the decision):
//   max_contracts (option templates), max_position_pct (momentum templates:
//   notional <= pct of equity), crypto_max_position_pct (policy, crypto:
//   notional <= pct of equity), max_leverage (momentum: notional <= leverage
//   x equity).
#include <map>
#include <optional>
#include <string>

#include "dorado/config/bot.hpp"
#include "dorado/config/risk_policy.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/domain/reason_code.hpp"
#include "dorado/risk/trade_proposal.hpp"

namespace dorado::risk {

// Volatility targeting for vol_adjusted. The policy has no knob for it yet,
// so these are Dorado's defaults per asset class (see default_vol_target).
struct VolTarget {
  double target_vol = 0.16;  // annualised
  double max_scale = 1.0;
};
// Equity options 16 % (the long-run S&P 500 implied vol), FX 8 % (G10 majors),
// crypto 60 % (the middle of the crypto template's 30-120 % band).
VolTarget default_vol_target(AssetClass asset_class);

struct SizingContext {
  Money equity;
  double drawdown_pct = 0;                  // below the peak, percent
  std::optional<double> regime_confidence;  // 0..1; nullopt when unknown or stale
  double breaker_multiplier = 1;            // CircuitBreakerState::sizing_multiplier()
  std::optional<VolTarget> vol_target;      // nullopt: default_vol_target(asset class)
};

struct SizingDecision {
  config::SizingMethod method = config::SizingMethod::FixedRiskPct;
  double base_risk_pct = 0;
  double risk_pct = 0;                    // after the method's factors
  std::map<std::string, double> factors;  // "breakers", "vol_scale", "regime", "drawdown"
  Money risk_budget;                      // equity x risk_pct / 100
  Money max_loss_per_unit;
  Quantity quantity;    // zero when not even one lot fits
  std::string limit;    // what bound the quantity: "risk_budget" or a cap's name
  std::string problem;  // set when the method could not size at all ...
  // ... and why: InsufficientHistory (no realized vol) or MaxLossExceeded
  // (max loss per unit not positive: undefined risk).
  std::optional<ReasonCode> problem_reason;
  std::string sentence;
};

// The multipliers of adaptive_rules (exposed for tests and the approval payload).
double adaptive_regime_factor(std::optional<double> confidence);
double adaptive_drawdown_factor(double drawdown_pct, double drawdown_threshold_pct);

// Whole lots of `lot` that `budget` covers at `loss_per_unit` each, as a
// quantity: floor(budget / (loss_per_unit x lot)) x lot. Zero if
// loss_per_unit or lot is not positive.
Quantity units_within(const Money& budget, const Money& loss_per_unit, Quantity lot);

SizingDecision size_position(const TradeProposal& proposal,
                             const config::StrategyTemplate& strategy, const config::BotConfig& bot,
                             const config::RiskPolicy& policy, const SizingContext& context);

}  // namespace dorado::risk
