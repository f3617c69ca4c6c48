// The default commission schedule against the published figures it copies
// (sources in commission_schedule.hpp), computed by hand.
#include "dorado/venue/paper/commission_schedule.hpp"

#include <gtest/gtest.h>

namespace dorado::venue::paper {
namespace {

Money usd(std::string_view text) {
  return Money::parse(text, kUsd);
}
Quantity units(std::int64_t n) {
  return Quantity::units(n);
}

const CommissionSchedule kDefault{};

TEST(CommissionSchedule, OptionsPerContractWithAMinimumPerOrder) {
  const auto owed = [](std::int64_t contracts) {
    return commission_owed(kDefault, ChargeKind::Option, units(contracts), usd("100"),
                           kDefault.minimum(ChargeKind::Option));
  };
  EXPECT_EQ(owed(1), usd("1.00"));   // 0.65 -> minimum 1.00
  EXPECT_EQ(owed(2), usd("1.30"));   // 2 x 0.65
  EXPECT_EQ(owed(10), usd("6.50"));  // 10 x 0.65
  EXPECT_EQ(owed(0), usd("0"));      // nothing filled, nothing owed
}

TEST(CommissionSchedule, StockPerShareBetweenMinimumAndOnePercentCap) {
  const auto owed = [](std::int64_t shares, std::string_view value) {
    return commission_owed(kDefault, ChargeKind::Stock, units(shares), usd(value),
                           kDefault.minimum(ChargeKind::Stock));
  };
  EXPECT_EQ(owed(100, "51000"), usd("1.00"));    // 0.50 -> 1.00 minimum
  EXPECT_EQ(owed(1000, "510000"), usd("5.00"));  // 1,000 x 0.005
  EXPECT_EQ(owed(1000, "300"), usd("3.00"));     // 5.00 capped at 1 % of 300
  EXPECT_EQ(owed(100, "50"), usd("0.50"));       // the cap beats the minimum
}

TEST(CommissionSchedule, FxTwoTenthsOfABasisPointWithTwoDollarMinimum) {
  const auto owed = [](std::string_view value) {
    return commission_owed(kDefault, ChargeKind::Fx, units(1), usd(value),
                           kDefault.minimum(ChargeKind::Fx));
  };
  EXPECT_EQ(owed("10846.10"), usd("2.00"));       // 0.216922 -> 2.00
  EXPECT_EQ(owed("1084600"), usd("21.692"));      // x 0.00002
  EXPECT_EQ(owed("100000"), usd("2.00"));         // exactly 2.00
  EXPECT_EQ(owed("100000.05"), usd("2.000001"));  // just above the minimum
}

TEST(CommissionSchedule, CryptoTakerFeeWithoutMinimum) {
  EXPECT_FALSE(kDefault.minimum(ChargeKind::Crypto).has_value());
  EXPECT_EQ(commission_owed(kDefault, ChargeKind::Crypto, Quantity::parse("0.001"), usd("60"),
                            std::nullopt),
            usd("0.021"));  // 0.035 % of 60
  CommissionSchedule since_2025;
  since_2025.taker_fee_ppm = 450;
  EXPECT_EQ(since_2025.variable(ChargeKind::Crypto, units(1), usd("60000")), usd("27.00"));
}

TEST(CommissionSchedule, ChargeKindFollowsTheInstrument) {
  const Instrument option = us_equity_option(OptionContractId{
      "SPY", std::chrono::year{2024} / 3 / 15, Price::parse("500"), OptionRight::Put});
  EXPECT_EQ(charge_kind(option), ChargeKind::Option);
  EXPECT_EQ(charge_kind(fx_pair("EUR_USD")), ChargeKind::Fx);
  Instrument shares = option;
  shares.option.reset();
  EXPECT_EQ(charge_kind(shares), ChargeKind::Stock);
}

}  // namespace
}  // namespace dorado::venue::paper
