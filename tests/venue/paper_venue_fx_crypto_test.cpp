// FX and crypto perpetuals on the paper venue: margined (opening moves no
// cash; realized P&L and fees do), IBKR's FX commission (0.2 bp, USD 2.00
// minimum) and Hyperliquid's taker fee (0.035 %), P&L of a JPY-quoted pair
// converted into the USD account, and the FX/crypto extensions.
#include <gtest/gtest.h>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

const Instrument kEurUsd = fx_pair("EUR_USD");
const Instrument kUsdJpy = fx_pair("USD_JPY");
const Instrument kBtc{.symbol = "BTC",
                      .asset_class = AssetClass::Crypto,
                      .currency = kUsd,
                      .multiplier = 1,
                      .tick_size = Price::parse("0.1"),
                      .pip_size = std::nullopt,
                      .option = std::nullopt};

class PaperFx : public PaperVenueTest {};

TEST_F(PaperFx, MarketBuyChargesTheMinimumAndMarginsFivePercent) {
  quote(kEurUsd, 1.08450, 1.08460);
  const auto report = place(market("fx1", kEurUsd, Side::Buy, qty(10'000)));
  // Ask plus one tick (0.00001).
  EXPECT_EQ(report.fills.at(0).price, px("1.08461"));
  // 0.2 bp of 10,846.10 is 0.216922: the 2.00 minimum applies.
  EXPECT_EQ(report.commission, usd("2.00"));
  const auto a = account();
  // Opening a margined position moves only the fee.
  EXPECT_EQ(a.cash, usd("99998.00"));
  // 5 % of 10,000 x mid 1.08455 = 5 % of 10,845.50.
  EXPECT_EQ(a.margin_used, usd("542.275"));
  // Open P&L at the mid: (1.08455 - 1.08461) x 10,000 = -0.60.
  EXPECT_EQ(a.equity, usd("99997.40"));
  EXPECT_EQ(a.buying_power, usd("99455.125"));

  quote(kEurUsd, 1.09000, 1.09010);
  const auto close = place(market("fx2", kEurUsd, Side::Sell, qty(10'000)));
  EXPECT_EQ(close.fills.at(0).price, px("1.08999"));
  // Realized (1.08999 - 1.08461) x 10,000 = 53.80, less 2.00.
  EXPECT_EQ(account().cash, usd("100049.80"));
  EXPECT_TRUE(positions().empty());
}

TEST_F(PaperFx, LargeTicketPaysTwoTenthsOfABasisPoint) {
  quote(kEurUsd, 1.08450, 1.08460);
  const auto report = place(limit("fx1", kEurUsd, Side::Buy, 1'000'000, "1.08460"));
  // 1,084,600.00 x 0.00002
  EXPECT_EQ(report.commission, usd("21.692"));
  EXPECT_EQ(account().margin_used, usd("54227.50"));  // 5 % of 1,084,550
}

TEST_F(PaperFx, YenPairBooksItsPnlInTheUsdAccountAtTheFillTimeRate) {
  quote(kUsdJpy, 150.000, 150.010);
  const auto open = place(limit("j1", kUsdJpy, Side::Buy, 10'000, "150.010"));
  // The USD 2.00 minimum in yen at mid 150.005: 300.01 JPY (0.2 bp would be 30.002).
  EXPECT_EQ(open.commission, Money::parse("300.01", kJpy));
  auto a = account();
  // 300.01 JPY / 150.005 = 2.00 USD.
  EXPECT_EQ(a.cash, usd("99998.00"));
  // 5 % of 10,000 x 150.005 = 75,002.5 JPY = 500.00 USD.
  EXPECT_EQ(a.margin_used, usd("500"));
  // Open P&L (150.005 - 150.010) x 10,000 = -50 JPY = -0.333322 USD.
  EXPECT_EQ(a.equity, usd("99997.666678"));

  quote(kUsdJpy, 151.000, 151.010);
  const auto close = place(limit("j2", kUsdJpy, Side::Sell, 10'000, "151.000"));
  // Minimum at mid 151.005: 302.01 JPY.
  EXPECT_EQ(close.commission, Money::parse("302.01", kJpy));
  // Realized (151.000 - 150.010) x 10,000 = 9,900 JPY; 9,900 - 302.01 = 9,597.99 JPY
  // = 63.560743 USD at 151.005 (63.5607430217..., rounded half to even).
  a = account();
  EXPECT_EQ(a.cash, usd("100061.560743"));
  EXPECT_TRUE(positions().empty());
}

TEST_F(PaperFx, CrossPairWithoutAConversionQuoteIsRejected) {
  // EUR_GBP trades in GBP; with no GBP_USD or USD_GBP quote the USD 2.00
  // minimum (and the P&L) cannot be put in GBP and USD terms.
  const Instrument eur_gbp = fx_pair("EUR_GBP");
  quote(eur_gbp, 0.85500, 0.85510);
  const auto report = place(market("x1", eur_gbp, Side::Buy, qty(10'000)));
  EXPECT_EQ(report.status(), OrderStatus::Rejected);
  EXPECT_EQ(report.reason, ReasonCode::QuoteUnavailable);
  EXPECT_NE(report.message.find("GBP"), std::string::npos) << report.message;
  EXPECT_TRUE(positions().empty());
  EXPECT_EQ(account().cash, usd("100000"));
}

TEST_F(PaperFx, FxTradesFiveDaysAWeek) {
  // Saturday: the FX market is closed; the order waits for Sunday's open.
  clock_.set(at(year{2024} / March / 16, hours{12}));
  quote(kEurUsd, 1.08450, 1.08460);
  EXPECT_EQ(place(limit("fx1", kEurUsd, Side::Buy, 10'000, "1.08460")).status(),
            OrderStatus::Submitted);
  clock_.set(at(year{2024} / March / 18, hours{12}));
  venue().match_working_orders();
  EXPECT_EQ(held(kEurUsd), qty(10'000));
}

TEST_F(PaperFx, FinancingRatesFromTheMarket) {
  market_.set_financing(ports::FinancingRates{.instrument = "USD_JPY",
                                              .long_rate = 0.0132,
                                              .short_rate = -0.0376,
                                              .days_charged = {1, 1, 3, 1, 1, 0, 0},
                                              .as_of = clock_.now()});
  const auto rates = venue().fx()->financing_rates("USD_JPY");
  ASSERT_TRUE(rates.ok());
  EXPECT_EQ(rates->short_rate, -0.0376);
  EXPECT_EQ(rates->days_charged[2], 3);
  EXPECT_EQ(venue().fx()->financing_rates("EUR_USD").error().reason, ReasonCode::QuoteUnavailable);
}

TEST_F(PaperFx, RolloverFinancingBookedOncePerDayWithTheWednesdayTriple) {
  quote(kEurUsd, 1.08450, 1.08460);
  place(market("fx1", kEurUsd, Side::Buy, qty(10'000)));  // cash 99,998.00
  market_.set_financing(ports::FinancingRates{.instrument = "EUR_USD",
                                              .long_rate = -0.0376,
                                              .short_rate = 0.0152,
                                              .days_charged = {1, 1, 3, 1, 1, 0, 0},
                                              .as_of = clock_.now()});
  // Wednesday 2024-03-13 counts 3 days: 10,845.50 (10,000 at the mid 1.08455)
  // x 3.76 % x 3 / 365 = 3.3517052..., paid by the long.
  const auto wednesday = venue().book_financing(year{2024} / March / 13);
  ASSERT_TRUE(wednesday.ok()) << wednesday.error().message;
  ASSERT_EQ(wednesday->size(), 1u);
  EXPECT_EQ(wednesday->at(0).amount, usd("-3.351705"));
  EXPECT_EQ(account().cash, usd("99994.648295"));
  // Once per day; Saturday charges nothing.
  EXPECT_TRUE(venue().book_financing(year{2024} / March / 13)->empty());
  EXPECT_TRUE(venue().book_financing(year{2024} / March / 16)->empty());
  EXPECT_EQ(venue().carry().size(), 1u);
}

class PaperCrypto : public PaperVenueTest {};

TEST_F(PaperCrypto, FundingPaidByLongsWhenPositiveReceivedWhenNegative) {
  quote(kBtc, 60'000.0, 60'001.0);
  place(market("b1", kBtc, Side::Buy, Quantity::parse("0.5")));  // cash 99,989.499808
  market_.set_funding(ports::PerpFunding{.symbol = "BTC",
                                         .rate = 0.0000125,
                                         .interval = minutes{60},
                                         .mark_price = 60'000.0,
                                         .as_of = clock_.now()});
  // 0.5 x 60,000 x 0.00125 % = 0.375, paid.
  auto charges = venue().book_funding();
  ASSERT_TRUE(charges.ok());
  ASSERT_EQ(charges->size(), 1u);
  EXPECT_EQ(charges->at(0).amount, usd("-0.375"));
  EXPECT_EQ(account().cash, usd("99989.124808"));
  EXPECT_TRUE(venue().book_funding()->empty());  // the same print is booked once

  clock_.advance(hours{1});
  market_.set_funding(ports::PerpFunding{.symbol = "BTC",
                                         .rate = -0.00001,
                                         .interval = minutes{60},
                                         .mark_price = 60'000.0,
                                         .as_of = clock_.now()});
  // Negative rate: shorts pay longs 0.5 x 60,000 x 0.001 % = 0.30.
  charges = venue().book_funding();
  EXPECT_EQ(charges->at(0).amount, usd("0.30"));
  EXPECT_EQ(account().cash, usd("99989.424808"));
}

TEST_F(PaperCrypto, HalfABitcoinAtTheTakerFeeRoundedHalfToEven) {
  // Crypto trades every day: Saturday.
  clock_.set(at(year{2024} / March / 16, hours{12}));
  quote(kBtc, 60'000.0, 60'001.0);
  const auto report = place(market("b1", kBtc, Side::Buy, Quantity::parse("0.5")));
  EXPECT_EQ(report.fills.at(0).price, px("60001.1"));
  // 0.035 % of 30,000.55 = 10.5001925: exactly half a micro-unit, to even.
  EXPECT_EQ(report.commission, usd("10.500192"));
  const auto a = account();
  EXPECT_EQ(a.cash, usd("99989.499808"));
  // 20 % of 0.5 x mid 60,000.5 = 20 % of 30,000.25.
  EXPECT_EQ(a.margin_used, usd("6000.05"));
  // Open P&L 30,000.25 - 30,000.55 = -0.30.
  EXPECT_EQ(a.equity, usd("99989.199808"));
  EXPECT_EQ(a.buying_power, usd("93989.149808"));
}

TEST_F(PaperCrypto, ShortPerpIsAllowedAndProfitsWhenPriceFalls) {
  quote(kBtc, 60'000.0, 60'001.0);
  place(limit("s1", kBtc, Side::Sell, 1, "60000.0"));
  quote(kBtc, 59'000.0, 59'001.0);
  place(limit("s2", kBtc, Side::Buy, 1, "59001.0"));
  // Fees: 0.035 % of 60,000 = 21.00 and of 59,001 = 20.65035; P&L +999.00.
  EXPECT_EQ(account().cash, usd("100957.34965"));
}

TEST_F(PaperCrypto, FundingRateFromTheMarket) {
  market_.set_funding(ports::PerpFunding{.symbol = "BTC",
                                         .rate = 0.0000125,
                                         .interval = minutes{60},
                                         .mark_price = 60'000.5,
                                         .as_of = clock_.now()});
  const auto funding = venue().crypto()->funding_rate("BTC");
  ASSERT_TRUE(funding.ok());
  // 0.00125 % an hour x 8,760 hours.
  EXPECT_NEAR(funding->annualized(), 0.1095, 1e-12);
  EXPECT_EQ(venue().crypto()->funding_rate("ETH").error().reason, ReasonCode::QuoteUnavailable);
}

}  // namespace
}  // namespace dorado::venue::paper::testing
