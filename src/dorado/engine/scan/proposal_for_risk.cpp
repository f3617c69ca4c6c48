#include "dorado/engine/scan/proposal_for_risk.hpp"

namespace dorado::engine {
namespace {

risk::Exposure option_exposure(const strategy::ResolutionDetail& d) {
  risk::Exposure e;
  if (!d.option) return e;
  const double m = static_cast<double>(d.option->multiplier);
  const double spot = d.option->spot;
  for (const auto& leg : d.legs) {
    const auto& model = leg.contract.model;
    if (!model) continue;  // the resolver trades only legs with our greeks
    const double signed_q = (leg.side == Side::Buy ? 1.0 : -1.0) * leg.quantity;
    e.delta_dollars += signed_q * model->delta * m * spot;
    e.gamma_dollars += signed_q * model->gamma * m * spot * spot / 100.0;
    e.vega += signed_q * model->vega * m / 100.0;
    e.theta += signed_q * model->theta * m / 365.0;
  }
  return e;
}

risk::Exposure momentum_exposure(const strategy::MomentumFigures& f, AssetClass asset_class,
                                 std::optional<double> funding, double to_account) {
  const double sign = f.direction == config::TradeDirection::Short ? -1.0 : 1.0;
  risk::Exposure e;
  e.delta_dollars = sign * f.entry * to_account;
  if (asset_class == AssetClass::Crypto && funding)
    e.carry = -sign * *funding * 3.0 * f.entry * to_account;
  return e;
}

}  // namespace

std::optional<double> account_rate(Currency from, const std::string& symbol, double price,
                                   Currency account) {
  if (from == account) return 1.0;
  const auto code = [&](std::size_t at) {
    const auto part = symbol.substr(at, 3);
    return Currency::valid_code(part) ? std::optional<Currency>(Currency(part)) : std::nullopt;
  };
  if (symbol.size() != 6 || !(price > 0.0)) return std::nullopt;
  if (code(0) == account && code(3) == from) return 1.0 / price;
  return std::nullopt;
}

std::optional<Money> in_account_currency(const Money& amount, const std::string& symbol,
                                         double price, Currency account) {
  const auto rate = account_rate(amount.currency(), symbol, price, account);
  if (!rate) return std::nullopt;
  if (*rate == 1.0) return amount;
  return Money::from_double(amount.to_double() * *rate, account);
}

std::optional<risk::TradeProposal> proposal_for_risk(const ProposalInputs& in) {
  const auto& d = in.resolved.detail;
  const Currency account(in.policy.account.base_currency);
  const double price = d.momentum ? d.momentum->entry : d.pipeline.spot;
  risk::TradeProposal p{.candidate = in.resolved.candidate,
                        .asset_class = in.member.asset_class,
                        .structure = in.strategy.structure,
                        .lot = Quantity::units(1),
                        .notional_per_unit = Money(account),
                        .exposure_per_unit = {},
                        .data_quality = 1.0,
                        .realized_vol = in.realized_vol};
  if (const auto q = p.candidate.score_components.find("data_quality");
      q != p.candidate.score_components.end())
    p.data_quality = q->second;
  const auto to_account =
      account_rate(p.candidate.max_loss.currency(), in.member.symbol, price, account);
  const auto max_loss = in_account_currency(p.candidate.max_loss, in.member.symbol, price, account);
  const auto credit = in_account_currency(p.candidate.net_credit, in.member.symbol, price, account);
  if (!to_account || !max_loss || !credit) return std::nullopt;
  p.candidate.max_loss = *max_loss;
  p.candidate.net_credit = *credit;
  if (d.momentum) {
    // Crypto trades in steps of 0.00001 coin, FX in whole units.
    p.lot = in.member.asset_class == AssetClass::Crypto ? Quantity::from_micros(10)
                                                        : Quantity::units(1);
    p.notional_per_unit = Money::from_double(d.momentum->entry * *to_account, account);
    p.exposure_per_unit =
        momentum_exposure(*d.momentum, in.member.asset_class, d.pipeline.funding_rate, *to_account);
  } else {
    p.exposure_per_unit = option_exposure(d);
  }
  return p;
}

}  // namespace dorado::engine
