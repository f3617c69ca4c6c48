// The VenueAdapter contract on the paper venue: idempotent client order ids,
// cancel and status of unknown or finished orders, timeouts that never hang
// (and whose effect reconciliation can find), an unreachable venue, and
// market hours (orders outside the NYSE session are queued; IOC rejected).
#include <gtest/gtest.h>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

class PaperContract : public PaperVenueTest {
 protected:
  void SetUp() override { quote(put("500"), 4.90, 5.00); }
};

TEST_F(PaperContract, SameClientIdTwiceReturnsTheExistingOrderAndFillsOnce) {
  const Order order = limit("cand-7-a1", put("500"), Side::Buy, 2, "5.00");
  const auto first = place(order);
  const auto second = place(order);
  EXPECT_EQ(first, second);
  EXPECT_EQ(second.venue_order_id, "P000001");
  EXPECT_EQ(held(put("500")), qty(2));
  // Charged once: 100,000 - 1,000.00 - 1.30.
  EXPECT_EQ(account().cash, usd("98998.70"));
}

TEST_F(PaperContract, SameClientIdForADifferentOrderIsRefused) {
  place(limit("cand-7-a1", put("500"), Side::Buy, 2, "5.00"));
  const auto result = venue().place_order(limit("cand-7-a1", put("500"), Side::Buy, 3, "5.00"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, ReasonCode::ClientOrderIdConflict);
  EXPECT_EQ(result.error().category(), ErrorCategory::InvalidInput);
  EXPECT_EQ(held(put("500")), qty(2));
}

TEST_F(PaperContract, MalformedOrderIsInvalidInputAndNothingIsRecorded) {
  Order order = limit("bad", put("500"), Side::Buy, 1, "5.005");  // off the 0.01 tick
  const auto result = venue().place_order(order);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, ReasonCode::InvalidOrder);
  EXPECT_NE(result.error().message.find("tick"), std::string::npos) << result.error().message;
  EXPECT_EQ(venue().order_status("bad").error().reason, ReasonCode::UnknownOrder);
}

TEST_F(PaperContract, FractionalOptionContractsAreInvalid) {
  Order order = limit("frac", put("500"), Side::Buy, 1, "5.00");
  order.quantity = Quantity::parse("1.5");
  EXPECT_EQ(venue().place_order(order).error().reason, ReasonCode::InvalidOrder);
}

TEST_F(PaperContract, ExpiredContractIsInvalid) {
  const Instrument old = put("500", year{2024} / March / 8);
  EXPECT_EQ(venue().place_order(limit("old", old, Side::Buy, 1, "1.00")).error().reason,
            ReasonCode::InvalidOrder);
}

TEST_F(PaperContract, CancelWorkingThenAgainThenFilledThenUnknown) {
  place(limit("w", put("500"), Side::Buy, 1, "4.00"));
  const auto cancelled = venue().cancel_order("w");
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->status(), OrderStatus::Cancelled);
  EXPECT_TRUE(venue().open_orders().value().empty());

  const auto again = venue().cancel_order("w");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, ReasonCode::OrderNotCancellable);
  EXPECT_EQ(again.error().category(), ErrorCategory::Rejected);

  place(limit("f", put("500"), Side::Buy, 1, "5.00"));
  const auto filled = venue().cancel_order("f");
  ASSERT_FALSE(filled.ok());
  EXPECT_EQ(filled.error().reason, ReasonCode::OrderNotCancellable);
  EXPECT_NE(filled.error().message.find("filled"), std::string::npos);

  const auto unknown = venue().cancel_order("never-sent");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().reason, ReasonCode::UnknownOrder);
  EXPECT_EQ(venue().order_status("never-sent").error().reason, ReasonCode::UnknownOrder);
}

TEST_F(PaperContract, ACancelledOrderDoesNotFillWhenTheMarketArrives) {
  place(limit("w", put("500"), Side::Buy, 1, "4.00"));
  ASSERT_TRUE(venue().cancel_order("w").ok());
  quote(put("500"), 3.90, 4.00);
  venue().match_working_orders();
  EXPECT_TRUE(positions().empty());
}

TEST_F(PaperContract, NonPositiveTimeoutIsAProgrammingError) {
  EXPECT_THROW(venue().account(ports::CallTimeout{0}), std::invalid_argument);
  EXPECT_THROW(venue().place_order(limit("t", put("500"), Side::Buy, 1, "5.00"), milliseconds{-1}),
               std::invalid_argument);
  EXPECT_THROW(venue().crypto()->funding_rate("BTC", milliseconds{0}), std::invalid_argument);
  // Nothing was placed.
  EXPECT_EQ(venue().order_status("t").error().reason, ReasonCode::UnknownOrder);
}

TEST_F(PaperContract, EmptyClientIdIsAnInvalidOrder) {
  EXPECT_EQ(venue().order_status("").error().reason, ReasonCode::InvalidOrder);
  EXPECT_EQ(venue().cancel_order("").error().reason, ReasonCode::InvalidOrder);
}

class PaperSlowVenue : public PaperContract {
 protected:
  PaperSlowVenue() { config_.response_latency = milliseconds{2000}; }
};

TEST_F(PaperSlowVenue, TimedOutPlacementTookEffectAndReconciliationFindsIt) {
  const auto result =
      venue().place_order(limit("c1", put("500"), Side::Buy, 1, "5.00"), milliseconds{1000});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, ReasonCode::VenueTimeout);
  EXPECT_TRUE(result.error().outcome_unknown());
  EXPECT_TRUE(result.error().is_retryable());
  EXPECT_NE(result.error().message.find("2000 ms"), std::string::npos) << result.error().message;

  // Reconciliation with patience: the order is there, filled; a resend places nothing new.
  const auto status = venue().order_status("c1", milliseconds{5000});
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->status(), OrderStatus::Filled);
  const auto resend =
      venue().place_order(limit("c1", put("500"), Side::Buy, 1, "5.00"), milliseconds{5000});
  ASSERT_TRUE(resend.ok());
  EXPECT_EQ(resend->venue_order_id, "P000001");
  EXPECT_EQ(held(put("500")), qty(1));
}

TEST_F(PaperSlowVenue, EveryQueryTimesOutRatherThanWaiting) {
  const milliseconds short_wait{500};
  EXPECT_EQ(venue().account(short_wait).error().reason, ReasonCode::VenueTimeout);
  EXPECT_EQ(venue().positions(short_wait).error().reason, ReasonCode::VenueTimeout);
  EXPECT_EQ(venue().open_orders(short_wait).error().reason, ReasonCode::VenueTimeout);
  EXPECT_EQ(venue().quote(put("500"), short_wait).error().reason, ReasonCode::VenueTimeout);
  // A slow venue is slow to say no as well: no chain is set, yet the answer is a timeout.
  EXPECT_EQ(venue().options()->option_chain({"SPY", {}, {}}, short_wait).error().reason,
            ReasonCode::VenueTimeout);
  EXPECT_EQ(venue().order_status("unknown", short_wait).error().reason, ReasonCode::VenueTimeout);
  EXPECT_EQ(venue().cancel_order("unknown", short_wait).error().reason, ReasonCode::VenueTimeout);
}

TEST_F(PaperContract, UnreachableVenueChangesNothing) {
  venue().set_reachable(false);
  const auto result = venue().place_order(limit("c1", put("500"), Side::Buy, 1, "5.00"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, ReasonCode::VenueUnavailable);
  EXPECT_TRUE(result.error().is_retryable());
  EXPECT_FALSE(result.error().outcome_unknown());
  EXPECT_EQ(venue().account().error().reason, ReasonCode::VenueUnavailable);
  venue().set_reachable(true);
  EXPECT_EQ(venue().order_status("c1").error().reason, ReasonCode::UnknownOrder);
  EXPECT_EQ(account().cash, usd("100000"));
}

TEST_F(PaperContract, QuoteOfAnUnknownInstrumentIsUnavailable) {
  const auto result = venue().quote(call("999"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason, ReasonCode::QuoteUnavailable);
  EXPECT_EQ(venue().quote(put("500"))->ask, 5.00);
}

// Saturday 2024-03-16: NYSE closed. Monday 2024-03-18 opens 09:30 EDT = 13:30 UTC.
TEST_F(PaperContract, DayOrderOutsideTheSessionWaitsForTheOpen) {
  clock_.set(at(year{2024} / March / 16, hours{15}));
  const Instrument april = put("500", kApril);
  quote(april, 9.90, 10.00);
  const auto queued = place(limit("q", april, Side::Buy, 1, "10.00"));
  EXPECT_EQ(queued.status(), OrderStatus::Submitted);
  EXPECT_TRUE(queued.fills.empty());

  clock_.set(at(year{2024} / March / 18, hours{13}, minutes{29}));
  venue().match_working_orders();
  EXPECT_TRUE(positions().empty());
  clock_.set(at(year{2024} / March / 18, hours{13}, minutes{30}));
  venue().match_working_orders();
  const auto filled = venue().order_status("q").value();
  EXPECT_EQ(filled.status(), OrderStatus::Filled);
  EXPECT_EQ(filled.fills.at(0).time, at(year{2024} / March / 18, hours{13}, minutes{30}));
}

TEST_F(PaperContract, IocOutsideTheSessionIsRejectedMarketClosed) {
  clock_.set(at(year{2024} / March / 16, hours{15}));
  const Instrument april = put("500", kApril);
  quote(april, 9.90, 10.00);
  const auto report = place(limit("q", april, Side::Buy, 1, "10.00", TimeInForce::Ioc));
  EXPECT_EQ(report.status(), OrderStatus::Rejected);
  EXPECT_EQ(report.reason, ReasonCode::MarketClosed);
}

TEST_F(PaperContract, DayOrderExpiresAtTheCloseGtcStays) {
  place(limit("day", put("500"), Side::Buy, 1, "4.00"));
  place(limit("gtc", put("500"), Side::Buy, 1, "4.00", TimeInForce::Gtc));
  // Wednesday's close: 16:00 EDT = 20:00 UTC (half-open: closed at 20:00).
  clock_.set(at(year{2024} / March / 13, hours{20}));
  venue().match_working_orders();
  const auto day = venue().order_status("day").value();
  EXPECT_EQ(day.status(), OrderStatus::Expired);
  EXPECT_EQ(day.reason, ReasonCode::MarketClosed);
  EXPECT_EQ(venue().order_status("gtc").value().status(), OrderStatus::Submitted);
  // Thursday the market comes down to the GTC's limit.
  clock_.set(at(year{2024} / March / 14, hours{14}));
  quote(put("500"), 3.90, 4.00);
  venue().match_working_orders();
  EXPECT_EQ(venue().order_status("gtc").value().status(), OrderStatus::Filled);
  EXPECT_EQ(held(put("500")), qty(1));
}

TEST_F(PaperContract, NakedShortCallIsRefusedCoveredCallAccepted) {
  quote(call("520"), 1.50, 1.60);
  const auto naked = place(limit("n", call("520"), Side::Sell, 1, "1.50"));
  EXPECT_EQ(naked.status(), OrderStatus::Rejected);
  EXPECT_EQ(naked.reason, ReasonCode::UncoveredShort);

  quote(us_stock("SPY"), 510.00, 510.00);
  place(limit("shares", us_stock("SPY"), Side::Buy, 100, "510.00"));
  const auto covered = place(limit("cc", call("520"), Side::Sell, 1, "1.50"));
  EXPECT_EQ(covered.status(), OrderStatus::Filled);
  const auto a = account();
  // 100,000 - 51,000 - 1.00 (100 shares: 0.50 -> 1.00 minimum) + 150 - 1.00
  EXPECT_EQ(a.cash, usd("49148.00"));
  EXPECT_EQ(a.margin_used, usd("0"));
  // Selling the covering shares would leave the call naked.
  const auto uncover = place(limit("sell-shares", us_stock("SPY"), Side::Sell, 100, "510.00"));
  EXPECT_EQ(uncover.status(), OrderStatus::Rejected);
  EXPECT_EQ(uncover.reason, ReasonCode::UncoveredShort);
}

TEST_F(PaperContract, ClosingTradeAllowedEvenWhenBuyingPowerIsShort) {
  config_.starting_cash = usd("50500");
  place(limit("sp", put("500"), Side::Sell, 1, "4.90"));
  // 50,500 + 490 - 1 - 50,000 = 989.00 of buying power.
  EXPECT_EQ(account().buying_power, usd("989.00"));
  // The put doubles: buying it back costs more cash but frees the 50,000.
  quote(put("500"), 9.90, 10.00);
  const auto close = place(limit("bp", put("500"), Side::Buy, 1, "10.00"));
  EXPECT_EQ(close.status(), OrderStatus::Filled);
  // 50,989 - 1,000 - 1.00
  EXPECT_EQ(account().cash, usd("49988.00"));
}

}  // namespace
}  // namespace dorado::venue::paper::testing
