// The chain-quality problems of PRD 3.1, each triggered and checked by its
// reason code, on the hand-worked "400 chain" of strategy_fixtures.hpp.
#include <gtest/gtest.h>

#include <set>

#include "dorado/data/synthetic/option_chain_builder.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"
#include "dorado/strategy/chain/chain_cache.hpp"
#include "dorado/strategy/chain/chain_retry_plan.hpp"
#include "dorado/strategy/chain/expiration_check.hpp"
#include "dorado/strategy/chain/expiration_choice.hpp"
#include "dorado/strategy/chain/model_greeks.hpp"
#include "dorado/strategy/chain/request_pacing.hpp"
#include "dorado/strategy/chain/requote_drift.hpp"
#include "dorado/strategy/resolve/resolver.hpp"
#include "strategy/strategy_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;

const Date kExpiry = ymd(2024, 4, 19);  // the 36-DTE expiration

Resolution resolve_condor(const OptionChain& chain) {
  return resolve(shipped_template("iron_condor"), snapshot_of(chain), RegimeView{},
                 ResolveRequest{});
}

TEST(ChainQuality, ExpirationClosestToPreferredDteWithinTheRange) {
  const OptionChain chain = chain_400();
  config::ExpirationRule rule{{30, 45}, 38};
  EXPECT_EQ(choose_expiration(chain, rule), kExpiry);  // 36 (2 away) over 43 (5 away)
  rule.prefer_dte = 42;
  EXPECT_EQ(choose_expiration(chain, rule), ymd(2024, 4, 26));  // 43 (1 away)
  rule.prefer_dte.reset();  // middle of [30, 45] = 37.5: 36 is 1.5 away
  EXPECT_EQ(choose_expiration(chain, rule), kExpiry);
  rule.dte_range = {50, 60};
  EXPECT_FALSE(choose_expiration(chain, rule).has_value());
}

TEST(ChainQuality, NoExpirationInRangeIsRejected) {
  OptionChain chain = chain_400();
  std::erase_if(chain.contracts,
                [](const OptionContract& c) { return c.expiration != ymd(2024, 3, 22); });
  const Resolution r = resolve_condor(chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.rejection().reason, ReasonCode::NoExpirationInRange);
  EXPECT_EQ(r.rejection().sentence, "SPY: no expiration between 30 and 45 DTE");
}

TEST(ChainQuality, NoChainIsUnavailable) {
  UnderlyingSnapshot s = snapshot_of(chain_400());
  s.chain.reset();
  const Resolution r = resolve(shipped_template("iron_condor"), s, RegimeView{}, ResolveRequest{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.rejection().reason, ReasonCode::ChainUnavailable);
}

// 42 contracts in the expiration (21 strikes x 2 rights): 5 without greeks is
// 11.9 % > 10 %; 4 is 9.5 %, accepted.
void strip_greeks(OptionChain& chain, int count) {
  for (auto& c : chain.contracts) {
    if (count == 0) break;
    if (c.expiration != kExpiry) continue;
    c.delta.reset();
    c.gamma.reset();
    c.theta.reset();
    c.vega.reset();
    --count;
  }
}

TEST(ChainQuality, MoreThanTenPercentMissingGreeksIsRejected) {
  OptionChain chain = chain_400();
  strip_greeks(chain, 5);
  const Resolution r = resolve_condor(chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.rejection().reason, ReasonCode::ChainMissingGreeks);
  EXPECT_NEAR(r.rejection().measured.at("missing_greeks_share"), 5.0 / 42.0, 1e-12);
  EXPECT_EQ(r.rejection().sentence, "SPY 2024-04-19: 11.9 % of contracts lack greeks (max 10 %)");

  OptionChain fine = chain_400();
  strip_greeks(fine, 4);
  EXPECT_TRUE(resolve_condor(fine).ok());
}

TEST(ChainQuality, RetryScheduleIs60Then120Then300SecondsWithAnAlertOnTheThird) {
  const Timestamp t0 = at_utc(ymd(2024, 3, 14), 15);
  const auto first = ChainRetryPlan::after_failure(1, t0, "missing greeks");
  EXPECT_EQ(first.retry_at, t0 + seconds{60});
  EXPECT_FALSE(first.alert);
  const auto second = ChainRetryPlan::after_failure(2, t0, "missing greeks");
  EXPECT_EQ(second.retry_at, t0 + seconds{120});
  EXPECT_FALSE(second.alert);
  const auto third = ChainRetryPlan::after_failure(3, t0, "missing greeks");
  EXPECT_EQ(third.retry_at, t0 + seconds{300});
  EXPECT_TRUE(third.alert);
  EXPECT_EQ(third.sentence,
            "chain check failed 3 times (missing greeks); retrying in 300 s, trader alerted");
  const auto fourth = ChainRetryPlan::after_failure(4, t0, "missing greeks");
  EXPECT_FALSE(fourth.retry_at.has_value());
  EXPECT_FALSE(fourth.alert);
  EXPECT_EQ(fourth.give_up, ReasonCode::ChainRetriesExhausted);
  EXPECT_THROW(ChainRetryPlan::after_failure(0, t0, ""), std::invalid_argument);
}

TEST(ChainQuality, ABlockOfMissingStrikesIsAPartialChain) {
  OptionChain chain = chain_400();
  std::erase_if(chain.contracts, [](const OptionContract& c) {
    return c.expiration == kExpiry && c.strike >= 390 && c.strike <= 410;
  });
  const Resolution r = resolve_condor(chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.rejection().reason, ReasonCode::PartialChain);
  EXPECT_EQ(r.rejection().sentence,
            "SPY 2024-04-19: no strikes between 385 and 415 where the ladder steps by 5");
}

TEST(ChainQuality, AStrikeListedForOneRightOnlyIsAPartialChain) {
  OptionChain chain = chain_400();
  std::erase_if(chain.contracts, [](const OptionContract& c) {
    return c.expiration == kExpiry && c.strike == 400 && c.right == OptionRight::Call;
  });
  const auto v = validate_expiration(chain, kExpiry, {}, {});
  ASSERT_TRUE(v.defect.has_value());
  EXPECT_EQ(v.defect->reason, ReasonCode::PartialChain);
  EXPECT_EQ(v.defect->sentence, "SPY 2024-04-19: strike 400 is listed for puts but not for calls");
}

TEST(ChainQuality, GridChangeAndLastCoarseStrikeAreNotHoles) {
  OptionChain chain;
  for (double k : {95.0, 100.0, 101.0, 102.0, 103.0, 104.0, 105.0, 110.0})
    for (auto r : {OptionRight::Put, OptionRight::Call}) {
      OptionContract c;
      c.strike = k;
      c.right = r;
      chain.contracts.push_back(c);
    }
  EXPECT_FALSE(find_strike_hole(chain).has_value());
}

// The venue's deltas computed at spot 392 (yesterday) while the quotes are of
// spot 400: the 380 put's venue delta is then about -0.27 against -0.17 from
// its own quote.
TEST(ChainQuality, StaleVenueGreeksAreDetectedAndTheExpirationRejected) {
  OptionChain chain = chain_400();
  for (auto& c : chain.contracts) {
    if (c.expiration != kExpiry) continue;
    const quant::BsmGreeks g =
        quant::bsm_greeks({392.0, c.strike, 36 / 365.0, 0.0, 0.0, 0.18, c.right});
    c.delta = g.delta;
  }
  const auto v = validate_expiration(chain, kExpiry, {}, {});
  ASSERT_TRUE(v.defect.has_value());
  EXPECT_EQ(v.defect->reason, ReasonCode::StaleGreeks);
  EXPECT_GT(v.stale_greeks, 5u);
  const Resolution r = resolve_condor(chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.rejection().reason, ReasonCode::StaleGreeks);
}

TEST(ChainQuality, AFewStaleGreeksAreMarkedAndOurDeltaIsUsed) {
  OptionChain chain = chain_400();
  OptionContract* put = find(chain, kExpiry, 380, OptionRight::Put);
  put->delta = -0.30;  // the venue's stale figure; from the quote it is -0.17
  const Resolution r = resolve_condor(chain);
  ASSERT_TRUE(r.ok()) << r.rejection().sentence;
  const ResolvedLeg* sp = r.candidate().detail.leg("short_put");
  EXPECT_EQ(sp->strike(), 380.0);
  EXPECT_TRUE(sp->contract.stale_greeks);
  EXPECT_EQ(*sp->contract.quote.delta, -0.30);  // raw figure kept beside ours
  EXPECT_NEAR(sp->delta(), -0.1747, 0.002);
  ASSERT_EQ(r.candidate().detail.quality_marks.size(), 1u);
  EXPECT_EQ(r.candidate().detail.quality_marks.front().rfind("short_put: stale venue greeks", 0),
            0u);
}

TEST(ChainQuality, SpreadsAboveFifteenPercentAreFlaggedAboveTwentyExcluded) {
  const ChainQualityLimits limits;
  EXPECT_EQ(spread_quality(0.15, limits), SpreadQuality::Tight);
  EXPECT_EQ(spread_quality(0.17, limits), SpreadQuality::Wide);
  EXPECT_EQ(spread_quality(0.20, limits), SpreadQuality::Wide);
  EXPECT_EQ(spread_quality(0.21, limits), SpreadQuality::TooWide);
  EXPECT_EQ(spread_quality(std::nullopt, limits), SpreadQuality::TooWide);

  // The 380 put quoted 1.80 / 2.56 (spread 0.76 on a 2.18 mid = 34.9 %) is
  // excluded, so the short put falls to the next nearest delta, 375.
  OptionChain chain = chain_400();
  OptionContract* put = find(chain, kExpiry, 380, OptionRight::Put);
  put->bid = 1.80;
  put->ask = 2.56;
  const auto v = validate_expiration(chain, kExpiry, {}, {});
  const auto baseline = validate_expiration(chain_400(), kExpiry, {}, {});
  EXPECT_EQ(v.excluded_spreads, baseline.excluded_spreads + 1);
  const PricedContract* p = v.at_strike(380, OptionRight::Put);
  EXPECT_EQ(p, nullptr);  // not tradeable
  auto condor = shipped_template("iron_condor");
  std::get<config::OptionRules>(condor.rules).entry.min_credit_to_width = 0.10;
  const Resolution r = resolve(condor, snapshot_of(chain), RegimeView{}, ResolveRequest{});
  ASSERT_TRUE(r.ok()) << r.rejection().sentence;
  EXPECT_EQ(r.candidate().detail.leg("short_put")->strike(), 375.0);
}

TEST(ChainQuality, ALegWiderThanTheTemplateAllowsIsRejected) {
  // The 380 put at 2.06 / 2.30: 0.24 on a 2.18 mid = 11.0 % > the template's 10 %.
  OptionChain chain = chain_400();
  OptionContract* put = find(chain, kExpiry, 380, OptionRight::Put);
  put->bid = 2.06;
  put->ask = 2.30;
  const Resolution r = resolve_condor(chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.rejection().reason, ReasonCode::SpreadTooWide);
  EXPECT_EQ(r.rejection().sentence, "short_put 380: bid-ask spread 11 % of mid > 10 % max");
}

TEST(ChainQuality, TheWingMustExistAtTheWidth) {
  OptionChain chain = chain_400();
  std::erase_if(chain.contracts, [](const OptionContract& c) {
    return c.expiration == kExpiry && c.right == OptionRight::Put && c.strike < 380;
  });
  // Puts now start at 380: no strike below the short put; calls unaffected,
  // but the strike sets differ, so validation names it first.
  const Resolution r = resolve_condor(chain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.rejection().reason, ReasonCode::PartialChain);
}

TEST(ChainQuality, IvAndGreeksAreRecomputedFromTheMid) {
  // The 400 call at 36 DTE is worth 9.0196 at 18 % (d1 = 0.0283); quoted
  // 9.00 / 9.04, mid 9.02: the implied vol is 18 % to within 0.01 points.
  const OptionChain chain = chain_400();
  const auto v = validate_expiration(chain, kExpiry, {}, {});
  const PricedContract* c = v.at_strike(400, OptionRight::Call);
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->model.has_value());
  EXPECT_NEAR(c->model->implied_vol, 0.18, 1e-4);
  EXPECT_NEAR(c->model->delta, 0.5113, 5e-4);  // N(0.0283)
  EXPECT_FALSE(c->stale_greeks);
  // No bid: no implied vol and no two-sided market.
  OptionContract dead = c->quote;
  dead.bid = 0.0;
  const PricedContract p = price_contract(dead, 400.0, ymd(2024, 3, 14), {}, {});
  EXPECT_FALSE(p.model.has_value());
  EXPECT_EQ(p.spread, SpreadQuality::TooWide);
}

TEST(ChainQuality, RequoteDeltaMoveAboveTwoHundredthsNeedsANewResolution) {
  const Resolution before = resolve_condor(chain_400());
  ASSERT_TRUE(before.ok());
  // Re-quoted after the spot rose to 403: the 380 put's delta shrinks by about
  // 0.013 per point (its gamma), well past 0.02.
  OptionChain moved;
  moved.underlying = "SPY";
  moved.spot = 403.0;
  moved.as_of = chain_400().as_of;
  for (const auto& c : chain_400().contracts) {
    OptionContract q =
        bsm_contract("SPY", 403.0, ymd(2024, 3, 14), c.expiration, c.strike, c.right, 0.18);
    moved.contracts.push_back(q);
  }
  const Resolution after = resolve_condor(moved);
  ASSERT_TRUE(after.ok());
  const RequoteDrift drift = requote_drift(before.candidate().detail, after.candidate().detail);
  EXPECT_TRUE(drift.needs_reresolve);
  const RequoteDrift none = requote_drift(before.candidate().detail, before.candidate().detail);
  EXPECT_FALSE(none.needs_reresolve);
  ASSERT_EQ(none.legs.size(), 4u);
  EXPECT_EQ(none.legs[0].moved, 0.0);
}

TEST(ChainQuality, RequoteDriftThresholdIsTwoHundredths) {
  ResolutionDetail a;
  ResolvedLeg leg;
  leg.role = "short_put";
  leg.contract.quote.strike = 380;
  leg.contract.model = ModelGreeks{0.18, -0.170, 0, 0, 0};
  a.legs.push_back(leg);
  ResolutionDetail b = a;
  b.legs[0].contract.model->delta = -0.189;  // moved 0.019
  EXPECT_FALSE(requote_drift(a, b).needs_reresolve);
  b.legs[0].contract.model->delta = -0.191;  // moved 0.021
  const RequoteDrift d = requote_drift(a, b);
  EXPECT_TRUE(d.needs_reresolve);
  EXPECT_EQ(d.sentence, "short_put 380: delta -0.17 -> -0.191 (moved 0.021 > 0.02)");
}

TEST(ChainCache, KeepsAChainForTwoMinutes) {
  ChainCache cache;
  const Timestamp t0 = at_utc(ymd(2024, 3, 14), 15);
  cache.put(chain_400(), t0);
  ASSERT_NE(cache.get("SPY", t0 + seconds{119}), nullptr);
  EXPECT_EQ(cache.get("SPY", t0 + seconds{119})->spot, 400.0);
  EXPECT_EQ(cache.get("SPY", t0 + seconds{120}), nullptr);
  EXPECT_EQ(cache.get("TLT", t0), nullptr);
  EXPECT_EQ(cache.get("SPY", t0 - seconds{1}), nullptr);  // from the future: not trusted
  OptionChain tlt = chain_400();
  tlt.underlying = "TLT";
  cache.put(tlt, t0 + seconds{60});
  EXPECT_EQ(cache.evict_expired(t0 + seconds{150}), 1u);  // SPY gone, TLT kept
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_NE(cache.get("TLT", t0 + seconds{150}), nullptr);
}

TEST(RequestPacing, FiftyMessagesPerSecondAfterABurstOfFifty) {
  TokenBucket bucket;  // 50/s, burst 50
  const Timestamp t0 = at_utc(ymd(2024, 3, 14), 15);
  for (int i = 0; i < 50; ++i) EXPECT_TRUE(bucket.try_take(t0)) << i;
  EXPECT_FALSE(bucket.try_take(t0));
  EXPECT_EQ(bucket.next_available(t0), t0 + milliseconds{20});
  EXPECT_TRUE(bucket.try_take(t0 + milliseconds{20}));
  EXPECT_FALSE(bucket.try_take(t0 + milliseconds{39}));
  EXPECT_EQ(bucket.reserve(t0 + milliseconds{39}), t0 + milliseconds{40});
  EXPECT_EQ(bucket.reserve(t0 + milliseconds{39}), t0 + milliseconds{60});
  // Idle for a second: the burst is back.
  const Timestamp later = t0 + seconds{2};
  for (int i = 0; i < 50; ++i) EXPECT_TRUE(bucket.try_take(later)) << i;
  EXPECT_FALSE(bucket.try_take(later));
}

TEST(RequestPacing, RequestsAreStaggeredAcrossUnderlyingsAndVenues) {
  VenuePacing pacing(50.0, 2);  // burst 2 to keep the example small
  const Timestamp t0 = at_utc(ymd(2024, 3, 14), 15);
  const auto plan = stagger_requests(
      {{"SPY", VenueId::Ibkr, 3}, {"TLT", VenueId::Ibkr, 2}, {"BTC", VenueId::Hyperliquid, 2}}, t0,
      pacing);
  ASSERT_EQ(plan.size(), 7u);
  // IBKR in turns: SPY0 t0, TLT0 t0 (burst), SPY1 +20 ms, TLT1 +40, SPY2 +60;
  // Hyperliquid's own bucket: BTC0 t0, BTC1 t0.
  std::vector<std::pair<std::string, milliseconds>> got;
  for (const auto& m : plan)
    got.emplace_back(m.underlying + std::to_string(m.index),
                     duration_cast<milliseconds>(m.send_at - t0));
  const std::vector<std::pair<std::string, milliseconds>> want = {
      {"SPY0", milliseconds{0}}, {"TLT0", milliseconds{0}},  {"BTC0", milliseconds{0}},
      {"BTC1", milliseconds{0}}, {"SPY1", milliseconds{20}}, {"TLT1", milliseconds{40}},
      {"SPY2", milliseconds{60}}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace dorado::strategy

namespace dorado::strategy {
namespace {

// The synthetic market records what it spoiled: every contract validation
// calls stale must be one whose greeks it computed at yesterday's close.
TEST(ChainQuality, SyntheticStaleGreeksFlaggedOnlyWhereInjected) {
  data::synthetic::SyntheticMarketConfig config;
  config.chain_problems.stale_greeks = 0.05;
  const data::synthetic::SyntheticMarket market(config);
  const auto& bars = market.bars("SPY");
  std::size_t flagged = 0;
  for (std::size_t i = bars.size() - 200; i < bars.size(); i += 20) {
    const auto sc = market.option_chain("SPY", bars[i].date());
    ASSERT_TRUE(sc.has_value());
    std::set<OptionContractId> injected;
    for (const auto& p : sc->problems_of(data::synthetic::ChainProblem::StaleGreeks))
      injected.insert(p.contract);
    const PricingAssumptions pricing{config.risk_free_rate, data::synthetic::dividend_yield("SPY")};
    for (const Date e : sc->chain.expirations()) {
      const auto v = validate_expiration(sc->chain, e, pricing, {});
      for (const auto& c : v.contracts) {
        if (!c.stale_greeks) continue;
        ++flagged;
        EXPECT_TRUE(injected.contains(c.quote.id())) << c.quote.id().occ_symbol();
      }
    }
  }
  EXPECT_GT(flagged, 0u);
}

}  // namespace
}  // namespace dorado::strategy
