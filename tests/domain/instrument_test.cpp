#include "dorado/domain/instrument.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace dorado {
namespace {

using namespace std::chrono;
using ::testing::HasSubstr;

const OptionContractId kSpy470Call{"SPY", Date{year{2024}, January, day{19}}, Price::parse("470"),
                                   OptionRight::Call};

TEST(OptionContractId, WritesOccSymbols) {
  EXPECT_EQ(kSpy470Call.occ_symbol(), "SPY   240119C00470000");
  const OptionContractId put{"AAPL", Date{year{2025}, June, day{20}}, Price::parse("182.5"),
                             OptionRight::Put};
  EXPECT_EQ(put.occ_symbol(), "AAPL  250620P00182500");
  const OptionContractId six{"GOOGL1", Date{year{2024}, December, day{6}}, Price::parse("0.5"),
                             OptionRight::Call};
  EXPECT_EQ(six.occ_symbol(), "GOOGL1241206C00000500");
}

TEST(OptionContractId, ParsesOccSymbolsBothPaddedAndUnpadded) {
  EXPECT_EQ(OptionContractId::parse_occ("SPY   240119C00470000"), kSpy470Call);
  EXPECT_EQ(OptionContractId::parse_occ("SPY240119C00470000"), kSpy470Call);
  const auto put = OptionContractId::parse_occ("AAPL  250620P00182500");
  EXPECT_EQ(put.strike, Price::parse("182.5"));
  EXPECT_EQ(put.right, OptionRight::Put);
  EXPECT_EQ(OptionContractId::parse_occ(put.occ_symbol()), put);
}

TEST(OptionContractId, RejectsBadSymbolsWithTheSymbolInTheMessage) {
  for (const char* bad :
       {"SPY", "SPY   240119X00470000", "SPY   241319C00470000", "SPY   240230C00470000",
        "SPY   2401l9C00470000", "TOOLONGX240119C00470000", "      240119C00470000",
        "SPY   240119C00000000"}) {
    try {
      OptionContractId::parse_occ(bad);
      ADD_FAILURE() << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_THAT(e.what(), HasSubstr(std::string("'") + bad + "'"));
    }
  }
}

TEST(OptionContractId, RefusesStrikesOccCannotWrite) {
  OptionContractId fine_strike = kSpy470Call;
  fine_strike.strike = Price::parse("470.0005");
  EXPECT_THROW(fine_strike.occ_symbol(), std::invalid_argument);
  OptionContractId long_root = kSpy470Call;
  long_root.underlying = "BRKB.XYZ";
  EXPECT_THROW(long_root.occ_symbol(), std::invalid_argument);
}

TEST(Instrument, UsEquityOptionHasMultiplier100) {
  const Instrument call = us_equity_option(kSpy470Call);
  EXPECT_EQ(call.symbol, "SPY   240119C00470000");
  EXPECT_EQ(call.asset_class, AssetClass::EquityOptions);
  EXPECT_EQ(call.currency, kUsd);
  EXPECT_EQ(call.multiplier, 100);
  EXPECT_EQ(call.tick_size, Price::parse("0.01"));
  EXPECT_TRUE(call.is_option());
  EXPECT_EQ(*call.option, kSpy470Call);
}

TEST(Instrument, FxPairsUsePipsOfTheQuoteCurrency) {
  const Instrument eurusd = fx_pair("EUR_USD");
  EXPECT_EQ(eurusd.currency, kUsd);
  EXPECT_EQ(eurusd.pip_size, Price::parse("0.0001"));
  EXPECT_EQ(eurusd.tick_size, Price::parse("0.00001"));
  EXPECT_EQ(eurusd.asset_class, AssetClass::Fx);
  const Instrument usdjpy = fx_pair("USD_JPY");
  EXPECT_EQ(usdjpy.currency, kJpy);
  EXPECT_EQ(usdjpy.pip_size, Price::parse("0.01"));
  EXPECT_EQ(usdjpy.tick_size, Price::parse("0.001"));
  EXPECT_FALSE(usdjpy.is_option());
  EXPECT_THROW(fx_pair("EURUSD"), std::invalid_argument);
}

}  // namespace
}  // namespace dorado
