// The cash-account requirement as the worst value at expiration, against
// the brokers' strategy rules worked by hand (cash_requirement.hpp).
#include "dorado/venue/paper/cash_requirement.hpp"

#include <gtest/gtest.h>

#include "dorado/venue/us_stock.hpp"

namespace dorado::venue::paper {
namespace {

using std::chrono::year;

PositionLeg held(const Instrument& instrument, std::int64_t quantity, std::string_view price) {
  PositionLeg leg(instrument);
  leg.apply(Fill{.client_order_id = "x",
                 .leg_index = 0,
                 .instrument = instrument,
                 .side = quantity > 0 ? Side::Buy : Side::Sell,
                 .quantity = Quantity::units(quantity > 0 ? quantity : -quantity),
                 .price = Price::parse(price),
                 .fee = Money(kUsd),
                 .time = {}});
  return leg;
}
Instrument option(std::string_view strike, OptionRight right, int month = 3) {
  return us_equity_option(
      OptionContractId{"SPY", year{2024} / std::chrono::month(static_cast<unsigned>(month)) / 15,
                       Price::parse(strike), right});
}
Money usd(std::string_view text) {
  return Money::parse(text, kUsd);
}
GroupRequirement of(const std::vector<PositionLeg>& legs, std::optional<Price> mark = {}) {
  std::vector<const PositionLeg*> pointers;
  for (const auto& leg : legs) pointers.push_back(&leg);
  return group_requirement(pointers, mark);
}

TEST(CashRequirement, ShortPutIsSecuredByItsStrike) {
  const auto r = of({held(option("500", OptionRight::Put), -2, "4.00")});
  EXPECT_EQ(r.cash, usd("100000"));  // 2 x 500 x 100
  EXPECT_FALSE(r.uncovered);
}

TEST(CashRequirement, IronCondorNeedsTheWiderSideOnly) {
  // 480/490 put spread (10 wide) and 520/535 call spread (15 wide).
  const auto r = of({held(option("480", OptionRight::Put), 1, "1.00"),
                     held(option("490", OptionRight::Put), -1, "1.90"),
                     held(option("520", OptionRight::Call), -1, "1.50"),
                     held(option("535", OptionRight::Call), 1, "0.40")});
  EXPECT_EQ(r.cash, usd("1500"));  // 15 x 100
  EXPECT_FALSE(r.uncovered);
}

TEST(CashRequirement, CoveredCallAndLongOptionsNeedNothing) {
  EXPECT_EQ(
      of({held(us_stock("SPY"), 100, "500"), held(option("520", OptionRight::Call), -1, "2")}).cash,
      usd("0"));
  EXPECT_EQ(of({held(option("520", OptionRight::Call), 3, "2")}).cash, usd("0"));
  EXPECT_EQ(of({held(option("480", OptionRight::Put), 1, "2")}).cash, usd("0"));
}

TEST(CashRequirement, SharesDoNotSecureAShortPut) {
  // At S = 0 the shares are worth nothing and the put costs 500 x 100.
  EXPECT_EQ(
      of({held(us_stock("SPY"), 100, "500"), held(option("500", OptionRight::Put), -1, "4")}).cash,
      usd("50000"));
}

TEST(CashRequirement, CalendarWithTheLongLaterIsCovered) {
  EXPECT_EQ(of({held(option("500", OptionRight::Call, 3), -1, "3"),
                held(option("500", OptionRight::Call, 4), 1, "6")})
                .cash,
            usd("0"));
}

TEST(CashRequirement, NakedCallIsUncoveredAndStressedAtOneAndAHalfTimesTheHigherOfStrikeAndMark) {
  const auto r = of({held(option("520", OptionRight::Call), -1, "2")}, Price::parse("510"));
  EXPECT_TRUE(r.uncovered);
  // S = 1.5 x 520 = 780: (780 - 520) x 100.
  EXPECT_EQ(r.cash, usd("26000"));
}

TEST(CashRequirement, ShortSharesAreUncovered) {
  const auto r = of({held(us_stock("SPY"), -100, "500")}, Price::parse("500"));
  EXPECT_TRUE(r.uncovered);
  EXPECT_EQ(r.cash, usd("75000"));  // 100 x 750
}

}  // namespace
}  // namespace dorado::venue::paper
