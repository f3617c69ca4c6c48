// Multi-leg combos on the paper venue: one net price for all legs or no fill
// at all. The iron condor below (SPY 2024-03-15) is quoted
//   480P 0.90/1.00   490P 1.90/2.00   520C 1.50/1.60   530C 0.50/0.60
// so selling it (buy 480P, sell 490P, sell 520C, buy 530C) at the far sides
// nets +1.00 - 1.90 - 1.50 + 0.60 = -1.80: a 1.80 credit (domain/order.hpp
// convention: credits negative).
#include <gtest/gtest.h>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

class PaperCombo : public PaperVenueTest {
 protected:
  void SetUp() override {
    quote(put("480"), 0.90, 1.00);
    quote(put("490"), 1.90, 2.00);
    quote(call("520"), 1.50, 1.60);
    quote(call("530"), 0.50, 0.60);
  }
  static Order condor(std::string id, std::int64_t units, std::optional<Price> limit_price) {
    return Order{.client_order_id = std::move(id),
                 .legs = {Leg{put("480"), Side::Buy, 1}, Leg{put("490"), Side::Sell, 1},
                          Leg{call("520"), Side::Sell, 1}, Leg{call("530"), Side::Buy, 1}},
                 .quantity = qty(units),
                 .type = limit_price ? OrderType::Limit : OrderType::Market,
                 .limit_price = limit_price,
                 .time_in_force = TimeInForce::Day,
                 .status = OrderStatus::New};
  }
};

TEST_F(PaperCombo, CondorFillsAllFourLegsAtTheNetCredit) {
  const auto report = place(condor("ic1", 2, px("-1.80")));
  ASSERT_EQ(report.status(), OrderStatus::Filled);
  EXPECT_EQ(report.average_price, px("-1.80"));
  ASSERT_EQ(report.fills.size(), 4u);
  const std::vector<std::string> prices{"1.00", "1.90", "1.50", "0.60"};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(report.fills[i].leg_index, i);
    EXPECT_EQ(report.fills[i].price, px(prices[i]));
    EXPECT_EQ(report.fills[i].quantity, qty(2));
    // Each leg pays its own 2 x 0.65.
    EXPECT_EQ(report.fills[i].fee, usd("1.30"));
  }
  // 8 contracts x 0.65
  EXPECT_EQ(report.commission, usd("5.20"));

  const auto a = account();
  // Cash flows per condor: -100 + 190 + 150 - 60 = +180; two of them, less 5.20.
  EXPECT_EQ(a.cash, usd("100354.80"));
  // Worst case at expiry: either side 10 wide, 2 condors: 10 x 100 x 2.
  EXPECT_EQ(a.margin_used, usd("2000"));
  EXPECT_EQ(a.buying_power, usd("98354.80"));
  // Marked at mids (0.95, 1.95, 1.55, 0.55): 2 x 100 x (0.95 - 1.95 - 1.55 + 0.55) = -400.
  EXPECT_EQ(a.equity, usd("99954.80"));
  EXPECT_EQ(held(put("490")), qty(-2));
  EXPECT_EQ(held(call("530")), qty(2));
}

TEST_F(PaperCombo, CondorAskingMoreThanTheMarketFillsNoLeg) {
  const auto report = place(condor("ic1", 1, px("-1.90")));
  EXPECT_EQ(report.status(), OrderStatus::Submitted);
  EXPECT_TRUE(report.fills.empty());
  EXPECT_TRUE(positions().empty());
  EXPECT_EQ(account().cash, usd("100000"));

  // The short call's bid rises 0.10: the net reaches -1.90 and all legs fill.
  quote(call("520"), 1.60, 1.70);
  venue().match_working_orders();
  const auto filled = venue().order_status("ic1").value();
  EXPECT_EQ(filled.status(), OrderStatus::Filled);
  EXPECT_EQ(filled.average_price, px("-1.90"));
  EXPECT_EQ(positions().size(), 4u);
}

TEST_F(PaperCombo, MissingQuoteOnOneLegFillsNothing) {
  market_.remove_quote(call("530").symbol);
  const auto report = place(condor("ic1", 1, px("-1.00")));
  EXPECT_EQ(report.status(), OrderStatus::Submitted);
  EXPECT_TRUE(positions().empty());
  quote(call("530"), 0.50, 0.60);
  venue().match_working_orders();
  EXPECT_EQ(venue().order_status("ic1").value().status(), OrderStatus::Filled);
}

TEST_F(PaperCombo, MarketComboSlipsOneTickPerLeg) {
  const auto report = place(condor("ic1", 1, std::nullopt));
  // Buys pay 1.01 and 0.61, sells get 1.89 and 1.49: net 1.01 - 1.89 - 1.49 + 0.61 = -1.76.
  EXPECT_EQ(report.average_price, px("-1.76"));
  // 100,000 + 176.00 - 4 x 0.65
  EXPECT_EQ(account().cash, usd("100173.40"));
}

TEST_F(PaperCombo, CondorBeyondBuyingPowerIsRejectedWhole) {
  config_.starting_cash = usd("1500");
  // Two condors tie up 2,000 - 360 credit = 1,640 > 1,500 - 5.20 commission.
  const auto report = place(condor("ic1", 2, px("-1.80")));
  EXPECT_EQ(report.status(), OrderStatus::Rejected);
  EXPECT_EQ(report.reason, ReasonCode::InsufficientBuyingPower);
  EXPECT_TRUE(positions().empty());
  EXPECT_EQ(account().cash, usd("1500"));
  // One fits: 1,000 - 180 + 2.60 = 822.60 of 1,500.
  const auto one = place(condor("ic2", 1, px("-1.80")));
  EXPECT_EQ(one.status(), OrderStatus::Filled);
  EXPECT_EQ(account().buying_power, usd("677.40"));
}

TEST_F(PaperCombo, ClosingTheCondorReleasesTheRequirementAndRealizesThePnl) {
  place(condor("ic1", 1, px("-1.80")));
  // Buy it back: sell 480P at its bid, buy 490P at its ask, buy 520C, sell 530C.
  quote(put("480"), 0.40, 0.50);
  quote(put("490"), 0.70, 0.80);
  quote(call("520"), 0.60, 0.70);
  quote(call("530"), 0.20, 0.30);
  const Order close{.client_order_id = "ic1-close",
                    .legs = {Leg{put("480"), Side::Sell, 1}, Leg{put("490"), Side::Buy, 1},
                             Leg{call("520"), Side::Buy, 1}, Leg{call("530"), Side::Sell, 1}},
                    .quantity = qty(1),
                    .type = OrderType::Limit,
                    .limit_price = px("0.90"),
                    .time_in_force = TimeInForce::Day,
                    .status = OrderStatus::New};
  const auto report = place(close);
  // Net debit: -0.40 + 0.80 + 0.70 - 0.20 = 0.90.
  EXPECT_EQ(report.average_price, px("0.90"));
  EXPECT_TRUE(positions().empty());
  const auto a = account();
  // 100,000 + 180 - 2.60 - 90 - 2.60: kept 0.90 of the 1.80 credit.
  EXPECT_EQ(a.cash, usd("100084.80"));
  EXPECT_EQ(a.margin_used, usd("0"));
  EXPECT_EQ(a.equity, usd("100084.80"));
}

}  // namespace
}  // namespace dorado::venue::paper::testing
