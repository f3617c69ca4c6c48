// Buying power per structure, checked against hand arithmetic.
#include "dorado/risk/margin.hpp"

#include <gtest/gtest.h>

#include "dorado/risk/structure_shape.hpp"
#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;

TEST(Margin, IronCondorIsTheWiderSideMinusCredit) {
  // 5-wide both sides, credit 1.60: 5 x 100 - 160 = 340 per condor; 3 condors = 1,020.
  const auto p = iron_condor("475", "480", "520", "525", "160", "340");
  const auto m = margin_for(p, std::nullopt, Quantity::units(3));
  EXPECT_EQ(m.buying_power, usd("1020"));
  EXPECT_EQ(m.rule, "defined_risk_spread");
  EXPECT_TRUE(m.shares_required.is_zero());
}

TEST(Margin, AsymmetricCondorUsesTheWiderWing) {
  // Put wing 5 wide, call wing 10 wide, credit 2.00: 10 x 100 - 200 = 800 (not 5 + 10).
  const auto p = iron_condor("470", "475", "520", "530", "200", "800");
  EXPECT_EQ(margin_for(p, std::nullopt, Quantity::units(1)).buying_power, usd("800"));
}

TEST(Margin, PutVerticalIsWidthTimesMultiplierMinusCredit) {
  // Bull put 470/465 for 1.20: 5 x 100 - 120 = 380; 2 spreads = 760.
  auto p = iron_condor("475", "480", "520", "525", "120", "380");
  p.structure = config::Structure::PutVertical;
  p.candidate.legs = {option_leg(OptionRight::Put, Side::Buy, "465"),
                      option_leg(OptionRight::Put, Side::Sell, "470")};
  EXPECT_EQ(margin_for(p, std::nullopt, Quantity::units(2)).buying_power, usd("760"));
}

TEST(Margin, DebitSpreadTiesUpItsDebit) {
  auto p = iron_condor("475", "480", "520", "525", "-50", "50");
  p.structure = config::Structure::PutVertical;
  p.candidate.legs = {option_leg(OptionRight::Put, Side::Buy, "465"),
                      option_leg(OptionRight::Put, Side::Sell, "470")};
  EXPECT_EQ(margin_for(p, std::nullopt, Quantity::units(1)).buying_power, usd("50"));
}

TEST(Margin, CashSecuredPutIsStrikeTimesHundredMinusCredit) {
  // 450 put for 3.25: 450 x 100 - 325 = 44,675; 2 puts = 89,350.
  const auto p = single_short(config::Structure::ShortPut, OptionRight::Put, "450", "325", "44675");
  const auto m = margin_for(p, std::nullopt, Quantity::units(2));
  EXPECT_EQ(m.buying_power, usd("89350"));
  EXPECT_EQ(m.rule, "cash_secured_put");
}

TEST(Margin, CoveredCallNeedsTheSharesNotCash) {
  // 2 calls cover 2 x 100 = 200 shares.
  const auto p =
      single_short(config::Structure::CoveredCall, OptionRight::Call, "520", "180", "51820");
  const auto m = margin_for(p, std::nullopt, Quantity::units(2));
  EXPECT_TRUE(m.buying_power.is_zero());
  EXPECT_EQ(m.shares_required, Quantity::units(200));
  EXPECT_EQ(m.rule, "covered_call");
}

TEST(Margin, WheelFollowsItsPhase) {
  const auto put = single_short(config::Structure::Wheel, OptionRight::Put, "450", "325", "44675");
  EXPECT_EQ(margin_for(put, std::nullopt, Quantity::units(1)).rule, "cash_secured_put");
  const auto call = single_short(config::Structure::Wheel, OptionRight::Call, "470", "200", "0");
  EXPECT_EQ(margin_for(call, std::nullopt, Quantity::units(1)).rule, "covered_call");
}

TEST(Margin, FxIsNotionalOverLeverage) {
  // 83,333 EUR at 1.085 = 90,416.305 USD notional; / 3 = 30,138.768333 (rounded to the micro).
  const auto p =
      momentum("eurusd-01", "EUR_USD", AssetClass::Fx, "1.085", "0.012", Quantity::units(1), 0.06);
  const auto m = margin_for(p, 3.0, Quantity::units(83333));
  EXPECT_EQ(m.buying_power, usd("30138.768333"));
  EXPECT_EQ(m.rule, "leverage");
}

TEST(Margin, UnleveredCryptoTiesUpItsNotional) {
  // 0.05 BTC x 60,000 = 3,000; a leverage below 1 is treated as unlevered.
  const auto p =
      momentum("btc", "BTC", AssetClass::Crypto, "60000", "5000", Quantity::parse("0.00001"), 0.9);
  EXPECT_EQ(margin_for(p, std::nullopt, Quantity::parse("0.05")).buying_power, usd("3000"));
  EXPECT_EQ(margin_for(p, 0.5, Quantity::parse("0.05")).buying_power, usd("3000"));
}

TEST(Margin, LegsThatAreNotTheStructureThrow) {
  auto p = iron_condor("475", "480", "520", "525", "160", "340");
  p.candidate.legs.pop_back();
  EXPECT_THROW(margin_for(p, std::nullopt, Quantity::units(1)), std::invalid_argument);
}

TEST(StructureShape, ReadsAnIronCondor) {
  const auto p = iron_condor("475", "480", "520", "525", "160", "340");
  const auto r = read_structure(config::Structure::IronCondor, p.candidate);
  ASSERT_TRUE(r.shape.has_value());
  ASSERT_EQ(r.shape->verticals.size(), 2u);
  EXPECT_EQ(r.shape->verticals[0].width(), Price::parse("5"));
  EXPECT_EQ(r.shape->verticals[1].short_strike, Price::parse("520"));
}

TEST(StructureShape, NamesWhatIsWrong) {
  // Wings inside the shorts.
  auto inverted = iron_condor("485", "480", "520", "525", "160", "340");
  EXPECT_EQ(read_structure(config::Structure::IronCondor, inverted.candidate).problem,
            "iron condor needs a short put above a long put");
  // Short put above the short call.
  auto crossed = iron_condor("525", "530", "520", "535", "160", "340");
  EXPECT_EQ(read_structure(config::Structure::IronCondor, crossed.candidate).problem,
            "iron condor's short put must be below its short call");
  // Mixed expirations.
  auto mixed = iron_condor("475", "480", "520", "525", "160", "340");
  mixed.candidate.legs[3] =
      option_leg(OptionRight::Call, Side::Buy, "525", "SPY", year{2024} / May / 17);
  EXPECT_EQ(read_structure(config::Structure::IronCondor, mixed.candidate).problem,
            "iron condor needs 4 option legs of one underlying, expiration and ratio");
  // A covered call cannot be a short put.
  const auto put = single_short(config::Structure::CoveredCall, OptionRight::Put, "450", "1", "1");
  EXPECT_EQ(read_structure(config::Structure::CoveredCall, put.candidate).problem,
            "covered_call cannot be a short put");
  // Momentum wants the underlying itself.
  EXPECT_EQ(read_structure(config::Structure::Momentum, inverted.candidate).problem,
            "momentum needs exactly one leg in the underlying itself");
}

TEST(StructureShape, DaysToExpirationFromTheAsOfDate) {
  // 2024-03-11 -> 2024-04-19: 20 days left in March + 19 = 39.
  const auto p = iron_condor("475", "480", "520", "525", "160", "340");
  EXPECT_EQ(days_to_expiration(p.candidate), 39);
  const auto m = momentum("b", "BTC", AssetClass::Crypto, "1", "1", Quantity::units(1), 0.5);
  EXPECT_FALSE(days_to_expiration(m.candidate).has_value());
}

}  // namespace
}  // namespace dorado::risk
