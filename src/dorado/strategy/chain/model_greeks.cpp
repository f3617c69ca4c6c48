#include "dorado/strategy/chain/model_greeks.hpp"

#include <cmath>

#include "dorado/quant/options/black_scholes.hpp"
#include "dorado/quant/options/implied_vol.hpp"

namespace dorado::strategy {

std::optional<ModelGreeks> model_greeks(const OptionContract& contract, double spot, Date as_of,
                                        const PricingAssumptions& pricing) {
  const double mid = contract.mid();
  if (!(contract.bid > 0.0) || !(contract.ask >= contract.bid) || !(mid > 0.0)) return std::nullopt;
  const int dte = contract.dte(as_of);
  if (dte <= 0) return std::nullopt;
  quant::BsmInputs in;
  in.spot = spot;
  in.strike = contract.strike;
  in.years = dte / 365.0;
  in.rate = pricing.risk_free_rate;
  in.yield = pricing.dividend_yield;
  in.right = contract.right;
  const quant::ImpliedVol iv = quant::implied_vol(in, mid);
  if (!iv) return std::nullopt;
  in.vol = iv.value();
  const quant::BsmGreeks g = quant::bsm_greeks(in);
  return ModelGreeks{iv.value(), g.delta, g.gamma, g.theta, g.vega};
}

SpreadQuality spread_quality(std::optional<double> spread_pct, const ChainQualityLimits& limits) {
  if (!spread_pct || *spread_pct > limits.spread_exclude_pct) return SpreadQuality::TooWide;
  if (*spread_pct > limits.spread_flag_pct) return SpreadQuality::Wide;
  return SpreadQuality::Tight;
}

bool has_stale_greeks(const OptionContract& contract, const std::optional<ModelGreeks>& model,
                      const ChainQualityLimits& limits) {
  if (!model || !contract.delta) return false;
  return std::abs(*contract.delta - model->delta) > limits.stale_delta_tolerance;
}

PricedContract price_contract(const OptionContract& contract, double spot, Date as_of,
                              const PricingAssumptions& pricing, const ChainQualityLimits& limits) {
  PricedContract p;
  p.quote = contract;
  p.model = model_greeks(contract, spot, as_of, pricing);
  // A zero bid is no two-sided market: nothing to sell into, too wide by definition.
  p.spread_pct = contract.bid > 0.0 ? contract.spread_pct() : std::nullopt;
  p.spread = spread_quality(p.spread_pct, limits);
  p.stale_greeks = has_stale_greeks(contract, p.model, limits);
  return p;
}

}  // namespace dorado::strategy
