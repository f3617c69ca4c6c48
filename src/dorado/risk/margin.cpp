#include "dorado/risk/margin.hpp"

#include <algorithm>
#include <stdexcept>

#include "dorado/domain/micro_units.hpp"
#include "dorado/risk/scaled_figures.hpp"
#include "dorado/risk/structure_shape.hpp"

namespace dorado::risk {
namespace {

// price x multiplier x ratio as cash.
Money cash_value(Price price, std::int64_t multiplier, std::int64_t ratio, Currency currency) {
  return Money::from_micros(
      micro_units::multiply(micro_units::multiply(price.micros(), multiplier), ratio), currency);
}

Money at_least_zero(Money m) {
  return m.is_negative() ? Money(m.currency()) : m;
}

MarginRequirement spread_margin(const StructureShape& shape, const Money& net_credit) {
  const Currency ccy = net_credit.currency();
  if (!net_credit.is_positive())  // a debit spread ties up what it paid
    return {-net_credit, Quantity{}, "defined_risk_spread"};
  Money widest(ccy);
  for (const auto& v : shape.verticals)
    widest = std::max(widest, cash_value(v.width(), v.multiplier, v.ratio, ccy));
  return {at_least_zero(widest - net_credit), Quantity{}, "defined_risk_spread"};
}

MarginRequirement single_short_margin(const StructureShape& shape, const Money& net_credit) {
  if (shape.short_right == OptionRight::Call)
    return {Money(net_credit.currency()), Quantity::units(shape.multiplier * shape.ratio),
            "covered_call"};
  const Money secured =
      cash_value(*shape.short_strike, shape.multiplier, shape.ratio, net_credit.currency());
  return {at_least_zero(secured - net_credit), Quantity{}, "cash_secured_put"};
}

MarginRequirement for_quantity(MarginRequirement per_unit, Quantity quantity) {
  return {times(per_unit.buying_power, quantity), times(per_unit.shares_required, quantity),
          std::move(per_unit.rule)};
}

}  // namespace

MarginRequirement margin_for(const TradeProposal& proposal, std::optional<double> leverage,
                             Quantity quantity) {
  const auto reading = read_structure(proposal.structure, proposal.candidate);
  if (!reading.shape)
    throw std::invalid_argument("margin of " + proposal.candidate.underlying + " " +
                                proposal.candidate.strategy + ": " + reading.problem);
  const auto& shape = *reading.shape;
  switch (proposal.structure) {
    case config::Structure::IronCondor:
    case config::Structure::PutVertical:
      return for_quantity(spread_margin(shape, proposal.candidate.net_credit), quantity);
    case config::Structure::Momentum: {
      // Below 1 would demand more margin than the notional: unlevered is the floor.
      const double lev = std::max(1.0, leverage.value_or(1.0));
      return {times(proposal.notional_per_unit, quantity).scaled_by(1.0 / lev), Quantity{},
              "leverage"};
    }
    default:
      return for_quantity(single_short_margin(shape, proposal.candidate.net_credit), quantity);
  }
}

}  // namespace dorado::risk
