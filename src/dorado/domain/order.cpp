#include "dorado/domain/order.hpp"

#include <stdexcept>

namespace dorado {

std::vector<std::string> Order::problems() const {
  std::vector<std::string> out;
  if (client_order_id.empty()) out.push_back("client order id is empty");
  if (legs.empty()) out.push_back("an order needs at least one leg");
  if (!quantity.is_positive())
    out.push_back("quantity must be positive, got " + quantity.to_string());
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const Leg& leg = legs[i];
    const std::string name = "leg " + std::to_string(i + 1) + " (" + leg.instrument.symbol + ")";
    if (leg.ratio <= 0)
      out.push_back(name + " ratio must be positive, got " + std::to_string(leg.ratio));
    if (leg.instrument.currency != legs.front().instrument.currency)
      out.push_back(name + " is in " + std::string(leg.instrument.currency.code()) +
                    " but leg 1 is in " + std::string(legs.front().instrument.currency.code()) +
                    "; a combo trades in one currency");
    for (std::size_t j = 0; j < i; ++j)
      if (legs[j].instrument.symbol == leg.instrument.symbol)
        out.push_back(name + " repeats leg " + std::to_string(j + 1));
  }
  if (type == OrderType::Limit && !limit_price) out.push_back("a limit order needs a limit price");
  if (type == OrderType::Market && limit_price)
    out.push_back("a market order must not carry a limit price");
  if (type == OrderType::Limit && limit_price && legs.size() == 1) {
    const Instrument& instrument = legs.front().instrument;
    if (!limit_price->is_positive())
      out.push_back("limit price " + limit_price->to_string() +
                    " must be positive for a single-leg order");
    else if (instrument.tick_size.is_positive() &&
             !limit_price->is_multiple_of(instrument.tick_size))
      out.push_back("limit price " + limit_price->to_string() + " is not a multiple of the tick " +
                    instrument.tick_size.to_string());
  }
  return out;
}

Price net_price(const std::vector<Leg>& legs, const std::vector<Price>& leg_prices) {
  if (legs.size() != leg_prices.size())
    throw std::invalid_argument("net_price: " + std::to_string(legs.size()) + " legs but " +
                                std::to_string(leg_prices.size()) + " prices");
  Price net;
  for (std::size_t i = 0; i < legs.size(); ++i)
    net = net + leg_prices[i] * (legs[i].ratio * sign_of(legs[i].side));
  return net;
}

}  // namespace dorado
