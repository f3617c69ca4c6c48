// Money of a candidate in the account currency before the risk layer sees it.
#include "dorado/engine/scan/proposal_for_risk.hpp"

#include <gtest/gtest.h>

namespace dorado::engine {
namespace {

const Currency kJpy{"JPY"};

TEST(AccountCurrency, AUsdAccountTakesUsdAsItIs) {
  EXPECT_EQ(account_rate(kUsd, "SPY", 590.0, kUsd), 1.0);
  const Money credit = Money::from_units(160, kUsd);
  EXPECT_EQ(in_account_currency(credit, "AUDUSD", 0.62, kUsd), credit);
}

TEST(AccountCurrency, TheQuoteCurrencyOfAUsdBasedPairIsDividedByThePrice) {
  // USDJPY at 150: 3.00 JPY of stop distance per unit is 3 / 150 = 0.02 USD.
  EXPECT_DOUBLE_EQ(*account_rate(kJpy, "USDJPY", 150.0, kUsd), 1.0 / 150.0);
  const auto usd = in_account_currency(Money::from_units(3, kJpy), "USDJPY", 150.0, kUsd);
  ASSERT_TRUE(usd.has_value());
  EXPECT_EQ(*usd, Money::from_micros(20'000, kUsd));
}

TEST(AccountCurrency, AnyOtherMismatchIsRefused) {
  const Currency kGbp{"GBP"};
  // EURGBP in GBP for a USD account: no USD leg to convert through.
  EXPECT_FALSE(account_rate(kGbp, "EURGBP", 0.85, kUsd).has_value());
  // JPY money on a symbol that is not a pair.
  EXPECT_FALSE(in_account_currency(Money::from_units(1, kJpy), "SPY", 590.0, kUsd).has_value());
  // No price, no conversion.
  EXPECT_FALSE(account_rate(kJpy, "USDJPY", 0.0, kUsd).has_value());
}

}  // namespace
}  // namespace dorado::engine
