#include "dorado/venue/paper/fill_pricing.hpp"

#include "dorado/venue/paper/commission_schedule.hpp"

namespace dorado::venue::paper {
namespace {

std::int64_t slippage_ticks(const Instrument& instrument, const MarketSlippage& slippage) {
  switch (charge_kind(instrument)) {
    case ChargeKind::Option:
      return slippage.option_ticks;
    case ChargeKind::Stock:
      return slippage.stock_ticks;
    case ChargeKind::Fx:
      return slippage.fx_ticks;
    case ChargeKind::Crypto:
      return slippage.crypto_ticks;
  }
  return 0;
}

std::optional<Price> far_side(const Quote& quote, Side side) {
  const double far = side == Side::Buy ? quote.ask : quote.bid;
  if (!(far > 0.0)) return std::nullopt;
  return Price::from_double(far);
}

Price slipped(Price far, const Leg& leg, const MarketSlippage& slippage) {
  const Price slip = leg.instrument.tick_size * slippage_ticks(leg.instrument, slippage);
  if (leg.side == Side::Buy) return far + slip;
  const Price price = far - slip;
  return price < leg.instrument.tick_size ? leg.instrument.tick_size : price;
}

bool limit_reached(const Order& order, Price net) {
  const Price limit = *order.limit_price;
  if (order.is_combo()) return net <= limit;
  return order.legs.front().side == Side::Buy ? net <= limit : net >= limit;
}

}  // namespace

Price order_price(const Order& order, const std::vector<Price>& leg_prices) {
  return order.is_combo() ? net_price(order.legs, leg_prices) : leg_prices.front();
}

PricingOutcome price_order(const Order& order, const std::vector<std::optional<Quote>>& quotes,
                           const MarketSlippage& slippage) {
  MatchPrices match;
  for (std::size_t i = 0; i < order.legs.size(); ++i) {
    const Leg& leg = order.legs[i];
    const auto far = quotes[i] ? far_side(*quotes[i], leg.side) : std::nullopt;
    if (!far)
      return {std::nullopt,
              {ReasonCode::QuoteUnavailable,
               "no " + std::string(leg.side == Side::Buy ? "ask" : "bid") + " quoted for " +
                   leg.instrument.symbol}};
    match.leg_prices.push_back(order.type == OrderType::Market ? slipped(*far, leg, slippage)
                                                               : *far);
  }
  match.net = order_price(order, match.leg_prices);
  if (order.type == OrderType::Limit && !limit_reached(order, match.net))
    return {std::nullopt,
            {std::nullopt, "the market (" + match.net.to_string() + ") has not reached the limit " +
                               order.limit_price->to_string()}};
  return {match, {}};
}

}  // namespace dorado::venue::paper
