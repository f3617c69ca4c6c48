// Single-leg orders on the paper venue: limits reached and not, market
// orders with slippage, commissions with their minimum, cash and buying
// power after each fill. Every expected figure is worked by hand in the
// comment beside it (IBKR options schedule: 0.65 per contract, 1.00 minimum).
#include <gtest/gtest.h>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

class PaperOrders : public PaperVenueTest {};

TEST_F(PaperOrders, BuyLimitReachedFillsAtTheAskAndPaysPremiumAndCommission) {
  quote(put("500"), 4.90, 5.00);
  const auto report = place(limit("o1", put("500"), Side::Buy, 2, "5.00"));
  EXPECT_EQ(report.status(), OrderStatus::Filled);
  EXPECT_EQ(report.venue_order_id, "P000001");
  ASSERT_EQ(report.fills.size(), 1u);
  EXPECT_EQ(report.fills[0].price, px("5.00"));
  EXPECT_EQ(report.fills[0].quantity, qty(2));
  // 2 contracts x 0.65 = 1.30, above the 1.00 minimum.
  EXPECT_EQ(report.commission, usd("1.30"));
  EXPECT_EQ(report.fills[0].fee, usd("1.30"));
  EXPECT_EQ(report.average_price, px("5.00"));

  const auto a = account();
  // 100,000 - 2 x 5.00 x 100 - 1.30
  EXPECT_EQ(a.cash, usd("98998.70"));
  // A long put ties up nothing beyond its premium.
  EXPECT_EQ(a.margin_used, usd("0"));
  EXPECT_EQ(a.buying_power, usd("98998.70"));
  // Marked at the mid 4.95: 98,998.70 + 2 x 495.00
  EXPECT_EQ(a.equity, usd("99988.70"));
  EXPECT_EQ(held(put("500")), qty(2));
}

TEST_F(PaperOrders, MarketableLimitGetsTheBetterFarSide) {
  quote(put("500"), 4.90, 5.00);
  const auto report = place(limit("o1", put("500"), Side::Buy, 1, "5.20"));
  EXPECT_EQ(report.fills.at(0).price, px("5.00"));
}

TEST_F(PaperOrders, BuyLimitNotReachedWorksUntilTheMarketComesDown) {
  quote(put("500"), 4.90, 5.00);
  auto report = place(limit("o1", put("500"), Side::Buy, 1, "4.80"));
  EXPECT_EQ(report.status(), OrderStatus::Submitted);
  EXPECT_TRUE(report.fills.empty());
  EXPECT_EQ(account().cash, usd("100000"));
  ASSERT_EQ(venue().open_orders().value().size(), 1u);

  quote(put("500"), 4.70, 4.80);
  clock_.advance(minutes{5});
  venue().match_working_orders();
  report = venue().order_status("o1").value();
  EXPECT_EQ(report.status(), OrderStatus::Filled);
  EXPECT_EQ(report.fills.at(0).price, px("4.80"));
  // One contract: 0.65 is raised to the 1.00 minimum.
  EXPECT_EQ(report.commission, usd("1.00"));
  // 100,000 - 480.00 - 1.00
  EXPECT_EQ(account().cash, usd("99519.00"));
  EXPECT_TRUE(venue().open_orders().value().empty());
}

TEST_F(PaperOrders, SellLimitToOpenIsACashSecuredPut) {
  quote(put("500"), 4.90, 5.00);
  const auto report = place(limit("o1", put("500"), Side::Sell, 1, "4.90"));
  EXPECT_EQ(report.fills.at(0).price, px("4.90"));
  const auto a = account();
  // 100,000 + 490.00 - 1.00
  EXPECT_EQ(a.cash, usd("100489.00"));
  // Secured: strike 500 x 100.
  EXPECT_EQ(a.margin_used, usd("50000"));
  EXPECT_EQ(a.buying_power, usd("50489.00"));
  // Short marked at the mid 4.95: 100,489.00 - 495.00
  EXPECT_EQ(a.equity, usd("99994.00"));
  EXPECT_EQ(held(put("500")), qty(-1));
}

TEST_F(PaperOrders, SellLimitAboveTheBidWaits) {
  quote(put("500"), 4.90, 5.00);
  EXPECT_EQ(place(limit("o1", put("500"), Side::Sell, 1, "4.95")).status(), OrderStatus::Submitted);
  quote(put("500"), 4.95, 5.05);
  venue().match_working_orders();
  EXPECT_EQ(venue().order_status("o1").value().fills.at(0).price, px("4.95"));
}

TEST_F(PaperOrders, MarketBuyPaysTheAskPlusOneTickOfSlippage) {
  quote(put("500"), 4.90, 5.00);
  const auto report = place(market("m1", put("500"), Side::Buy, qty(3)));
  EXPECT_EQ(report.status(), OrderStatus::Filled);
  EXPECT_EQ(report.fills.at(0).price, px("5.01"));
  // 3 x 0.65
  EXPECT_EQ(report.commission, usd("1.95"));
  // 100,000 - 3 x 501.00 - 1.95
  EXPECT_EQ(account().cash, usd("98495.05"));
}

TEST_F(PaperOrders, MarketSellReceivesTheBidMinusSlippage) {
  quote(put("500"), 4.90, 5.00);
  place(market("m1", put("500"), Side::Buy, qty(1)));
  const auto report = place(market("m2", put("500"), Side::Sell, qty(1)));
  EXPECT_EQ(report.fills.at(0).price, px("4.89"));
  // Round trip: bought at 5.01, sold at 4.89: -12.00 and 2 x 1.00 commission.
  EXPECT_EQ(account().cash, usd("99986.00"));
  EXPECT_TRUE(positions().empty());
}

TEST_F(PaperOrders, MarketOrderWithoutAMarketIsRejectedWithTheReason) {
  quote(put("500"), 0.0, 5.00);  // nobody bids
  const auto report = place(market("m1", put("500"), Side::Sell, qty(1)));
  EXPECT_EQ(report.status(), OrderStatus::Rejected);
  EXPECT_EQ(report.reason, ReasonCode::QuoteUnavailable);
  EXPECT_NE(report.message.find("no bid"), std::string::npos) << report.message;
  EXPECT_EQ(account().cash, usd("100000"));
}

TEST_F(PaperOrders, LimitOrderWithoutAQuoteKeepsWorking) {
  const auto report = place(limit("o1", put("500"), Side::Buy, 1, "5.00"));
  EXPECT_EQ(report.status(), OrderStatus::Submitted);
  quote(put("500"), 4.90, 5.00);
  venue().match_working_orders();
  EXPECT_EQ(venue().order_status("o1").value().status(), OrderStatus::Filled);
}

TEST_F(PaperOrders, IocLimitNotReachedIsCancelled) {
  quote(put("500"), 4.90, 5.00);
  const auto report = place(limit("o1", put("500"), Side::Buy, 1, "4.50", TimeInForce::Ioc));
  EXPECT_EQ(report.status(), OrderStatus::Cancelled);
  EXPECT_FALSE(report.reason.has_value());
  EXPECT_TRUE(report.fills.empty());
}

TEST_F(PaperOrders, StockOrderCommissionPerShareWithMinimumAndCap) {
  quote(us_stock("SPY"), 509.99, 510.00);
  // 100 shares x 0.005 = 0.50 -> the 1.00 minimum (the 1 % cap, 510.01, does not bind).
  const auto report = place(market("s1", us_stock("SPY"), Side::Buy, qty(100)));
  EXPECT_EQ(report.fills.at(0).price, px("510.01"));
  EXPECT_EQ(report.commission, usd("1.00"));
  // 100,000 - 51,001.00 - 1.00
  EXPECT_EQ(account().cash, usd("48998.00"));
}

TEST_F(PaperOrders, PositionsAreSortedBySymbolWithMarks) {
  quote(put("500"), 4.90, 5.00);
  quote(call("520"), 1.50, 1.60);
  place(limit("o1", put("500"), Side::Buy, 1, "5.00"));
  place(limit("o2", call("520"), Side::Buy, 1, "1.60"));
  const auto held_now = positions();
  ASSERT_EQ(held_now.size(), 2u);
  // OCC symbols: "SPY   240315C00520000" < "SPY   240315P00500000".
  EXPECT_EQ(held_now[0].leg.instrument().symbol, call("520").symbol);
  EXPECT_EQ(held_now[0].mark, px("1.55"));
  EXPECT_EQ(held_now[1].mark, px("4.95"));
  // Long 1 put bought at 5.00 marked at 4.95: -5.00.
  EXPECT_EQ(held_now[1].unrealized_pnl(), usd("-5.00"));
}

}  // namespace
}  // namespace dorado::venue::paper::testing
