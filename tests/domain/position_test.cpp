#include "dorado/domain/position.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dorado {
namespace {

using namespace std::chrono;

constexpr Date kFeb16{year{2024}, February, day{16}};

Instrument spy(double strike, OptionRight right) {
  return us_equity_option(OptionContractId{"SPY", kFeb16, Price::from_double(strike), right});
}

Money usd(std::string_view amount) {
  return Money::parse(amount, kUsd);
}

Fill fill(const Instrument& instrument, Side side, std::string_view quantity,
          std::string_view price, std::string_view fee = "0") {
  return Fill{.client_order_id = "ord-1",
              .leg_index = 0,
              .instrument = instrument,
              .side = side,
              .quantity = Quantity::parse(quantity),
              .price = Price::parse(price),
              .fee = Money::parse(fee, instrument.currency),
              .time = {}};
}

TEST(PositionLeg, OpensIncreasesAndCloses) {
  PositionLeg leg(spy(470, OptionRight::Call));
  // Buy 2 @ 2.00: basis 2 x 2.00 x 100 = 400.00.
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Buy, "2", "2.00", "1.30")), usd("0"));
  EXPECT_EQ(leg.quantity(), Quantity::units(2));
  EXPECT_EQ(leg.cost_basis(), usd("400"));
  EXPECT_EQ(leg.average_price(), Price::parse("2.00"));
  // Buy 2 more @ 2.50: basis 400 + 500 = 900.00; average 900 / 400 = 2.25.
  leg.apply(fill(leg.instrument(), Side::Buy, "2", "2.50", "1.30"));
  EXPECT_EQ(leg.cost_basis(), usd("900"));
  EXPECT_EQ(leg.average_price(), Price::parse("2.25"));
  // Marked at 3.00: value 4 x 3.00 x 100 = 1200; unrealized 1200 - 900 = 300.
  EXPECT_EQ(leg.market_value(Price::parse("3.00")), usd("1200"));
  EXPECT_EQ(leg.unrealized_pnl(Price::parse("3.00")), usd("300"));
  // Sell 1 @ 3.00: removes 900 x 1/4 = 225 of basis; realized 300 - 225 = 75.
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Sell, "1", "3.00", "0.65")), usd("75"));
  EXPECT_EQ(leg.cost_basis(), usd("675"));
  EXPECT_EQ(leg.average_price(), Price::parse("2.25"));
  // Sell 3 @ 1.80: removes the remaining 675; realized 540 - 675 = -135.
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Sell, "3", "1.80", "1.95")), usd("-135"));
  EXPECT_TRUE(leg.is_flat());
  EXPECT_EQ(leg.cost_basis(), usd("0"));
  EXPECT_FALSE(leg.average_price().has_value());
  // Gross 75 - 135 = -60; cash check: paid 400 + 500, received 300 + 540 -> -60.
  EXPECT_EQ(leg.realized_pnl(), usd("-60"));
  // Fees 1.30 + 1.30 + 0.65 + 1.95 = 5.20; net -65.20.
  EXPECT_EQ(leg.fees(), usd("5.20"));
  EXPECT_EQ(leg.net_realized_pnl(), usd("-65.20"));
}

TEST(PositionLeg, ShortPositionsBookCreditsAsNegativeBasis) {
  PositionLeg leg(spy(450, OptionRight::Put));
  // Sell 2 @ 1.50: basis -300 (a credit); average price 1.50 received.
  leg.apply(fill(leg.instrument(), Side::Sell, "2", "1.50"));
  EXPECT_EQ(leg.quantity(), Quantity::units(-2));
  EXPECT_EQ(leg.cost_basis(), usd("-300"));
  EXPECT_EQ(leg.average_price(), Price::parse("1.50"));
  // Marked at 0.50: value -100; unrealized -100 - (-300) = +200.
  EXPECT_EQ(leg.unrealized_pnl(Price::parse("0.50")), usd("200"));
  // Buy 1 back @ 0.50: closed value -50 (short), removed basis -150,
  // realized -50 - (-150) = +100, i.e. (1.50 - 0.50) x 100.
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Buy, "1", "0.50")), usd("100"));
  EXPECT_EQ(leg.cost_basis(), usd("-150"));
}

TEST(PositionLeg, FlipsThroughZero) {
  PositionLeg leg(spy(470, OptionRight::Call));
  // Long 3 @ 2.00: basis 600.
  leg.apply(fill(leg.instrument(), Side::Buy, "3", "2.00"));
  // Sell 5 @ 2.50: closes 3 (value 750 - basis 600 = +150 realized) and opens
  // short 2 at 2.50 (basis -500).
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Sell, "5", "2.50")), usd("150"));
  EXPECT_EQ(leg.quantity(), Quantity::units(-2));
  EXPECT_EQ(leg.cost_basis(), usd("-500"));
  EXPECT_EQ(leg.average_price(), Price::parse("2.50"));
  // Buy 2 @ 3.00: closed value -600, removed -500, realized -100.
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Buy, "2", "3.00")), usd("-100"));
  EXPECT_TRUE(leg.is_flat());
  // Cash: -600 + 1250 - 600 = +50 = 150 - 100.
  EXPECT_EQ(leg.realized_pnl(), usd("50"));
}

TEST(PositionLeg, UnevenAveragesRoundButRealizedPnlConservesCash) {
  PositionLeg leg(spy(470, OptionRight::Call));
  // Buy 1 @ 1.00 and 2 @ 1.01: basis 100 + 202 = 302; average 302 / 300 =
  // 1.0066666..., shown as 1.006667.
  leg.apply(fill(leg.instrument(), Side::Buy, "1", "1.00"));
  leg.apply(fill(leg.instrument(), Side::Buy, "2", "1.01"));
  EXPECT_EQ(leg.average_price(), Price::parse("1.006667"));
  // Sell 1 @ 1.10: removed 302 / 3 = 100.6666666... -> 100.666667;
  // realized 110 - 100.666667 = 9.333333.
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Sell, "1", "1.10")), usd("9.333333"));
  EXPECT_EQ(leg.cost_basis(), usd("201.333333"));
  // Sell 2 @ 1.10: removes the whole 201.333333; realized 220 - 201.333333 = 18.666667.
  EXPECT_EQ(leg.apply(fill(leg.instrument(), Side::Sell, "2", "1.10")), usd("18.666667"));
  // Total 28.000000 exactly = received 330 - paid 302.
  EXPECT_EQ(leg.realized_pnl(), usd("28"));
}

TEST(PositionLeg, FractionalCryptoQuantitiesAreExact) {
  const Instrument btc{.symbol = "BTC",
                       .asset_class = AssetClass::Crypto,
                       .currency = kUsdc,
                       .multiplier = 1,
                       .tick_size = Price::parse("0.1"),
                       .pip_size = std::nullopt,
                       .option = std::nullopt};
  PositionLeg leg(btc);
  // Buy 0.01 + 0.005 @ 65000.1: basis 650.001 + 325.0005 = 975.0015.
  leg.apply(fill(btc, Side::Buy, "0.01", "65000.1", "0.292500"));
  leg.apply(fill(btc, Side::Buy, "0.005", "65000.1", "0.146250"));
  EXPECT_EQ(leg.quantity(), Quantity::parse("0.015"));
  EXPECT_EQ(leg.cost_basis(), Money::parse("975.0015", kUsdc));
  // Sell 0.015 @ 66000: value 990; realized 990 - 975.0015 = 14.9985; flat exactly.
  EXPECT_EQ(leg.apply(fill(btc, Side::Sell, "0.015", "66000", "0.297000")),
            Money::parse("14.9985", kUsdc));
  EXPECT_TRUE(leg.is_flat());
  // Fees 0.2925 + 0.14625 + 0.297 = 0.73575; net 14.9985 - 0.73575 = 14.26275.
  EXPECT_EQ(leg.net_realized_pnl(), Money::parse("14.26275", kUsdc));
}

TEST(PositionLeg, RejectsFillsThatDoNotBelong) {
  PositionLeg leg(spy(470, OptionRight::Call));
  EXPECT_THROW(leg.apply(fill(spy(480, OptionRight::Call), Side::Buy, "1", "1.00")),
               std::logic_error);
  Fill euro_fee = fill(leg.instrument(), Side::Buy, "1", "1.00");
  euro_fee.fee = Money::parse("0.65", kEur);
  EXPECT_THROW(leg.apply(euro_fee), std::logic_error);
  EXPECT_THROW(leg.apply(fill(leg.instrument(), Side::Buy, "0", "1.00")), std::logic_error);
  EXPECT_TRUE(leg.is_flat());
  EXPECT_EQ(leg.fees(), usd("0"));  // a refused fill changes nothing
}

// SPY Feb-16 iron condor, 2 contracts per leg, 0.65 fee per contract:
// long 440 put, short 450 put, short 490 call, long 500 call.
TEST(Position, IronCondorOpenedForACreditClosedForADebit) {
  const Instrument long_put = spy(440, OptionRight::Put);
  const Instrument short_put = spy(450, OptionRight::Put);
  const Instrument short_call = spy(490, OptionRight::Call);
  const Instrument long_call = spy(500, OptionRight::Call);
  Position condor(kUsd);

  // Open 2 condors for a net credit of 1.60 + 1.50 - 0.80 - 0.70 = 1.60:
  //   buy  440P @ 0.80 -> basis +160    fee 1.30
  //   sell 450P @ 1.60 -> basis -320    fee 1.30
  //   sell 490C @ 1.50 -> basis -300    fee 1.30
  //   buy  500C @ 0.70 -> basis +140    fee 1.30
  condor.apply(fill(long_put, Side::Buy, "2", "0.80", "1.30"));
  condor.apply(fill(short_put, Side::Sell, "2", "1.60", "1.30"));
  condor.apply(fill(short_call, Side::Sell, "2", "1.50", "1.30"));
  condor.apply(fill(long_call, Side::Buy, "2", "0.70", "1.30"));
  ASSERT_EQ(condor.legs().size(), 4u);
  // Net basis 160 - 320 - 300 + 140 = -320: a 320.00 credit (1.60 x 2 x 100).
  EXPECT_EQ(condor.cost_basis(), usd("-320"));
  EXPECT_EQ(condor.fees(), usd("5.20"));
  EXPECT_EQ(condor.leg(short_put.symbol)->quantity(), Quantity::units(-2));
  EXPECT_EQ(condor.leg(short_put.symbol)->average_price(), Price::parse("1.60"));
  EXPECT_FALSE(condor.is_flat());

  // Close 1 condor for a debit of 0.60 + 0.55 - 0.30 - 0.20 = 0.65:
  //   sell 440P @ 0.30: value  +30, removed basis  +80 -> -50
  //   buy  450P @ 0.60: value  -60, removed basis -160 -> +100
  //   buy  490C @ 0.55: value  -55, removed basis -150 -> +95
  //   sell 500C @ 0.20: value  +20, removed basis  +70 -> -50
  //   realized -50 + 100 + 95 - 50 = 95 = (1.60 - 0.65) x 100
  EXPECT_EQ(condor.apply(fill(long_put, Side::Sell, "1", "0.30", "0.65")), usd("-50"));
  EXPECT_EQ(condor.apply(fill(short_put, Side::Buy, "1", "0.60", "0.65")), usd("100"));
  EXPECT_EQ(condor.apply(fill(short_call, Side::Buy, "1", "0.55", "0.65")), usd("95"));
  EXPECT_EQ(condor.apply(fill(long_call, Side::Sell, "1", "0.20", "0.65")), usd("-50"));
  EXPECT_EQ(condor.realized_pnl(), usd("95"));
  EXPECT_EQ(condor.cost_basis(), usd("-160"));  // one condor's credit still open

  // Close the other for a debit of 0.25 + 0.40 - 0.10 - 0.05 = 0.50:
  //   sell 440P @ 0.10: +10 - 80    = -70
  //   buy  450P @ 0.25: -25 + 160   = +135
  //   buy  490C @ 0.40: -40 + 150   = +110
  //   sell 500C @ 0.05:  +5 - 70    = -65
  //   realized 110 = (1.60 - 0.50) x 100
  condor.apply(fill(long_put, Side::Sell, "1", "0.10", "0.65"));
  condor.apply(fill(short_put, Side::Buy, "1", "0.25", "0.65"));
  condor.apply(fill(short_call, Side::Buy, "1", "0.40", "0.65"));
  condor.apply(fill(long_call, Side::Sell, "1", "0.05", "0.65"));

  EXPECT_TRUE(condor.is_flat());
  EXPECT_EQ(condor.cost_basis(), usd("0"));
  // Gross 95 + 110 = 205; fees: 16 contracts traded (8 to open, 8 to close)
  // x 0.65 = 10.40; net 205 - 10.40 = 194.60.
  EXPECT_EQ(condor.realized_pnl(), usd("205"));
  EXPECT_EQ(condor.fees(), usd("10.40"));
  EXPECT_EQ(condor.net_realized_pnl(), usd("194.60"));
  // Per leg: long put -120, short put +235, short call +205, long call -115.
  EXPECT_EQ(condor.leg(long_put.symbol)->realized_pnl(), usd("-120"));
  EXPECT_EQ(condor.leg(short_put.symbol)->realized_pnl(), usd("235"));
  EXPECT_EQ(condor.leg(short_call.symbol)->realized_pnl(), usd("205"));
  EXPECT_EQ(condor.leg(long_call.symbol)->realized_pnl(), usd("-115"));
}

TEST(PositionLeg, AnOverflowingFillChangesNothing) {
  PositionLeg leg(spy(470, OptionRight::Call));
  leg.apply(fill(leg.instrument(), Side::Buy, "1", "2.00", "0.65"));
  // 9e12 x 100 overflows the micro-unit range after the fee was read.
  EXPECT_THROW(leg.apply(fill(leg.instrument(), Side::Buy, "1", "9000000000000", "0.65")),
               std::overflow_error);
  EXPECT_EQ(leg.quantity(), Quantity::units(1));
  EXPECT_EQ(leg.cost_basis(), usd("200"));
  EXPECT_EQ(leg.fees(), usd("0.65"));
}

TEST(Position, ARefusedFirstFillAddsNoLeg) {
  Position position(kUsd);
  EXPECT_THROW(position.apply(fill(spy(470, OptionRight::Call), Side::Buy, "0", "1.00")),
               std::logic_error);
  EXPECT_TRUE(position.legs().empty());
}

TEST(Position, RefusesAFillInAnotherCurrency) {
  Position position(kUsd);
  const Instrument eurjpy = fx_pair("EUR_JPY");
  Fill f = fill(eurjpy, Side::Buy, "10000", "160.123");
  EXPECT_THROW(position.apply(f), std::logic_error);
  EXPECT_TRUE(position.legs().empty());
  EXPECT_TRUE(position.is_flat());
  EXPECT_EQ(position.leg("EUR_JPY"), nullptr);
}

TEST(Fill, ValueAndCashFlow) {
  // Sell 2 @ 1.60 on a 100 multiplier: value 320, cash in 320 - 1.30 = 318.70.
  const Fill sale = fill(spy(450, OptionRight::Put), Side::Sell, "2", "1.60", "1.30");
  EXPECT_EQ(sale.value(), usd("320"));
  EXPECT_EQ(sale.cash_flow(), usd("318.70"));
  const Fill purchase = fill(spy(440, OptionRight::Put), Side::Buy, "2", "0.80", "1.30");
  EXPECT_EQ(purchase.cash_flow(), usd("-161.30"));
}

}  // namespace
}  // namespace dorado
