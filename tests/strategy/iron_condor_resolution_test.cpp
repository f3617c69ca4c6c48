// Acceptance (issue 5): an iron condor resolved on a chain whose every
// figure is worked by hand (strategy_fixtures.hpp gives the Black-Scholes
// values and deltas the quotes come from), and on the synthetic SPY chain
// (invariants).
#include <gtest/gtest.h>

#include "dorado/data/synthetic/option_chain_builder.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"
#include "dorado/risk/structure_shape.hpp"
#include "dorado/strategy/resolve/resolver.hpp"
#include "strategy/strategy_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;

ResolveRequest request() {
  ResolveRequest r;
  r.bot_id = "spy-ic-01";
  r.config_hash = "hash";
  return r;
}

TEST(IronCondorResolution, HandWorkedChain) {
  const auto condor = shipped_template("iron_condor");
  const Resolution res = resolve(condor, snapshot_of(chain_400()), RegimeView{}, request());
  ASSERT_TRUE(res.ok()) << res.rejection().sentence;
  const ResolutionDetail& d = res.candidate().detail;
  const OptionFigures& f = *d.option;

  // DTE 30-45 prefer 38: 36 DTE (|36-38| = 2) beats 43 DTE (5); 8 DTE is out.
  EXPECT_EQ(f.expiration, ymd(2024, 4, 19));
  EXPECT_EQ(f.dte, 36);
  // Short put: nearest to -0.16 is 380 (-0.1747, 0.015 away; 375 is -0.1210,
  // 0.039 away). Short call: 425 (0.1482, 0.012 away; 420 is 0.2019).
  // Wings 5 points further out: 375 and 430.
  ASSERT_EQ(d.legs.size(), 4u);
  EXPECT_EQ(d.leg("short_put")->strike(), 380.0);
  EXPECT_EQ(d.leg("long_put")->strike(), 375.0);
  EXPECT_EQ(d.leg("short_call")->strike(), 425.0);
  EXPECT_EQ(d.leg("long_call")->strike(), 430.0);
  // Dorado's delta from the mid is within a hair of the 18 % value (the mid is
  // rounded to the cent); the venue's delta is kept beside it.
  EXPECT_NEAR(d.leg("short_put")->delta(), -0.1747, 0.002);
  EXPECT_NEAR(d.leg("short_call")->delta(), 0.1482, 0.002);
  EXPECT_NEAR(*d.leg("short_put")->contract.quote.delta, -0.1747, 0.0001);

  // Quotes (value -/+ 0.02 to the cent): 380p 2.16/2.20, 375p 1.36/1.40,
  // 425c 1.67/1.71, 430c 1.09/1.13.
  // Credit at mid: 2.18 + 1.69 - 1.38 - 1.11 = 1.38; natural: 2.16 + 1.67 - 1.40 - 1.13 = 1.30.
  EXPECT_NEAR(f.credit_mid, 1.38, 1e-9);
  EXPECT_NEAR(f.credit_natural, 1.30, 1e-9);
  EXPECT_EQ(f.put_width, 5.0);
  EXPECT_EQ(f.call_width, 5.0);
  EXPECT_EQ(f.width, 5.0);
  EXPECT_NEAR(*f.credit_to_width, 1.38 / 5.0, 1e-12);  // 0.276 >= 0.25 min
  // Max loss (5 - 1.38) x 100 = 362.00; at natural (5 - 1.30) x 100 = 370.00.
  EXPECT_EQ(f.max_loss, Money::parse("362.00 USD"));
  EXPECT_EQ(f.max_loss_natural, Money::parse("370.00 USD"));
  // Breakevens: 380 - 1.38 = 378.62 and 425 + 1.38 = 426.38.
  ASSERT_EQ(f.breakevens.size(), 2u);
  EXPECT_NEAR(f.breakevens[0], 378.62, 1e-9);
  EXPECT_NEAR(f.breakevens[1], 426.38, 1e-9);
  // P(profit) ~ 1 - 0.1747 - 0.1482 = 0.677.
  EXPECT_NEAR(f.probability_of_profit, 0.677, 0.004);

  const Candidate& c = res.candidate().candidate;
  EXPECT_EQ(c.bot_id, "spy-ic-01");
  EXPECT_EQ(c.strategy, "iron_condor");
  EXPECT_EQ(c.net_credit, Money::parse("138.00 USD"));
  EXPECT_EQ(c.max_loss, Money::parse("362.00 USD"));
  EXPECT_EQ(c.config_hash, "hash");
  EXPECT_EQ(c.as_of, at_utc(ymd(2024, 3, 14), 20));
  ASSERT_EQ(c.legs.size(), 4u);
  EXPECT_EQ(c.legs[0].side, Side::Sell);
  EXPECT_EQ(c.legs[0].instrument.option->strike, Price::parse("380"));
  EXPECT_EQ(c.legs[1].side, Side::Buy);
  // Risk's structure reading agrees it is an iron condor.
  const auto shape = risk::read_structure(config::Structure::IronCondor, c);
  EXPECT_TRUE(shape.shape.has_value()) << shape.problem;
  EXPECT_TRUE(d.strike_alternatives.empty());  // no bars: no S/R to disagree with
}

TEST(IronCondorResolution, RegimeOverrideTightensDeltasUntilTheCreditIsTooSmall) {
  // transition: shorts at 0.12 delta -> 375p (-0.1210) and 430c (0.1055,
  // 0.0145 away; 425c is 0.028 away), wings 370p and 435c.
  // Mids: 375p 1.38, 430c 1.11, 370p (0.8346: 0.81/0.85) 0.83, 435c (0.7167:
  // 0.70/0.74) 0.72. Credit 1.38 + 1.11 - 0.83 - 0.72 = 0.94 = 18.8 % of 5 < 25 %.
  const auto condor = shipped_template("iron_condor");
  RegimeView regimes;
  regimes.macro = PublishedRegime{"macro", "transition", 0.9, {}, {}, "v1"};
  const Resolution res = resolve(condor, snapshot_of(chain_400()), regimes, request());
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.rejection().reason, ReasonCode::CreditTooSmall);
  EXPECT_NEAR(res.rejection().measured.at("credit_mid"), 0.94, 1e-9);
  EXPECT_NEAR(res.rejection().measured.at("credit_to_width"), 0.188, 1e-9);
}

// Bars oscillating between swing lows of 377 and swing highs of 411 (a
// triangle wave of closes 378..410 with high = close + 1, low = close - 1),
// ending at 400: support 377, resistance 411.
std::vector<Bar> range_bars() {
  std::vector<Bar> bars;
  const std::vector<double> wave = {400, 404, 408, 410, 406, 402, 398, 394, 390,
                                    386, 382, 378, 382, 386, 390, 394, 398};
  Date d = ymd(2023, 11, 1);
  for (int cycle = 0; cycle < 6; ++cycle)
    for (const double close : wave) {
      Bar b;
      b.time = at_utc(d, 0);
      b.open = close;
      b.high = close + 1.0;
      b.low = close - 1.0;
      b.close = close;
      bars.push_back(b);
      d = sys_days{d} + days{1};
    }
  Bar last = bars.back();
  last.close = last.open = 400.0;
  last.high = 401.0;
  last.low = 399.0;
  last.time = at_utc(d, 0);
  bars.push_back(last);
  return bars;
}

TEST(IronCondorResolution, SupportDisagreeingWithTheDeltaStrikeShowsBothChoices) {
  const auto condor = shipped_template("iron_condor");
  UnderlyingSnapshot s = snapshot_of(chain_400());
  s.daily_bars = range_bars();
  const Resolution res = resolve(condor, s, RegimeView{}, request());
  ASSERT_TRUE(res.ok()) << res.rejection().sentence;
  const ResolutionDetail& d = res.candidate().detail;
  ASSERT_TRUE(d.pipeline.atr.has_value());
  // The short put at 380 sits above support 377 - 0.5 ATR: the S/R strike is
  // the highest put at or below that limit, 370 (ATR here is about 5, so the
  // limit is about 374.5). The call at 425 is beyond resistance 411 + 0.5 ATR:
  // no disagreement there.
  ASSERT_EQ(d.strike_alternatives.size(), 1u);
  const StrikeAlternative& alt = d.strike_alternatives.front();
  EXPECT_EQ(alt.role, "short_put");
  EXPECT_EQ(alt.delta_strike, 380.0);
  EXPECT_EQ(alt.sr_strike, 370.0);
  EXPECT_NEAR(alt.level, 377.0, 1e-9);
  EXPECT_NEAR(alt.buffer, 0.5 * *d.pipeline.atr, 1e-12);
  EXPECT_LT(*alt.sr_strike_delta, 0.0);
  EXPECT_GT(*alt.sr_strike_delta, alt.delta_strike_delta);  // further out: smaller |delta|
  // The candidate keeps the template's delta strike.
  EXPECT_EQ(d.leg("short_put")->strike(), 380.0);
}

TEST(IronCondorResolution, SyntheticSpyChainInvariants) {
  const data::synthetic::SyntheticMarket market;
  // The synthetic surface pays 19-24 % of the width for 16-delta condors,
  // below the shipped 25 % minimum (which then rejects them, as it should);
  // 15 % lets the invariants be checked on every day the chain allows.
  auto condor = shipped_template("iron_condor");
  std::get<config::OptionRules>(condor.rules).entry.min_credit_to_width = 0.15;
  const auto& spy = market.bars("SPY");
  int resolved = 0;
  int exact_wings = 0;
  int days_tried = 0;
  for (std::size_t i = spy.size() / 2; i < spy.size() && days_tried < 40; i += 17, ++days_tried) {
    const Date day = spy[i].date();
    const auto sc = market.option_chain("SPY", day);
    ASSERT_TRUE(sc.has_value());
    UnderlyingSnapshot s = snapshot_of(sc->chain);
    s.daily_bars.assign(spy.begin(), spy.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    ResolveRequest r = request();
    r.pricing = {market.config().risk_free_rate, data::synthetic::dividend_yield("SPY")};
    const Resolution res = resolve(condor, s, RegimeView{}, r);
    if (!res.ok()) {
      // Only the expected outcomes: chain defects or a thin credit.
      const ReasonCode why = res.rejection().reason;
      EXPECT_TRUE(stage_of(why) == ReasonStage::Chain) << res.rejection().sentence;
      continue;
    }
    ++resolved;
    const ResolutionDetail& d = res.candidate().detail;
    const OptionFigures& f = *d.option;
    EXPECT_GE(f.dte, 30);
    EXPECT_LE(f.dte, 45);
    const auto* sp = d.leg("short_put");
    const auto* lp = d.leg("long_put");
    const auto* scall = d.leg("short_call");
    const auto* lc = d.leg("long_call");
    EXPECT_NEAR(sp->delta(), -0.16, 0.05);
    EXPECT_NEAR(scall->delta(), 0.16, 0.05);
    // Wings at 5 points, or the listed strike nearest to it beyond the $1 band.
    EXPECT_EQ(*f.put_width, sp->strike() - lp->strike());
    EXPECT_EQ(*f.call_width, lc->strike() - scall->strike());
    EXPECT_NEAR(*f.put_width, 5.0, 2.5);
    EXPECT_NEAR(*f.call_width, 5.0, 2.5);
    if (*f.put_width == 5.0 && *f.call_width == 5.0) ++exact_wings;
    EXPECT_LT(sp->strike(), f.spot);
    EXPECT_GT(scall->strike(), f.spot);
    const double mid = sp->contract.quote.mid() + scall->contract.quote.mid() -
                       lp->contract.quote.mid() - lc->contract.quote.mid();
    EXPECT_NEAR(f.credit_mid, mid, 1e-9);
    EXPECT_LE(f.credit_natural, f.credit_mid);
    EXPECT_GE(*f.credit_to_width, 0.15);
    EXPECT_EQ(f.width, std::max(*f.put_width, *f.call_width));
    EXPECT_EQ(f.max_loss, Money::from_double((f.width - f.credit_mid) * 100.0, kUsd));
    EXPECT_NEAR(f.breakevens[0], sp->strike() - f.credit_mid, 1e-9);
    EXPECT_NEAR(f.breakevens[1], scall->strike() + f.credit_mid, 1e-9);
    EXPECT_NEAR(f.probability_of_profit, 1.0 - std::abs(sp->delta()) - scall->delta(), 1e-12);
    EXPECT_TRUE(risk::read_structure(config::Structure::IronCondor, res.candidate().candidate)
                    .shape.has_value());
  }
  EXPECT_GE(resolved, days_tried / 2) << "most synthetic days should give a condor";
  EXPECT_GE(exact_wings, resolved / 2);
}

}  // namespace
}  // namespace dorado::strategy
