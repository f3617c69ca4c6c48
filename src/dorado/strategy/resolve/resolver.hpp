#pragma once
// The template resolver (DESIGN.md section 5.2): maps a strategy template's
// abstract parameters (a 16-delta short put, 5-point wings, 30-45 DTE, a
// limit a quarter ATR into the pullback) to concrete values for one
// underlying on one day, from three tiers:
//   tier 1, direct from the venue: strikes, bid/ask, leg quantities;
//   tier 2, derived from venue data: delta at each strike (recomputed from
//     the mid by Dorado's option math, the venue's kept beside it), DTE,
//     width, credit at mid and at natural, max loss, breakevens,
//     probability of profit from delta;
//   tier 3, from the pipeline: IV rank, ATR, ADX, SMA, S/R, Hurst, funding.
// The macro regime (options) or the instrument's FX / crypto regime picks
// the template's effective variant (its regime override deep-merged in).
//
// Per structure (per share; the multiplier turns them into Money):
//   iron condor  credit C = short put + short call - long put - long call;
//                width W = the wider vertical; max loss = W - C (one side
//                only can lose); breakevens short put - C, short call + C;
//                P(profit) ~ 1 - |delta short put| - delta short call.
//   put vertical max loss W - C; breakeven short put - C; P ~ 1 - |delta short|.
//   short put    cash-secured: max loss = strike - C (the stock to zero);
//                breakeven strike - C; P ~ 1 - |delta|.
//   covered call the shares are held already (Holding): cost basis B (the
//                holding's, else spot); max loss = B - C; breakeven B - C;
//                P ~ 1 - delta (the call expires worthless).
//   wheel        no shares -> the short put above; shares -> the covered
//                call above, with the strike floored at the cost basis when
//                the template says call_strike_floor: cost_basis.
//   momentum     entry, stop, target, trailing stop and time exit in ATR
//                multiples; max loss per unit = |entry - stop|.
//
// Expected failures are returned as a ResolveRejection with a ReasonCode:
// chain missing or unusable (chain validation's codes), no expiration in the
// DTE range, no strike near the target delta or at the width, a spread wider
// than the template allows, a credit below min_credit_to_width, a covered
// call without shares, too little history for ATR.
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/published_regime.hpp"
#include "dorado/strategy/chain/chain_quality_limits.hpp"
#include "dorado/strategy/chain/model_greeks.hpp"
#include "dorado/strategy/resolve/resolution.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy {

// The bot's position in the underlying's shares (covered call, wheel).
struct Holding {
  std::int64_t shares = 0;
  std::optional<double> cost_basis;  // per share, after premiums already taken
};

struct ResolveRequest {
  std::string bot_id;
  std::string config_hash;
  Holding holding;
  PricingAssumptions pricing;
  ChainQualityLimits limits;
  PipelineSettings pipeline;
};

// The regime label that selects the template's variant for this underlying:
// the macro regime for options, the instrument's FX or crypto regime
// otherwise; nullopt when none is published (the base template applies).
std::optional<std::string> regime_for(const config::StrategyTemplate& base,
                                      const UnderlyingSnapshot& snapshot,
                                      const RegimeView& regimes);

// The wheel's next step for the bot's holding: sell_call once it holds 100
// shares per call contract (assigned), sell_put otherwise (never assigned, or
// called away). nullopt for every other structure.
std::optional<WheelPhase> wheel_phase_for(const config::StrategyTemplate& strategy,
                                          const Holding& holding);

// Resolves `base` (the template as loaded, with its regime variants) for the
// snapshot's underlying. Pure: no IO, no clock (times come from the snapshot).
Resolution resolve(const config::StrategyTemplate& base, const UnderlyingSnapshot& snapshot,
                   const RegimeView& regimes, const ResolveRequest& request);

}  // namespace dorado::strategy
