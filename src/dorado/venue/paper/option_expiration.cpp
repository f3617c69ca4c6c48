#include "dorado/venue/paper/option_expiration.hpp"

#include <stdexcept>

#include "dorado/venue/us_stock.hpp"

namespace dorado::venue::paper {

std::string settlement_id(const Instrument& option) {
  return "expiry:" + option.symbol;
}

Settlement settle_option(const PositionLeg& leg, Price underlying_price, Timestamp time,
                         const Money& fee) {
  const Instrument& option = leg.instrument();
  if (!option.option)
    throw std::invalid_argument("settle_option: " + option.symbol + " is not an option");
  if (leg.is_flat()) throw std::invalid_argument("settle_option: " + option.symbol + " is flat");
  const OptionContractId& id = *option.option;
  const bool is_call = id.right == OptionRight::Call;
  const Price in_the_money = is_call ? underlying_price - id.strike : id.strike - underlying_price;
  const bool is_long = leg.quantity().is_positive();
  const Quantity contracts = leg.quantity().abs();

  Settlement s{.option = option,
               .quantity = leg.quantity(),
               .outcome = ExpirationOutcome::ExpiredWorthless,
               .underlying_price = underlying_price,
               .fills = {},
               .option_realized_pnl = Money(option.currency)};
  s.fills.push_back(Fill{.client_order_id = settlement_id(option),
                         .leg_index = 0,
                         .instrument = option,
                         .side = is_long ? Side::Sell : Side::Buy,
                         .quantity = contracts,
                         .price = Price{},
                         .fee = Money(option.currency),
                         .time = time});
  if (in_the_money < kExerciseThreshold) return s;

  s.outcome = is_long ? ExpirationOutcome::Exercised : ExpirationOutcome::Assigned;
  // A call holder buys the shares, a put holder sells them; the writer does the opposite.
  const bool buys_shares = is_call == is_long;
  s.fills.push_back(Fill{.client_order_id = settlement_id(option),
                         .leg_index = 1,
                         .instrument = us_stock(id.underlying),
                         .side = buys_shares ? Side::Buy : Side::Sell,
                         .quantity = contracts * option.multiplier,
                         .price = id.strike,
                         .fee = fee,
                         .time = time});
  return s;
}

}  // namespace dorado::venue::paper
