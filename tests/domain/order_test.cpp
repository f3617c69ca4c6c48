#include "dorado/domain/order.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace dorado {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr Date kFeb16{year{2024}, February, day{16}};

Leg leg(double strike, OptionRight right, Side side, std::int64_t ratio = 1) {
  return Leg{us_equity_option(OptionContractId{"SPY", kFeb16, Price::from_double(strike), right}),
             side, ratio};
}

std::vector<Leg> iron_condor() {
  return {leg(440, OptionRight::Put, Side::Buy), leg(450, OptionRight::Put, Side::Sell),
          leg(490, OptionRight::Call, Side::Sell), leg(500, OptionRight::Call, Side::Buy)};
}

TEST(Order, ComboNetPriceIsSignedDebitPositive) {
  // Buy 0.80, sell 1.60, sell 1.50, buy 0.70: 0.80 - 1.60 - 1.50 + 0.70 = -1.60,
  // a 1.60 credit.
  EXPECT_EQ(net_price(iron_condor(), {Price::parse("0.80"), Price::parse("1.60"),
                                      Price::parse("1.50"), Price::parse("0.70")}),
            Price::parse("-1.60"));
  // A 1x2 put ratio spread: buy 1 @ 3.00, sell 2 @ 1.20 -> 3.00 - 2.40 = 0.60 debit.
  EXPECT_EQ(
      net_price({leg(460, OptionRight::Put, Side::Buy), leg(450, OptionRight::Put, Side::Sell, 2)},
                {Price::parse("3.00"), Price::parse("1.20")}),
      Price::parse("0.60"));
  EXPECT_THROW(net_price(iron_condor(), {Price::parse("1")}), std::invalid_argument);
}

TEST(Order, AWellFormedComboHasNoProblems) {
  const Order order{.client_order_id = "spy-ic-01-20240102-1",
                    .legs = iron_condor(),
                    .quantity = Quantity::units(2),
                    .type = OrderType::Limit,
                    .limit_price = Price::parse("-1.60"),
                    .time_in_force = TimeInForce::Day,
                    .status = OrderStatus::New};
  EXPECT_TRUE(order.is_combo());
  EXPECT_THAT(order.problems(), IsEmpty());
}

TEST(Order, ReportsEveryProblemAtOnce) {
  std::vector<Leg> legs = {leg(450, OptionRight::Put, Side::Sell, 0),
                           leg(450, OptionRight::Put, Side::Buy)};
  legs.push_back(Leg{fx_pair("EUR_JPY"), Side::Buy, 1});
  const Order order{.client_order_id = "",
                    .legs = legs,
                    .quantity = Quantity::units(0),
                    .type = OrderType::Limit,
                    .limit_price = std::nullopt,
                    .time_in_force = TimeInForce::Gtc,
                    .status = OrderStatus::New};
  EXPECT_THAT(order.problems(),
              ElementsAre("client order id is empty", "quantity must be positive, got 0",
                          "leg 1 (SPY   240216P00450000) ratio must be positive, got 0",
                          "leg 2 (SPY   240216P00450000) repeats leg 1",
                          "leg 3 (EUR_JPY) is in JPY but leg 1 is in USD; a combo trades in one "
                          "currency",
                          "a limit order needs a limit price"));
}

TEST(Order, SingleLegLimitPriceMustBePositiveAndOnTick) {
  Order order{.client_order_id = "x",
              .legs = {leg(450, OptionRight::Put, Side::Sell)},
              .quantity = Quantity::units(1),
              .type = OrderType::Limit,
              .limit_price = Price::parse("1.605"),
              .time_in_force = TimeInForce::Day,
              .status = OrderStatus::New};
  EXPECT_THAT(order.problems(),
              ElementsAre("limit price 1.605 is not a multiple of the tick 0.01"));
  order.limit_price = Price::parse("-1.60");
  EXPECT_THAT(order.problems(),
              ElementsAre("limit price -1.60 must be positive for a single-leg order"));
  order.type = OrderType::Market;
  EXPECT_THAT(order.problems(), ElementsAre("a market order must not carry a limit price"));
  order.limit_price.reset();
  EXPECT_THAT(order.problems(), IsEmpty());
  Order no_legs = order;
  no_legs.legs.clear();
  EXPECT_THAT(no_legs.problems(), ElementsAre("an order needs at least one leg"));
}

TEST(OrderStatus, TerminalStates) {
  EXPECT_FALSE(is_terminal(OrderStatus::New));
  EXPECT_FALSE(is_terminal(OrderStatus::Submitted));
  EXPECT_FALSE(is_terminal(OrderStatus::PartiallyFilled));
  EXPECT_TRUE(is_terminal(OrderStatus::Filled));
  EXPECT_TRUE(is_terminal(OrderStatus::Cancelled));
  EXPECT_TRUE(is_terminal(OrderStatus::Rejected));
  EXPECT_TRUE(is_terminal(OrderStatus::Expired));
  EXPECT_TRUE(is_working(OrderStatus::PartiallyFilled));
}

TEST(OrderEnums, StableNames) {
  EXPECT_EQ(name_of(OrderStatus::PartiallyFilled), "partially_filled");
  EXPECT_EQ(parse_name<OrderStatus>("cancelled"), OrderStatus::Cancelled);
  EXPECT_EQ(name_of(TimeInForce::Gtc), "gtc");
  EXPECT_EQ(parse_name<TimeInForce>("ioc"), TimeInForce::Ioc);
  EXPECT_EQ(name_of(OrderType::Market), "market");
  EXPECT_EQ(name_of(Side::Sell), "sell");
  EXPECT_EQ(sign_of(Side::Sell), -1);
  EXPECT_EQ(opposite(Side::Buy), Side::Sell);
  EXPECT_FALSE(parse_name<Side>("short").has_value());
}

}  // namespace
}  // namespace dorado
