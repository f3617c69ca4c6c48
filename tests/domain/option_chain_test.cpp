#include "dorado/domain/option_chain.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace dorado {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;

constexpr Date kJan19{year{2024}, January, day{19}};
constexpr Date kFeb16{year{2024}, February, day{16}};
constexpr Date kMar15{year{2024}, March, day{15}};

OptionContract contract(Date expiration, double strike, OptionRight right,
                        std::optional<double> delta, bool other_greeks = true) {
  OptionContract c;
  c.underlying = "SPY";
  c.expiration = expiration;
  c.strike = strike;
  c.right = right;
  c.bid = 1.00;
  c.ask = 1.10;
  c.delta = delta;
  if (other_greeks) {
    c.gamma = 0.01;
    c.theta = -0.05;
    c.vega = 0.20;
  }
  return c;
}

// SPY at 470 on 2024-01-02 (15:00 UTC). DTE: Jan 19 = 17, Feb 16 = 45, Mar 15 = 73.
// Out of expiration order on purpose.
OptionChain spy_chain() {
  const auto put = OptionRight::Put;
  const auto call = OptionRight::Call;
  return OptionChain{
      .underlying = "SPY",
      .spot = 470.0,
      .as_of = sys_days{year{2024} / January / 2} + hours{15},
      .contracts =
          {
              contract(kMar15, 440, put, -0.16),
              contract(kMar15, 500, call, 0.16),
              contract(kFeb16, 440, put, -0.10),
              contract(kFeb16, 450, put, -0.16),
              contract(kFeb16, 455, put, -0.20),
              contract(kFeb16, 460, put, -0.30),
              contract(kFeb16, 480, call, 0.30),
              contract(kFeb16, 485, call, 0.20),
              contract(kFeb16, 490, call, 0.16),
              contract(kFeb16, 500, call, 0.10),
              contract(kJan19, 450, put, -0.08),
              contract(kJan19, 460, put, -0.22, /*other_greeks=*/false),
              contract(kJan19, 480, call, std::nullopt),
          },
  };
}

std::vector<double> strikes(const OptionChain& chain) {
  std::vector<double> out;
  for (const auto& c : chain.contracts) out.push_back(c.strike);
  return out;
}

TEST(OptionContract, DerivedQuoteFigures) {
  OptionContract c = contract(kFeb16, 450, OptionRight::Put, -0.16);
  c.bid = 1.00;  // binary-exact quotes keep the expected figures exact
  c.ask = 1.50;
  EXPECT_EQ(c.mid(), 1.25);
  EXPECT_EQ(c.spread(), 0.50);
  ASSERT_TRUE(c.spread_pct().has_value());
  EXPECT_EQ(*c.spread_pct(), 0.40);  // 0.50 / 1.25
  EXPECT_TRUE(c.has_greeks());
  EXPECT_EQ(c.dte(Date{year{2024}, January, day{2}}), 45);
  EXPECT_EQ(c.dte(kFeb16), 0);
  EXPECT_EQ(c.id().occ_symbol(), "SPY   240216P00450000");

  c.bid = 0.0;
  c.ask = 0.0;
  EXPECT_FALSE(c.spread_pct().has_value());  // no two-sided market
  c.vega.reset();
  EXPECT_FALSE(c.has_greeks());
}

TEST(OptionChain, ExpirationsAreSortedAndDistinct) {
  EXPECT_THAT(spy_chain().expirations(), ElementsAre(kJan19, kFeb16, kMar15));
  EXPECT_TRUE(OptionChain{}.expirations().empty());
}

TEST(OptionChain, FilterByDteIsInclusiveInCalendarDays) {
  const OptionChain chain = spy_chain();
  EXPECT_EQ(chain.as_of_date(), (Date{year{2024}, January, day{2}}));
  // 30..45 keeps only Feb 16 (DTE 45, the upper bound itself).
  const OptionChain feb = chain.filter_by_dte(30, 45);
  EXPECT_THAT(strikes(feb), ElementsAre(440, 450, 455, 460, 480, 485, 490, 500));
  EXPECT_THAT(feb.expirations(), ElementsAre(kFeb16));
  // The lower bound is inclusive too: 17..17 is exactly Jan 19.
  EXPECT_THAT(strikes(chain.filter_by_dte(17, 17)), ElementsAre(450, 460, 480));
  // 46..72 falls between expirations.
  EXPECT_TRUE(chain.filter_by_dte(46, 72).empty());
  EXPECT_THAT(chain.filter_by_dte(30, 80).expirations(), ElementsAre(kFeb16, kMar15));
  // The filtered chain keeps the snapshot's identity.
  EXPECT_EQ(feb.underlying, "SPY");
  EXPECT_EQ(feb.spot, 470.0);
  EXPECT_EQ(feb.as_of, chain.as_of);
  // The original is untouched (value semantics).
  EXPECT_EQ(chain.size(), 13u);
  EXPECT_THROW(chain.filter_by_dte(45, 30), std::invalid_argument);
}

TEST(OptionChain, FilterByExpiration) {
  EXPECT_THAT(strikes(spy_chain().filter_by_expiration(kMar15)), ElementsAre(440, 500));
  EXPECT_TRUE(spy_chain().filter_by_expiration(Date{year{2024}, April, day{19}}).empty());
}

TEST(OptionChain, FilterByDeltaUsesSignedDeltaAndDropsMissing) {
  const OptionChain chain = spy_chain();
  // Puts between -0.20 and -0.10 inclusive: Mar 440 (-0.16), Feb 440 (-0.10),
  // Feb 450 (-0.16), Feb 455 (-0.20). Jan 450 (-0.08) and Jan 460 (-0.22) are out.
  EXPECT_THAT(strikes(chain.filter_by_delta(-0.20, -0.10)), ElementsAre(440, 440, 450, 455));
  // Calls from 0.15 up: Mar 500, Feb 480, 485, 490; the Jan 480 call has no delta.
  EXPECT_THAT(strikes(chain.filter_by_delta(0.15, 1.0)), ElementsAre(500, 480, 485, 490));
  EXPECT_THROW(chain.filter_by_delta(0.3, 0.1), std::invalid_argument);
}

TEST(OptionChain, PutsAndCalls) {
  EXPECT_THAT(strikes(spy_chain().puts()), ElementsAre(440, 440, 450, 455, 460, 450, 460));
  EXPECT_THAT(strikes(spy_chain().calls()), ElementsAre(500, 480, 485, 490, 500, 480));
}

TEST(OptionChain, NearestDeltaPicksTheClosestSignedDelta) {
  const OptionChain feb = spy_chain().filter_by_expiration(kFeb16);
  EXPECT_EQ(feb.nearest_delta(-0.16, OptionRight::Put)->strike, 450);
  EXPECT_EQ(feb.nearest_delta(-0.28, OptionRight::Put)->strike, 460);
  EXPECT_EQ(feb.nearest_delta(0.12, OptionRight::Call)->strike, 500);
  // A put target never selects a call, whatever its delta.
  EXPECT_EQ(feb.nearest_delta(0.16, OptionRight::Put)->strike, 440);
}

TEST(OptionChain, NearestDeltaBreaksTiesTowardTheLowerStrike) {
  // 0.30 and 0.20 are both 0.05 from 0.25: the lower strike, 480, wins.
  const OptionChain feb = spy_chain().filter_by_expiration(kFeb16);
  EXPECT_EQ(feb.nearest_delta(0.25, OptionRight::Call)->strike, 480);
  // -0.16 appears at Feb 450 and Mar 440: equal distance 0, lower strike 440
  // wins even though it is the later expiration.
  const auto across = spy_chain().nearest_delta(-0.16, OptionRight::Put);
  EXPECT_EQ(across->strike, 440);
  EXPECT_EQ(across->expiration, kMar15);
}

TEST(OptionChain, NearestDeltaTreatsDecimalTiesAsTies) {
  // In binary, |-0.35 - -0.25| = 0.09999999999999998 while |-0.15 - -0.25| =
  // 0.10000000000000001: a strict comparison would pick 450. As decimals they
  // are the same distance, so the tie rule applies: lower strike 440.
  OptionChain chain{.underlying = "SPY", .spot = 470.0, .as_of = {}, .contracts = {}};
  chain.contracts = {contract(kFeb16, 450, OptionRight::Put, -0.35),
                     contract(kFeb16, 440, OptionRight::Put, -0.15)};
  EXPECT_EQ(chain.nearest_delta(-0.25, OptionRight::Put)->strike, 440);
}

TEST(OptionChain, NearestDeltaTieOnStrikeGoesToTheEarlierExpiration) {
  OptionChain chain{.underlying = "SPY", .spot = 470.0, .as_of = {}, .contracts = {}};
  chain.contracts = {contract(kMar15, 450, OptionRight::Put, -0.20),
                     contract(kFeb16, 450, OptionRight::Put, -0.20)};
  EXPECT_EQ(chain.nearest_delta(-0.20, OptionRight::Put)->expiration, kFeb16);
}

TEST(OptionChain, NearestDeltaIsEmptyWithoutCandidates) {
  EXPECT_FALSE(OptionChain{}.nearest_delta(0.3, OptionRight::Call).has_value());
  // Only the Jan 480 call is left, and it has no delta.
  const OptionChain jan_calls = spy_chain().filter_by_expiration(kJan19).calls();
  EXPECT_EQ(jan_calls.size(), 1u);
  EXPECT_FALSE(jan_calls.nearest_delta(0.3, OptionRight::Call).has_value());
}

TEST(OptionChain, MissingGreeksFraction) {
  // Jan 460 put (no gamma/theta/vega) and Jan 480 call (no delta): 2 of 13.
  EXPECT_DOUBLE_EQ(spy_chain().missing_greeks_fraction(), 2.0 / 13.0);
  EXPECT_DOUBLE_EQ(spy_chain().filter_by_expiration(kJan19).missing_greeks_fraction(), 2.0 / 3.0);
  EXPECT_EQ(OptionChain{}.missing_greeks_fraction(), 0.0);
}

}  // namespace
}  // namespace dorado
