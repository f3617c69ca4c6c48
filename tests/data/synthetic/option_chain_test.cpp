// Synthetic option chains: listed expirations and strikes, quotes, parity,
// greeks, and the injected chain-quality problems.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/synthetic/listed_expirations.hpp"
#include "dorado/data/synthetic/option_chain_builder.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"
#include "dorado/data/synthetic/volatility_surface.hpp"
#include "dorado/quant/options/black_scholes.hpp"

namespace dorado::data::synthetic {
namespace {

using namespace std::chrono;

const SyntheticMarket& clean_market() {
  static const SyntheticMarket m([] {
    SyntheticMarketConfig c;
    c.chain_problems = ChainProblemRates::none();
    return c;
  }());
  return m;
}

const auto& nyse() {
  return calendar::calendar_named("nyse");
}

TEST(SyntheticExpirations, WeekliesAndMonthliesSkipHolidays) {
  // Wednesday 2024-03-20: the next Friday, 2024-03-29, is Good Friday, so that
  // weekly expires Thursday 2024-03-28.
  const auto e = listed_expirations(Date{year{2024}, March, day{20}}, nyse());
  EXPECT_EQ(e.front(), (Date{year{2024}, March, day{22}}));  // a weekly: March's monthly was 3/15
  EXPECT_EQ(e[1], (Date{year{2024}, March, day{28}}));
  EXPECT_EQ(std::count(e.begin(), e.end(), Date{year{2024}, March, day{29}}), 0);
  // 8 weeklies (3/22 .. 5/10) plus the 12 monthlies April 2024 .. March 2025.
  const std::vector<Date> monthlies{
      Date{year{2025}, March, day{21}},     Date{year{2024}, April, day{19}},
      Date{year{2024}, May, day{17}},       Date{year{2024}, June, day{21}},
      Date{year{2024}, July, day{19}},      Date{year{2024}, August, day{16}},
      Date{year{2024}, September, day{20}}, Date{year{2024}, October, day{18}},
      Date{year{2024}, November, day{15}},  Date{year{2024}, December, day{20}},
      Date{year{2025}, January, day{17}},   Date{year{2025}, February, day{21}}};
  for (const Date m : monthlies) {
    EXPECT_EQ(std::count(e.begin(), e.end(), m), 1) << to_iso_date(m);
    EXPECT_TRUE(is_monthly_expiration(m, nyse()));
  }
  EXPECT_FALSE(is_monthly_expiration(Date{year{2024}, March, day{28}}, nyse()));
  EXPECT_FALSE(is_monthly_expiration(Date{year{2024}, March, day{22}}, nyse()));
  EXPECT_TRUE(is_monthly_expiration(Date{year{2024}, March, day{15}}, nyse()));
  EXPECT_EQ(e.size(), 8u + 12u - 1u);  // 4/19 is both a weekly and a monthly
  EXPECT_TRUE(std::is_sorted(e.begin(), e.end()));
  for (const Date d : e) EXPECT_TRUE(nyse().is_trading_day(d)) << to_iso_date(d);
}

TEST(SyntheticExpirations, AFridayQuoteDayListsTheNextFridayFirst) {
  const auto e = listed_expirations(Date{year{2022}, July, day{8}}, nyse());
  EXPECT_EQ(e.front(), (Date{year{2022}, July, day{15}}));  // as in the CBOE export, minus Mon/Wed
  // A monthly that falls on Good Friday moves to Thursday: April 2014's third
  // Friday was Good Friday (April 18), so it expired April 17.
  const auto e2014 = listed_expirations(Date{year{2014}, March, day{3}}, nyse());
  EXPECT_EQ(std::count(e2014.begin(), e2014.end(), Date{year{2014}, April, day{17}}), 1);
  EXPECT_TRUE(is_monthly_expiration(Date{year{2014}, April, day{17}}, nyse()));
}

TEST(SyntheticStrikes, GridIsOneDollarNearTheMoneyAndFiveBeyondForSpy) {
  const StrikeGrid grid = strike_grid("SPY");
  const auto k = listed_strikes(grid, 400.0, 300.0, 470.0, 30);
  EXPECT_EQ(k.front(), 300.0);
  EXPECT_EQ(k.back(), 470.0);
  for (const double s : k) {
    if (s < 360.0 || s > 440.0) {
      EXPECT_EQ(std::fmod(s, 5.0), 0.0) << s;
    }
  }
  EXPECT_EQ(std::count_if(k.begin(), k.end(), [](double s) { return s >= 360 && s <= 440; }), 81);
  EXPECT_EQ(k.size(), 81u + 12u + 6u);
  const auto gld = listed_strikes(strike_grid("GLD"), 180.0, 170.0, 190.0, 20);
  EXPECT_NE(std::find(gld.begin(), gld.end(), 180.5), gld.end());
  EXPECT_EQ(std::find(gld.begin(), gld.end(), 170.5), gld.end());  // 5.3 % away: $1 grid
  const auto gld_far = listed_strikes(strike_grid("GLD"), 180.0, 170.0, 190.0, 90);
  EXPECT_EQ(std::find(gld_far.begin(), gld_far.end(), 180.5), gld_far.end());
  EXPECT_THROW((void)strike_grid("QQQ"), std::invalid_argument);
}

class SyntheticChainStructure : public ::testing::TestWithParam<const char*> {};

TEST_P(SyntheticChainStructure, ContractsAreOnTheGridWithSaneQuotesAndParity) {
  const std::string underlying = GetParam();
  for (const Date day : {Date{year{2008}, October, day{15}}, Date{year{2013}, June, day{3}},
                         Date{year{2021}, December, day{23}}}) {
    const auto got = clean_market().option_chain(underlying, day);
    ASSERT_TRUE(got.has_value());
    const OptionChain& chain = got->chain;
    ASSERT_GT(chain.size(), 400u) << underlying;
    EXPECT_TRUE(got->problems.empty());
    EXPECT_EQ(got->listed_contracts, chain.size());
    EXPECT_EQ(chain.spot, clean_market().bar(underlying, day)->close);
    EXPECT_EQ(chain.as_of, nyse().session(day)->close);
    EXPECT_EQ(chain.expirations(), listed_expirations(day, nyse()));

    const StrikeGrid grid = strike_grid(underlying);
    const double q = dividend_yield(underlying);
    const double r = clean_market().config().risk_free_rate;
    std::map<std::pair<Date, double>, std::pair<const OptionContract*, const OptionContract*>>
        pairs;
    for (const OptionContract& c : chain.contracts) {
      const double cents = std::round(c.strike * 100.0);
      ASSERT_EQ(std::fmod(cents, grid.fine_step * 100.0), 0.0) << c.strike;
      const bool near = std::fabs(c.strike / chain.spot - 1.0) <= grid.fine_band;
      if (!near) {
        ASSERT_EQ(std::fmod(cents, grid.coarse_step * 100.0), 0.0) << c.strike;
      }
      ASSERT_GE(c.bid, 0.0);
      ASSERT_GE(c.ask, 0.01);
      ASSERT_LE(c.bid, c.ask);
      ASSERT_GE(c.spread(), 0.01 - 1e-12);
      ASSERT_NEAR(std::round(c.bid * 100.0), c.bid * 100.0, 1e-9);  // whole cents
      ASSERT_NEAR(std::round(c.ask * 100.0), c.ask * 100.0, 1e-9);
      ASSERT_TRUE(c.has_greeks() && c.implied_vol.has_value());
      ASSERT_GT(*c.implied_vol, 0.02);
      ASSERT_LT(*c.implied_vol, 3.0);
      ASSERT_GE(c.open_interest, 0);
      ASSERT_GE(c.volume, 0);
      ASSERT_EQ(c.quote_time, chain.as_of);
      if (c.right == OptionRight::Call) {
        ASSERT_GE(*c.delta, 0.0);
        ASSERT_LE(*c.delta, 1.0);
      } else {
        ASSERT_LE(*c.delta, 0.0);
        ASSERT_GE(*c.delta, -1.0);
      }
      ASSERT_GE(*c.gamma, 0.0);
      ASSERT_GE(*c.vega, 0.0);
      // Greeks are the model's at the quoted IV (theta per day, vega per point).
      const double years = c.dte(day) / 365.0;
      const quant::BsmGreeks g =
          quant::bsm_greeks({chain.spot, c.strike, years, r, q, *c.implied_vol, c.right});
      ASSERT_NEAR(*c.delta, g.delta, 1e-12);
      ASSERT_NEAR(*c.vega, g.vega_per_point(), 1e-12);
      ASSERT_LE(c.bid, g.price + 1e-9);
      ASSERT_GE(c.ask, g.price - 1e-9);
      auto& pair = pairs[{c.expiration, c.strike}];
      (c.right == OptionRight::Call ? pair.first : pair.second) = &c;
    }
    // Put-call parity on mids, within half the two spreads.
    for (const auto& [key, pair] : pairs) {
      ASSERT_TRUE(pair.first && pair.second);
      const double years = pair.first->dte(day) / 365.0;
      const double forward_value =
          chain.spot * std::exp(-q * years) - key.second * std::exp(-r * years);
      const double gap = pair.first->mid() - pair.second->mid() - forward_value;
      ASSERT_LE(std::fabs(gap), (pair.first->spread() + pair.second->spread()) / 2.0 + 1e-9)
          << underlying << " " << to_iso_date(key.first) << " " << key.second;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Underlyings, SyntheticChainStructure,
                         ::testing::Values("SPY", "TLT", "GLD"));

TEST(SyntheticChainQuotes, SpreadsWidenAwayFromTheMoneyAndAtLowPrices) {
  const auto got = clean_market().option_chain("SPY", Date{year{2013}, June, day{3}});
  const OptionChain monthly = got->chain.filter_by_dte(25, 60);
  const Date expiry = monthly.expirations().front();
  const OptionChain puts = monthly.filter_by_expiration(expiry).puts();
  const auto atm = std::min_element(
      puts.contracts.begin(), puts.contracts.end(), [&](const auto& a, const auto& b) {
        return std::fabs(a.strike - got->chain.spot) < std::fabs(b.strike - got->chain.spot);
      });
  const auto far_otm = puts.contracts.front();  // lowest strike
  const auto deep_itm = puts.contracts.back();  // highest strike
  EXPECT_LT(*atm->spread_pct(), 0.05);
  EXPECT_GT(deep_itm.spread(), atm->spread());
  // Relative spreads are widest on the cheap wings.
  ASSERT_TRUE(far_otm.spread_pct().has_value());
  EXPECT_GT(*far_otm.spread_pct(), *atm->spread_pct());
  // Put skew: the far out-of-the-money put trades at a higher IV than ATM.
  EXPECT_GT(*far_otm.implied_vol, *atm->implied_vol * 1.3);
  // Open interest is largest near the money.
  EXPECT_GT(atm->open_interest, far_otm.open_interest);
}

TEST(SyntheticChainSurface, ImpliedVolFollowsVixAndTheCurveInvertsInACrisis) {
  // The ATM 30-day IV of SPY tracks VIX on every sampled day, and a day with
  // VIX above VIX3M has a front ATM IV above the back one.
  const auto& vix = clean_market().bars("VIX");
  int inverted_seen = 0;
  for (std::size_t i = 200; i < vix.size(); i += 97) {
    const Date day = vix[i].date();
    const auto chain = clean_market().option_chain("SPY", day)->chain;
    const auto front = chain.filter_by_dte(20, 45);
    const auto back = chain.filter_by_dte(150, 250);
    const auto atm_front = front.nearest_delta(0.5, OptionRight::Call);
    const auto atm_back = back.nearest_delta(0.5, OptionRight::Call);
    ASSERT_TRUE(atm_front && atm_back);
    EXPECT_NEAR(*atm_front->implied_vol, 0.92 * vix[i].close / 100.0, 0.25 * vix[i].close / 100.0);
    const double vix3m = clean_market().bar("VIX3M", day)->close;
    if (vix[i].close > vix3m * 1.05) {
      ++inverted_seen;
      EXPECT_GT(*atm_front->implied_vol, *atm_back->implied_vol) << to_iso_date(day);
    }
    if (vix[i].close < vix3m * 0.9) {
      EXPECT_LT(*atm_front->implied_vol, *atm_back->implied_vol);
    }
  }
  EXPECT_GT(inverted_seen, 0);
}

TEST(SyntheticChain, NoChainOnNonTradingDaysOrOutsideTheRange) {
  EXPECT_FALSE(clean_market().option_chain("SPY", Date{year{2024}, March, day{29}}));
  EXPECT_FALSE(clean_market().option_chain("SPY", Date{year{2024}, March, day{30}}));
  EXPECT_FALSE(clean_market().option_chain("SPY", Date{year{2030}, March, day{1}}));
  EXPECT_THROW((void)clean_market().option_chain("BTC", Date{year{2024}, March, day{28}}),
               std::invalid_argument);
}

// --- injected problems -----------------------------------------------------

const SyntheticMarket& spoiled_market() {
  static const SyntheticMarket m([] {
    SyntheticMarketConfig c;
    c.chain_problems = {0.04, 0.06, 0.05, 0.10};
    return c;
  }());
  return m;
}

struct ProblemCounts {
  std::size_t contracts = 0, with_bid_before = 0, expirations = 0;
  std::size_t missing = 0, stale = 0, zero_bid = 0, partial_expirations = 0;
};

TEST(SyntheticChainProblems, RatesMatchTheConfigurationWithinBinomialTolerance) {
  ProblemCounts n;
  const auto& days = spoiled_market().bars("SPY");
  for (std::size_t i = 1; i < days.size(); i += 251) {
    for (const char* u : {"SPY", "TLT", "GLD"}) {
      const auto got = spoiled_market().option_chain(u, days[i].date());
      const auto clean = clean_market().option_chain(u, days[i].date());
      n.contracts += got->chain.size();
      n.expirations += clean->chain.expirations().size();
      std::set<Date> partial;
      for (const auto& p : got->problems) {
        if (p.problem == ChainProblem::MissingGreeks) ++n.missing;
        if (p.problem == ChainProblem::StaleGreeks) ++n.stale;
        if (p.problem == ChainProblem::ZeroBid) ++n.zero_bid;
        if (p.problem == ChainProblem::PartialChain) partial.insert(p.contract.expiration);
      }
      n.partial_expirations += partial.size();
      // Contracts with a bid, among those still delivered.
      std::set<OptionContractId> delivered;
      for (const auto& c : got->chain.contracts) delivered.insert(c.id());
      for (const auto& c : clean->chain.contracts) {
        if (c.bid > 0.0 && delivered.contains(c.id())) ++n.with_bid_before;
      }
    }
  }
  const auto within = [](std::size_t hits, std::size_t trials, double p) {
    const double rate = static_cast<double>(hits) / static_cast<double>(trials);
    const double se = std::sqrt(p * (1.0 - p) / static_cast<double>(trials));
    EXPECT_NEAR(rate, p, 4.0 * se) << hits << " of " << trials;
  };
  ASSERT_GT(n.contracts, 50000u);
  within(n.missing, n.contracts, 0.04);
  within(n.stale, n.contracts, 0.06);
  within(n.zero_bid, n.with_bid_before, 0.05);
  within(n.partial_expirations, n.expirations, 0.10);
}

TEST(SyntheticChainProblems, EveryRecordedProblemIsVisibleInTheChain) {
  const Date day = year{2016} / February / 10;
  const auto got = spoiled_market().option_chain("SPY", day);
  const auto clean = clean_market().option_chain("SPY", day);
  ASSERT_TRUE(got && clean);
  // Quotes, IV and greeks come from the same streams, so the spoiled chain is
  // the clean one with exactly the recorded changes.
  std::map<OptionContractId, const OptionContract*> clean_by_id, got_by_id;
  for (const auto& c : clean->chain.contracts) clean_by_id[c.id()] = &c;
  for (const auto& c : got->chain.contracts) got_by_id[c.id()] = &c;
  EXPECT_EQ(got->listed_contracts, clean->chain.size());

  std::map<OptionContractId, std::set<ChainProblem>> recorded;
  for (const auto& p : got->problems) recorded[p.contract].insert(p.problem);
  ASSERT_FALSE(recorded.empty());
  for (const auto& [id, clean_contract] : clean_by_id) {
    const auto it = recorded.find(id);
    const std::set<ChainProblem> kinds =
        it == recorded.end() ? std::set<ChainProblem>{} : it->second;
    if (kinds.contains(ChainProblem::PartialChain)) {
      EXPECT_FALSE(got_by_id.contains(id)) << id.occ_symbol();
      EXPECT_EQ(kinds.size(), 1u);
      continue;
    }
    ASSERT_TRUE(got_by_id.contains(id)) << id.occ_symbol();
    const OptionContract& c = *got_by_id[id];
    EXPECT_EQ(c.ask, clean_contract->ask);
    if (kinds.contains(ChainProblem::MissingGreeks)) {
      EXPECT_FALSE(c.has_greeks());
      EXPECT_FALSE(c.implied_vol.has_value());
    } else if (kinds.contains(ChainProblem::StaleGreeks)) {
      ASSERT_TRUE(c.has_greeks());
      EXPECT_EQ(c.implied_vol, clean_contract->implied_vol);
      EXPECT_NE(c.delta, clean_contract->delta);  // computed at yesterday's spot
    } else {
      EXPECT_EQ(c.delta, clean_contract->delta);
      EXPECT_EQ(c.gamma, clean_contract->gamma);
      EXPECT_EQ(c.implied_vol, clean_contract->implied_vol);
    }
    if (kinds.contains(ChainProblem::ZeroBid)) {
      EXPECT_GT(clean_contract->bid, 0.0);
      EXPECT_EQ(c.bid, 0.0);
    } else {
      EXPECT_EQ(c.bid, clean_contract->bid);
    }
  }
}

TEST(SyntheticChainProblems, StaleGreeksMatchThePreviousSessionsSpot) {
  const Date day = year{2016} / February / 10;
  const auto got = spoiled_market().option_chain("SPY", day);
  const double previous = spoiled_market().bar("SPY", nyse().previous_trading_day(day))->close;
  const auto stale = got->problems_of(ChainProblem::StaleGreeks);
  ASSERT_FALSE(stale.empty());
  for (const auto& p : stale) {
    const auto c = std::find_if(got->chain.contracts.begin(), got->chain.contracts.end(),
                                [&](const auto& k) { return k.id() == p.contract; });
    ASSERT_NE(c, got->chain.contracts.end());
    EXPECT_EQ(name_of(p.problem), "stale_greeks");
    const double years = c->dte(day) / 365.0;
    const double r = spoiled_market().config().risk_free_rate;
    const double q = dividend_yield("SPY");
    // The IV quoted is today's; the greeks were computed from yesterday's
    // close on yesterday's surface, so they match BSM at the previous spot
    // with the previous-forward smile, not today's.
    const VolatilitySurface surface("SPY", got->regime, spoiled_market().bar("VIX", day)->close,
                                    spoiled_market().bar("VIX3M", day)->close);
    const double forward = previous * std::exp((r - q) * years);
    const quant::BsmGreeks then = quant::bsm_greeks(
        {previous, c->strike, years, r, q, surface.vol(c->strike, forward, years), c->right});
    EXPECT_NEAR(*c->delta, then.delta, 1e-12);
    EXPECT_NEAR(*c->gamma, then.gamma, 1e-12);
    EXPECT_NEAR(*c->theta, then.theta_per_day(), 1e-12);
    EXPECT_NEAR(*c->vega, then.vega_per_point(), 1e-12);
    const quant::BsmGreeks now =
        quant::bsm_greeks({got->chain.spot, c->strike, years, r, q, *c->implied_vol, c->right});
    EXPECT_NE(*c->delta, now.delta);
  }
}

}  // namespace
}  // namespace dorado::data::synthetic
