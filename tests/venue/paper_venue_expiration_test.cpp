// Option expiration on the paper venue, booked exactly: worthless expiry,
// exercise of a long in the money, assignment of a short put into shares and
// those shares called away by an assigned covered call (the Wheel), the OCC
// 0.01 threshold, and cash, buying power and realized P&L after each.
// Settlement runs after Friday's close (16:00 EDT = 20:00 UTC).
#include <gtest/gtest.h>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

class PaperExpiration : public PaperVenueTest {
 protected:
  void after_close(year_month_day day) { clock_.set(at(day, hours{21})); }
  std::vector<Settlement> settle(year_month_day day) {
    auto result = venue().settle_expirations(day);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.value();
  }
};

TEST_F(PaperExpiration, OutOfTheMoneyShortPutExpiresWorthlessKeepingThePremium) {
  quote(put("490"), 2.00, 2.10);
  place(limit("sp", put("490"), Side::Sell, 1, "2.00"));
  // 100,000 + 200 - 1.00; 49,000 secured.
  EXPECT_EQ(account().buying_power, usd("51199.00"));

  after_close(kFriday);
  spy_at(510.00);
  const auto settled = settle(kFriday);
  ASSERT_EQ(settled.size(), 1u);
  EXPECT_EQ(settled[0].outcome, ExpirationOutcome::ExpiredWorthless);
  EXPECT_EQ(settled[0].quantity, qty(-1));
  ASSERT_EQ(settled[0].fills.size(), 1u);
  EXPECT_EQ(settled[0].fills[0].price, px("0"));
  EXPECT_EQ(settled[0].fills[0].side, Side::Buy);
  EXPECT_EQ(settled[0].option_realized_pnl, usd("200.00"));

  EXPECT_TRUE(positions().empty());
  const auto a = account();
  EXPECT_EQ(a.cash, usd("100199.00"));
  EXPECT_EQ(a.margin_used, usd("0"));
  EXPECT_EQ(a.buying_power, usd("100199.00"));
  EXPECT_EQ(a.equity, usd("100199.00"));
}

TEST_F(PaperExpiration, InTheMoneyLongCallIsExercisedIntoSharesAtTheStrike) {
  quote(call("500"), 2.90, 3.00);
  place(limit("lc", call("500"), Side::Buy, 1, "3.00"));
  after_close(kFriday);
  spy_at(510.00);
  const auto settled = settle(kFriday);
  ASSERT_EQ(settled.size(), 1u);
  EXPECT_EQ(settled[0].outcome, ExpirationOutcome::Exercised);
  ASSERT_EQ(settled[0].fills.size(), 2u);
  EXPECT_EQ(settled[0].fills[1].instrument.symbol, "SPY");
  EXPECT_EQ(settled[0].fills[1].side, Side::Buy);
  EXPECT_EQ(settled[0].fills[1].quantity, qty(100));
  EXPECT_EQ(settled[0].fills[1].price, px("500"));
  EXPECT_EQ(settled[0].fills[1].fee, usd("0"));
  // The call's 300.00 premium is realized as lost; the shares carry basis 500.
  EXPECT_EQ(settled[0].option_realized_pnl, usd("-300.00"));

  EXPECT_EQ(held(us_stock("SPY")), qty(100));
  const auto a = account();
  // 100,000 - 300 - 1.00 - 50,000
  EXPECT_EQ(a.cash, usd("49699.00"));
  // Shares at 510: 49,699 + 51,000.
  EXPECT_EQ(a.equity, usd("100699.00"));
  EXPECT_EQ(a.margin_used, usd("0"));
  EXPECT_EQ(a.buying_power, usd("49699.00"));
}

TEST_F(PaperExpiration, TheWheelShortPutAssignedThenSharesCalledAway) {
  // Week 1: sell the 500 put for 4.00.
  quote(put("500"), 4.00, 4.10);
  place(limit("wheel-put", put("500"), Side::Sell, 1, "4.00"));
  EXPECT_EQ(account().cash, usd("100399.00"));  // 100,000 + 400 - 1.00

  // Friday: SPY closes at 495, the put is 5.00 in the money and assigned.
  after_close(kFriday);
  spy_at(495.00);
  auto settled = settle(kFriday);
  ASSERT_EQ(settled.size(), 1u);
  EXPECT_EQ(settled[0].outcome, ExpirationOutcome::Assigned);
  EXPECT_EQ(settled[0].underlying_price, px("495"));
  EXPECT_EQ(settled[0].option_realized_pnl, usd("400.00"));
  ASSERT_EQ(settled[0].fills.size(), 2u);
  EXPECT_EQ(settled[0].fills[1].side, Side::Buy);
  EXPECT_EQ(settled[0].fills[1].price, px("500"));
  EXPECT_EQ(settled[0].fills[1].client_order_id, "expiry:" + put("500").symbol);

  EXPECT_EQ(held(us_stock("SPY")), qty(100));
  EXPECT_EQ(held(put("500")), qty(0));
  auto a = account();
  // 100,399 - 100 x 500
  EXPECT_EQ(a.cash, usd("50399.00"));
  // Shares marked at 495: 50,399 + 49,500.
  EXPECT_EQ(a.equity, usd("99899.00"));
  EXPECT_EQ(a.margin_used, usd("0"));
  EXPECT_EQ(a.buying_power, usd("50399.00"));

  // Week 2 (Monday 11:00 EDT): sell the 505 call against the shares for 1.50.
  clock_.set(at(year{2024} / March / 18, hours{15}));
  const Instrument cc = call("505", kNextFriday);
  quote(cc, 1.50, 1.60);
  EXPECT_EQ(place(limit("wheel-call", cc, Side::Sell, 1, "1.50")).status(), OrderStatus::Filled);
  a = account();
  EXPECT_EQ(a.cash, usd("50548.00"));  // + 150 - 1.00
  EXPECT_EQ(a.margin_used, usd("0"));  // covered

  // Next Friday: SPY closes at 507, the call is assigned and the shares go at 505.
  after_close(kNextFriday);
  spy_at(507.00);
  settled = settle(kNextFriday);
  ASSERT_EQ(settled.size(), 1u);
  EXPECT_EQ(settled[0].outcome, ExpirationOutcome::Assigned);
  EXPECT_EQ(settled[0].option_realized_pnl, usd("150.00"));
  EXPECT_EQ(settled[0].fills[1].side, Side::Sell);
  EXPECT_EQ(settled[0].fills[1].price, px("505"));
  EXPECT_TRUE(positions().empty());

  a = account();
  // 50,548 + 100 x 505
  EXPECT_EQ(a.cash, usd("101048.00"));
  EXPECT_EQ(a.equity, usd("101048.00"));
  EXPECT_EQ(a.buying_power, usd("101048.00"));
  // Whole wheel: put 400 + call 150 + shares (505 - 500) x 100 = 1,050, less 2 x 1.00.
  EXPECT_EQ(a.cash - usd("100000"), usd("1048.00"));
}

TEST_F(PaperExpiration, SharesCalledAwayRealizeTheirPnlFromTheStrikeBasis) {
  // Shares bought outright at 510, a 505 call sold against them, SPY at 507.
  quote(us_stock("SPY"), 510.00, 510.00);
  place(limit("shares", us_stock("SPY"), Side::Buy, 100, "510.00"));
  quote(call("505"), 5.50, 5.60);
  place(limit("cc", call("505"), Side::Sell, 1, "5.50"));
  after_close(kFriday);
  spy_at(507.00);
  settle(kFriday);
  EXPECT_TRUE(positions().empty());
  // 100,000 - 51,000 - 1.00 + 550 - 1.00 + 50,500: the call's premium more
  // than paid for selling 5 below cost.
  EXPECT_EQ(account().cash, usd("100048.00"));
}

TEST_F(PaperExpiration, InTheMoneyByLessThanOneCentExpiresWorthless) {
  quote(put("500"), 4.00, 4.10);
  place(limit("sp", put("500"), Side::Sell, 1, "4.00"));
  after_close(kFriday);
  spy_at(499.995);  // 0.005 in the money: below OCC's 0.01 threshold
  const auto settled = settle(kFriday);
  EXPECT_EQ(settled.at(0).outcome, ExpirationOutcome::ExpiredWorthless);
  EXPECT_TRUE(positions().empty());
}

TEST_F(PaperExpiration, InTheMoneyByExactlyOneCentIsAssigned) {
  quote(put("500"), 4.00, 4.10);
  place(limit("sp", put("500"), Side::Sell, 1, "4.00"));
  after_close(kFriday);
  spy_at(499.99);
  EXPECT_EQ(settle(kFriday).at(0).outcome, ExpirationOutcome::Assigned);
  EXPECT_EQ(held(us_stock("SPY")), qty(100));
}

TEST_F(PaperExpiration, CondorBreachedOnThePutSideSettlesBothPutsIntoNoShares) {
  // Long 480P / short 490P, SPY at 485: the short put is assigned (buy 100 at
  // 490), the long put is out of the money and expires. Net: 100 shares at 490.
  quote(put("480"), 0.90, 1.00);
  quote(put("490"), 1.90, 2.00);
  const Order spread{.client_order_id = "pcs",
                     .legs = {Leg{put("480"), Side::Buy, 1}, Leg{put("490"), Side::Sell, 1}},
                     .quantity = qty(1),
                     .type = OrderType::Limit,
                     .limit_price = px("-0.90"),
                     .time_in_force = TimeInForce::Day,
                     .status = OrderStatus::New};
  place(spread);
  EXPECT_EQ(account().cash, usd("100088.70"));  // + 90 - 2 x 0.65
  after_close(kFriday);
  spy_at(485.00);
  const auto settled = settle(kFriday);
  ASSERT_EQ(settled.size(), 2u);  // sorted by symbol: 480P then 490P
  EXPECT_EQ(settled[0].outcome, ExpirationOutcome::ExpiredWorthless);
  EXPECT_EQ(settled[0].option_realized_pnl, usd("-100.00"));
  EXPECT_EQ(settled[1].outcome, ExpirationOutcome::Assigned);
  EXPECT_EQ(settled[1].option_realized_pnl, usd("190.00"));
  const auto a = account();
  EXPECT_EQ(a.cash, usd("51088.70"));  // - 49,000
  // Shares at 485: 51,088.70 + 48,500; the spread lost 500 of its 1,000 width
  // before the 90 credit and 1.30 fees: 100,000 - 500 + 90 - 1.30 = 99,588.70.
  EXPECT_EQ(a.equity, usd("99588.70"));
}

TEST_F(PaperExpiration, LaterExpirationsAreLeftAlone) {
  quote(put("500", kApril), 9.90, 10.00);
  place(limit("apr", put("500", kApril), Side::Buy, 1, "10.00"));
  after_close(kFriday);
  spy_at(450.00);
  EXPECT_TRUE(settle(kFriday).empty());
  EXPECT_EQ(held(put("500", kApril)), qty(1));
}

TEST_F(PaperExpiration, NoUnderlyingQuoteSettlesNothing) {
  quote(put("500"), 4.00, 4.10);
  place(limit("sp", put("500"), Side::Sell, 1, "4.00"));
  after_close(kFriday);
  market_.remove_quote("SPY");
  const auto result = venue().settle_expirations(kFriday);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, ReasonCode::QuoteUnavailable);
  EXPECT_EQ(held(put("500")), qty(-1));
  EXPECT_TRUE(venue().settlements().empty());
}

TEST_F(PaperExpiration, WorkingOrdersOnExpiredContractsExpire) {
  quote(put("500"), 4.00, 4.10);
  place(limit("gtc", put("500"), Side::Buy, 1, "3.00", TimeInForce::Gtc));
  after_close(kFriday);
  spy_at(510.00);
  settle(kFriday);
  EXPECT_EQ(venue().order_status("gtc").value().status(), OrderStatus::Expired);
}

}  // namespace
}  // namespace dorado::venue::paper::testing
