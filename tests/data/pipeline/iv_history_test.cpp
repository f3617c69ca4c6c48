// The 30-day ATM implied vol of a chain: a hand-built chain with a known
// answer, the edge cases, and the real SPY chain of 2022-07-08.
#include "dorado/data/pipeline/iv_history.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/import/cboe_chain_csv.hpp"
#include "dorado/quant/options/black_scholes.hpp"
#include "support/real_data.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;

const auto& nyse() {
  return calendar::calendar_named("nyse");
}

// Friday 2022-07-08, 16:00 New York (EDT) = 20:00 UTC: the close.
const Timestamp kClose = sys_days{2022y / 7 / 8} + 20h;
constexpr double kSpot = 100.0;
constexpr double kRate = 0.02;

// A chain priced by Black-Scholes-Merton (no dividend) with one flat vol per
// expiration, quoted 2 cents either side of the model price.
struct Expiry {
  Date date;
  double call_vol;
  double put_vol;
};

OptionChain model_chain(const std::vector<Expiry>& expiries, Timestamp as_of = kClose) {
  OptionChain chain{"XYZ", kSpot, as_of, {}};
  for (const auto& e : expiries) {
    const double years =
        duration<double>(sys_days{e.date} + 20h - kClose).count() / (365 * 86400.0);
    for (double k = 90.0; k <= 110.0; k += 2.5)
      for (const auto right : {OptionRight::Call, OptionRight::Put}) {
        quant::BsmInputs in{kSpot, k,   years,
                            kRate, 0.0, right == OptionRight::Call ? e.call_vol : e.put_vol,
                            right};
        const double price = quant::bsm_price(in);
        OptionContract c;
        c.underlying = "XYZ";
        c.expiration = e.date;
        c.strike = k;
        c.right = right;
        c.bid = price - 0.02;
        c.ask = price + 0.02;
        c.quote_time = as_of;
        chain.contracts.push_back(c);
      }
  }
  return chain;
}

TEST(IvHistory, InterpolatesTotalVarianceBetweenTheBracketingExpirations) {
  // 7, 21, 35 and 49 calendar days: 21 and 35 bracket 30.
  const auto chain = model_chain({{2022y / 7 / 15, 0.50, 0.50},
                                  {2022y / 7 / 29, 0.20, 0.20},
                                  {2022y / 8 / 12, 0.25, 0.25},
                                  {2022y / 8 / 26, 0.30, 0.30}});
  const auto result = thirty_day_atm_iv(chain, nyse(), {kRate});
  ASSERT_TRUE(std::holds_alternative<Iv30>(result)) << std::get<std::string>(result);
  const auto& iv = std::get<Iv30>(result);
  EXPECT_EQ(iv.obs_date, 2022y / 7 / 8);
  EXPECT_EQ(iv.valuation, kClose);
  EXPECT_FALSE(iv.extrapolated);
  ASSERT_EQ(iv.used.size(), 2u);
  // Forward by parity: 100 e^{0.02 x 21/365} = 100.115134722; nearest strike 100.
  EXPECT_EQ(iv.used[0].expiration, 2022y / 7 / 29);
  EXPECT_NEAR(iv.used[0].forward, 100.11513472234182, 1e-9);
  EXPECT_EQ(iv.used[0].strike, 100.0);
  EXPECT_NEAR(iv.used[0].years, 21.0 / 365.0, 1e-15);
  EXPECT_NEAR(*iv.used[0].call_iv, 0.20, 1e-12);
  EXPECT_NEAR(*iv.used[0].put_iv, 0.20, 1e-12);
  EXPECT_NEAR(iv.used[1].forward, 100.19196483895374, 1e-9);
  EXPECT_NEAR(iv.used[1].atm_iv, 0.25, 1e-12);
  // w30 = 0.2^2*21 + (0.25^2*35 - 0.2^2*21) * 9/14 = 1.70625 (vol^2 x days);
  // iv30 = sqrt(1.70625 / 30) = 0.23848480035423641.
  EXPECT_NEAR(iv.iv30, 0.23848480035423641, 1e-12);
}

TEST(IvHistory, CallAndPutAgreeAtTheParityForward) {
  // Near expiry: the ATM put quoted 10 cents rich. Parity then reads a lower
  // forward, F = K + e^{rT} (C - P), at that very strike, so call and put
  // still agree with each other there (parity holds by construction) and
  // both read a higher vol than the 20 % the rest of the chain is priced at.
  auto chain = model_chain({{2022y / 7 / 29, 0.20, 0.20}, {2022y / 8 / 12, 0.25, 0.25}});
  double call_mid = 0, put_mid = 0;
  for (auto& c : chain.contracts)
    if (c.expiration == 2022y / 7 / 29 && c.strike == 100.0) {
      if (c.right == OptionRight::Put) c.bid += 0.10, c.ask += 0.10;
      (c.right == OptionRight::Call ? call_mid : put_mid) = c.mid();
    }
  const auto iv = std::get<Iv30>(thirty_day_atm_iv(chain, nyse(), {kRate}));
  const auto& atm = iv.used[0];
  EXPECT_NEAR(atm.forward, 100.0 + std::exp(kRate * 21 / 365.0) * (call_mid - put_mid), 1e-12);
  EXPECT_NEAR(*atm.call_iv, *atm.put_iv, 1e-12);
  EXPECT_DOUBLE_EQ(atm.atm_iv, (*atm.call_iv + *atm.put_iv) / 2);
  EXPECT_GT(atm.atm_iv, 0.205);
}

TEST(IvHistory, UsesTheSideThatSolvesWhenTheOtherDoesNot) {
  auto chain = model_chain({{2022y / 7 / 29, 0.20, 0.20}, {2022y / 8 / 12, 0.25, 0.25}});
  // The ATM call quoted above the forward's discounted value: no vol prices it.
  for (auto& c : chain.contracts)
    if (c.expiration == 2022y / 7 / 29 && c.strike == 100.0 && c.right == OptionRight::Call) {
      c.bid = 150.0;
      c.ask = 150.02;
    }
  // Parity now reads another strike's forward; 100 stays the nearest strike.
  const auto iv = std::get<Iv30>(thirty_day_atm_iv(chain, nyse(), {kRate}));
  EXPECT_FALSE(iv.used[0].call_iv.has_value());
  ASSERT_TRUE(iv.used[0].put_iv.has_value());
  EXPECT_EQ(iv.used[0].atm_iv, *iv.used[0].put_iv);
}

TEST(IvHistory, ExtrapolatesFlatWhenNoExpirationLiesBeyondThirtyDays) {
  const auto chain = model_chain({{2022y / 7 / 15, 0.30, 0.30}, {2022y / 7 / 29, 0.20, 0.20}});
  const auto iv = std::get<Iv30>(thirty_day_atm_iv(chain, nyse(), {kRate}));
  EXPECT_TRUE(iv.extrapolated);
  ASSERT_EQ(iv.used.size(), 1u);
  EXPECT_EQ(iv.used[0].expiration, 2022y / 7 / 29);
  EXPECT_NEAR(iv.iv30, 0.20, 1e-12);
  const auto far = model_chain({{2022y / 8 / 12, 0.25, 0.25}, {2022y / 8 / 26, 0.3, 0.3}});
  const auto far_iv = std::get<Iv30>(thirty_day_atm_iv(far, nyse(), {kRate}));
  EXPECT_TRUE(far_iv.extrapolated);
  EXPECT_NEAR(far_iv.iv30, 0.25, 1e-12);
}

TEST(IvHistory, SkipsExpirationsWithoutTwoSidedQuotes) {
  auto chain = model_chain(
      {{2022y / 7 / 22, 0.22, 0.22}, {2022y / 7 / 29, 0.20, 0.20}, {2022y / 8 / 12, 0.25, 0.25}});
  for (auto& c : chain.contracts)
    if (c.expiration == 2022y / 7 / 29) c.bid = 0;  // no bids: unusable
  const auto iv = std::get<Iv30>(thirty_day_atm_iv(chain, nyse(), {kRate}));
  EXPECT_EQ(iv.used[0].expiration, 2022y / 7 / 22);  // 14 days
  EXPECT_NEAR(iv.iv30,
              std::sqrt((0.22 * 0.22 * 14 + (0.0625 * 35 - 0.22 * 0.22 * 14) * 16 / 21) / 30),
              1e-12);

  for (auto& c : chain.contracts) c.ask = 0;
  EXPECT_EQ(std::get<std::string>(thirty_day_atm_iv(chain, nyse(), {kRate})),
            "no expiration has two-sided call and put quotes to read an at-the-money vol from");
}

TEST(IvHistory, ASnapshotTakenOnSaturdayBelongsToFridaysClose) {
  const Timestamp saturday = sys_days{2022y / 7 / 9} + 21h + 28min;
  EXPECT_EQ(snapshot_day(nyse(), saturday), std::pair(Date{2022y / 7 / 8}, kClose));
  // Intraday: the day itself, valued at the snapshot.
  const Timestamp noon = sys_days{2022y / 7 / 8} + 16h;
  EXPECT_EQ(snapshot_day(nyse(), noon), std::pair(Date{2022y / 7 / 8}, noon));
  // Before Monday's open: Friday.
  const Timestamp monday_early = sys_days{2022y / 7 / 11} + 12h;
  EXPECT_EQ(snapshot_day(nyse(), monday_early), std::pair(Date{2022y / 7 / 8}, kClose));
  // Same chain as the first test, snapshot on Saturday: times from Friday's close.
  const auto chain =
      model_chain({{2022y / 7 / 29, 0.20, 0.20}, {2022y / 8 / 12, 0.25, 0.25}}, saturday);
  EXPECT_NEAR(std::get<Iv30>(thirty_day_atm_iv(chain, nyse(), {kRate})).iv30, 0.23848480035423641,
              1e-12);
}

// The real chain: SPY at the close of Friday 2022-07-08 (spot 388.67); VIX
// closed at 24.64 that day. The 30-day target falls between Fri Aug 05
// (28 days) and Mon Aug 08 (31 days).
TEST(RealDataIvHistory, SpyChainOf20220708) {
  DORADO_REAL_DATA_FILE_OR_SKIP(file, "SPY_chain_2022-07-08.csv");
  const auto parsed = parse_cboe_chain_csv(::dorado::testing::read_text(file), "SPY");
  ASSERT_TRUE(parsed.ok());
  const auto result = thirty_day_atm_iv(parsed.chain, nyse(), {0.0});
  ASSERT_TRUE(std::holds_alternative<Iv30>(result)) << std::get<std::string>(result);
  const auto& iv = std::get<Iv30>(result);
  for (const auto& p : iv.used)
    std::printf("  %s T=%.6f F=%.4f K=%.1f call %.6f put %.6f atm %.6f\n",
                to_iso_date(p.expiration).c_str(), p.years, p.forward, p.strike, *p.call_iv,
                *p.put_iv, p.atm_iv);
  std::printf("  SPY 30-day ATM IV on 2022-07-08: %.6f (VIX closed 24.64)\n", iv.iv30);
  EXPECT_EQ(iv.obs_date, 2022y / 7 / 8);
  ASSERT_EQ(iv.used.size(), 2u);
  EXPECT_EQ(iv.used[0].expiration, 2022y / 8 / 5);
  EXPECT_EQ(iv.used[1].expiration, 2022y / 8 / 8);
  EXPECT_EQ(iv.used[0].strike, 389.0);
  EXPECT_EQ(iv.used[1].strike, 390.0);
  // Independent reference: the same method in a few lines of Python (Black-76
  // on the parity forward, bisection to 1e-15) gives 389.415 / 389.44 for the
  // forwards, ATM vols 0.2292211269 and 0.2216771417, and iv30 0.224051381017.
  EXPECT_NEAR(iv.used[0].forward, 389.415, 1e-9);
  EXPECT_NEAR(iv.used[0].atm_iv, 0.22922112689525953, 1e-9);
  EXPECT_NEAR(iv.used[1].atm_iv, 0.22167714171295694, 1e-9);
  EXPECT_NEAR(iv.iv30, 0.22405138101737482, 1e-9);
  // 22.4 % sits below VIX's 24.6 %, as it should: VIX prices the whole 30-day
  // strip of out-of-the-money options, the put skew included.
  EXPECT_LT(iv.iv30, 0.2464);
}

}  // namespace
}  // namespace dorado::data
