#pragma once
// Dorado's own implied vol and greeks for a contract, recomputed from the
// raw bid/ask mid with quant::implied_vol and quant::bsm_greeks, and the
// contract's verdicts (spread quality, stale venue greeks). The venue's
// greeks stay on the contract beside ours (PricedContract).
//
// Time to expiry: calendar days from the chain's as-of date to expiration
// over 365, the convention of the synthetic chains and of CBOE's exports.
#include <optional>

#include "dorado/domain/option_chain.hpp"
#include "dorado/strategy/chain/chain_quality_limits.hpp"
#include "dorado/strategy/chain/priced_contract.hpp"

namespace dorado::strategy {

// Rates for recomputing IV and greeks from option mids.
struct PricingAssumptions {
  double risk_free_rate = 0.0;  // continuously compounded
  double dividend_yield = 0.0;  // continuous (SPY ~1.5 %, TLT ~2.5 %, GLD 0)
};

// nullopt when the mid has no implied vol: no two-sided market, a mid at or
// below intrinsic value, expiry day.
std::optional<ModelGreeks> model_greeks(const OptionContract& contract, double spot, Date as_of,
                                        const PricingAssumptions& pricing);

SpreadQuality spread_quality(std::optional<double> spread_pct, const ChainQualityLimits& limits);

// Venue delta and ours both known and further apart than the tolerance.
bool has_stale_greeks(const OptionContract& contract, const std::optional<ModelGreeks>& model,
                      const ChainQualityLimits& limits);

PricedContract price_contract(const OptionContract& contract, double spot, Date as_of,
                              const PricingAssumptions& pricing, const ChainQualityLimits& limits);

}  // namespace dorado::strategy
