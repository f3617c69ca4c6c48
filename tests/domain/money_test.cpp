#include "dorado/domain/money.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <string>

#include "dorado/domain/notional.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/quantity.hpp"

namespace dorado {
namespace {

using ::testing::HasSubstr;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Money usd(std::string_view amount) {
  return Money::parse(amount, kUsd);
}

template <typename Exception, typename F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const Exception& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception";
  return {};
}

TEST(Currency, AcceptsIsoAndCryptoCodes) {
  EXPECT_EQ(Currency("USD").code(), "USD");
  EXPECT_EQ(Currency("JPY").code(), "JPY");
  EXPECT_EQ(Currency("USDC").code(), "USDC");
  EXPECT_EQ(kBtc.code(), "BTC");
  EXPECT_EQ(Currency("AUD"), kAud);
  EXPECT_NE(kUsd, kUsdc);
}

TEST(Currency, RejectsMalformedCodesWithTheCodeInTheMessage) {
  for (const char* bad : {"usd", "US", "USDCXX", "1BT", "U D", ""}) {
    const auto message = message_of<std::invalid_argument>([&] { Currency c(bad); });
    EXPECT_THAT(message, HasSubstr(std::string("'") + bad + "'")) << bad;
  }
}

TEST(Money, DecimalSumsAreExact) {
  // The classic double failure: 0.1 + 0.2 != 0.3. In micro-units it is
  // 100000 + 200000 == 300000.
  EXPECT_EQ(usd("0.1") + usd("0.2"), usd("0.3"));
  EXPECT_EQ((usd("0.1") + usd("0.2")).micros(), 300'000);
  // One cent ten thousand times is exactly 100.
  Money total(kUsd);
  for (int i = 0; i < 10'000; ++i) total += usd("0.01");
  EXPECT_EQ(total, Money::from_units(100, kUsd));
  // 1.10 - 1.00 is exactly 0.10 (in double it is 0.10000000000000009).
  EXPECT_EQ(usd("1.10") - usd("1.00"), usd("0.10"));
}

TEST(Money, LargeValuesKeepEveryMicroUnit) {
  // 9 trillion dollars plus one micro-dollar: beyond double's 15-16 digits.
  const Money big = usd("9000000000000.000000");
  const Money plus_one = big + Money::from_micros(1, kUsd);
  EXPECT_EQ(plus_one.micros(), 9'000'000'000'000'000'001);
  EXPECT_EQ(plus_one.to_storage(), "9000000000000.000001");
  EXPECT_EQ(usd("9223372036854.775807").micros(), kMax);
  EXPECT_EQ(usd("-9223372036854.775808").micros(), kMin);
  EXPECT_EQ(Money::from_micros(kMin, kUsd).to_storage(), "-9223372036854.775808");
}

TEST(Money, OverflowThrowsInsteadOfWrapping) {
  const Money max = Money::from_micros(kMax, kUsd);
  const Money min = Money::from_micros(kMin, kUsd);
  const Money one = Money::from_micros(1, kUsd);
  EXPECT_THROW(max + one, std::overflow_error);
  EXPECT_THROW(min - one, std::overflow_error);
  EXPECT_THROW(-min, std::overflow_error);
  EXPECT_THROW(max * 2, std::overflow_error);
  EXPECT_THROW(Money::from_units(kMax / 1'000'000 + 1, kUsd), std::overflow_error);
  EXPECT_THROW(max.scaled_by(1.5), std::overflow_error);
  EXPECT_THROW(one.scaled_by(1e300), std::overflow_error);
  EXPECT_THAT(message_of<std::overflow_error>([&] { max + one; }),
              HasSubstr("9223372036854.775807"));
}

TEST(Money, MixingCurrenciesIsAProgrammerErrorNamingBoth) {
  const Money dollars = usd("10");
  const Money euros = Money::parse("10", kEur);
  const auto message = message_of<std::logic_error>([&] { dollars + euros; });
  EXPECT_THAT(message, HasSubstr("10.00 USD"));
  EXPECT_THAT(message, HasSubstr("10.00 EUR"));
  EXPECT_THROW(dollars - euros, std::logic_error);
  EXPECT_THROW((void)(dollars < euros), std::logic_error);
  // Equality across currencies is simply false, not an error.
  EXPECT_FALSE(dollars == euros);
}

TEST(Money, IntegerMultiplicationIsExact) {
  // A 0.65 per-contract fee on 12 contracts is 7.80.
  EXPECT_EQ(usd("0.65") * 12, usd("7.80"));
  EXPECT_EQ(usd("-1.000001") * 3, usd("-3.000003"));
}

TEST(Money, ScalingByADoubleRoundsHalfToEven) {
  // 1.000001 x 0.5 = 0.5000005 exactly; the tie goes to the even micro: 0.500000.
  EXPECT_EQ(usd("1.000001").scaled_by(0.5), usd("0.500000"));
  // 1.000003 x 0.5 = 0.5000015; tie goes to even: 0.500002.
  EXPECT_EQ(usd("1.000003").scaled_by(0.5), usd("0.500002"));
  // Symmetric for negatives.
  EXPECT_EQ(usd("-1.000001").scaled_by(0.5), usd("-0.500000"));
  EXPECT_EQ(usd("-1.000003").scaled_by(0.5), usd("-0.500002"));
  // Not a tie: 1.000001 x 0.75 = 0.75000075 -> 0.750001.
  EXPECT_EQ(usd("1.000001").scaled_by(0.75), usd("0.750001"));
  // 0.1 is 0.1000000000000000055511... in binary; 65000 x that is
  // 6500.00000000000036..., which rounds to exactly 6500.
  EXPECT_EQ(usd("65000").scaled_by(0.1), usd("6500"));
  EXPECT_EQ(usd("123.45").scaled_by(0.0), Money(kUsd));
  EXPECT_THROW(usd("1").scaled_by(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
}

TEST(Money, FromDoubleTakesTheNearestMicroUnit) {
  EXPECT_EQ(Money::from_double(0.1, kUsd).micros(), 100'000);
  EXPECT_EQ(Money::from_double(-2.5e-7, kUsd).micros(), 0);  // -0.25 micro -> 0
  // The double nearest 1.5e-6 is 1.50000000000000003800e-6: just above the tie.
  EXPECT_EQ(Money::from_double(1.5e-6, kUsd).micros(), 2);
}

TEST(Money, ParsesExactDecimals) {
  EXPECT_EQ(usd("1234.56").micros(), 1'234'560'000);
  EXPECT_EQ(usd("-0.000001").micros(), -1);
  EXPECT_EQ(usd("+7").micros(), 7'000'000);
  EXPECT_EQ(usd("0").micros(), 0);
  EXPECT_EQ(usd("-0").micros(), 0);
  EXPECT_EQ(usd("007.50").micros(), 7'500'000);
  EXPECT_EQ(Money::parse("1234.56 USD"), usd("1234.56"));
  EXPECT_EQ(Money::parse("0.5 BTC"), Money::parse("0.5", kBtc));
}

TEST(Money, RejectsMoreThanSixDecimalsWithAClearMessage) {
  EXPECT_EQ(message_of<std::invalid_argument>([] { usd("1.0000001"); }),
            "amount '1.0000001' has 7 decimal places; at most 6 are allowed");
}

TEST(Money, RejectsGarbageWithAClearMessage) {
  for (const char* bad :
       {"abc", "1,234.56", "1e3", " 1", "1 ", "1.", ".5", "--1", "+", "-", "1.2.3", "0x10", "١"}) {
    const auto message = message_of<std::invalid_argument>([&] { usd(bad); });
    EXPECT_EQ(message, std::string("amount '") + bad +
                           "' is not a decimal number (expected digits, an optional sign and at "
                           "most 6 decimals, e.g. -1234.56)")
        << bad;
  }
  EXPECT_EQ(message_of<std::invalid_argument>([] { usd(""); }), "amount is empty");
  EXPECT_EQ(message_of<std::invalid_argument>([] { usd("9223372036854.775808"); }),
            "amount '9223372036854.775808' is out of range (at most 9223372036854.775807 in "
            "magnitude)");
  EXPECT_THROW(usd("100000000000000000000000"), std::invalid_argument);
  EXPECT_THAT(message_of<std::invalid_argument>([] { Money::parse("12.5USD"); }),
              HasSubstr("'<amount> <currency>'"));
  EXPECT_THAT(message_of<std::invalid_argument>([] { Money::parse("12.5 usd"); }),
              HasSubstr("invalid currency code 'usd'"));
}

TEST(Money, FormatsExactly) {
  EXPECT_EQ(usd("1234.56").to_string(), "1234.56 USD");
  EXPECT_EQ(usd("1234.56").to_storage(), "1234.560000");
  EXPECT_EQ(usd("-0.000001").to_string(), "-0.000001 USD");
  EXPECT_EQ(usd("100").to_string(), "100.00 USD");
  EXPECT_EQ(usd("0.5").to_string(), "0.50 USD");
  EXPECT_EQ(Money(kJpy).to_string(), "0.00 JPY");
  EXPECT_EQ(Money::parse("0.000123", kBtc).to_string(), "0.000123 BTC");
}

TEST(Money, ParseFormatRoundTrips) {
  for (std::int64_t micros :
       {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{1'234'560'000},
        std::int64_t{-999'999}, std::int64_t{1'000'000}, kMax, kMin}) {
    const Money m = Money::from_micros(micros, kAud);
    EXPECT_EQ(Money::parse(m.to_storage(), kAud), m) << micros;
    EXPECT_EQ(Money::parse(m.to_string()), m) << micros;
  }
}

TEST(Money, OrdersWithinACurrency) {
  EXPECT_LT(usd("1.00"), usd("1.000001"));
  EXPECT_GT(usd("-1"), usd("-2"));
  EXPECT_LE(usd("3"), usd("3.000000"));
  EXPECT_EQ(usd("-5").abs(), usd("5"));
  EXPECT_TRUE(usd("-0.01").is_negative());
  EXPECT_TRUE(Money(kUsd).is_zero());
}

TEST(Price, IsExactAndSigned) {
  EXPECT_EQ(Price::parse("470.05").micros(), 470'050'000);
  EXPECT_EQ(Price::parse("1.08345").to_string(), "1.08345");
  EXPECT_EQ(Price::parse("3").to_string(), "3.00");
  EXPECT_EQ(Price::parse("-1.20").to_storage(), "-1.200000");
  EXPECT_EQ(Price::parse("0.1") + Price::parse("0.2"), Price::parse("0.3"));
  EXPECT_EQ(Price::from_double(470.0), Price::parse("470"));
  EXPECT_EQ(Price::from_double(1.08345), Price::parse("1.08345"));
  EXPECT_TRUE(Price::parse("1.25").is_multiple_of(Price::parse("0.05")));
  EXPECT_FALSE(Price::parse("1.23").is_multiple_of(Price::parse("0.05")));
  EXPECT_EQ(message_of<std::invalid_argument>([] { Price::parse("1.2345678"); }),
            "price '1.2345678' has 7 decimal places; at most 6 are allowed");
}

TEST(Quantity, FractionalQuantitiesReturnToExactlyZero) {
  Quantity q;
  q += Quantity::parse("0.1");
  q += Quantity::parse("0.2");
  q -= Quantity::parse("0.3");
  EXPECT_TRUE(q.is_zero());
  EXPECT_EQ(Quantity::units(3).to_string(), "3");
  EXPECT_EQ(Quantity::parse("0.015").to_string(), "0.015");
  EXPECT_TRUE(Quantity::units(-2).is_whole());
  EXPECT_FALSE(Quantity::parse("0.5").is_whole());
}

TEST(Notional, WholeQuantitiesAreExact) {
  // 1.25 x 3 contracts x 100 = 375.00
  EXPECT_EQ(notional(Price::parse("1.25"), Quantity::units(3), 100, kUsd), usd("375"));
  // EUR/USD 1.08345 x 10000 units x 1 = 10834.50
  EXPECT_EQ(notional(Price::parse("1.08345"), Quantity::units(10'000), 1, kUsd), usd("10834.50"));
}

TEST(Notional, FractionalQuantitiesRoundHalfToEven) {
  // 65000.123456 x 0.015 = 975.00185184 -> 975.001852
  EXPECT_EQ(notional(Price::parse("65000.123456"), Quantity::parse("0.015"), 1, kUsdc),
            Money::parse("975.001852", kUsdc));
  // 0.000001 x 0.5 = 0.0000005: tie -> 0 (even); 0.000003 x 0.5 = 0.0000015 -> 0.000002.
  EXPECT_EQ(notional(Price::parse("0.000001"), Quantity::parse("0.5"), 1, kUsd).micros(), 0);
  EXPECT_EQ(notional(Price::parse("0.000003"), Quantity::parse("0.5"), 1, kUsd).micros(), 2);
  EXPECT_EQ(notional(Price::parse("-0.000003"), Quantity::parse("0.5"), 1, kUsd).micros(), -2);
}

}  // namespace
}  // namespace dorado
