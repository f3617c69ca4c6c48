// The technical stage: each gate triggered with hand-worked figures.
#include "dorado/strategy/gates/technical_gates.hpp"

#include <gtest/gtest.h>

#include "strategy/gates/gate_fixtures.hpp"

namespace dorado::strategy {
namespace {

using namespace testing;
using std::chrono::days;

// A steady climb: high = c + 1, low = c - 1, close c rising by 1 a day.
// Every day +DM = 1, -DM = 0 and TR = max(2, |high - prev close| = 2, 0) = 2,
// so +DI = 50, -DI = 0, DX = 100 and ADX = 100 once defined (day 28).
std::vector<Bar> steady_climb(std::size_t n) {
  std::vector<Bar> bars = flat_bars(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double c = 100.0 + double(i);
    bars[i] = daily_bar(kScanDay - days(n - 1 - i), c + 1.0, c - 1.0, c);
  }
  return bars;
}

TEST(AdxGate, StrongTrendFailsTheRangeBoundMaximum) {
  auto s = snapshot("SPY", AssetClass::EquityOptions);
  s.daily_bars = steady_climb(40);
  const TechnicalPicture picture = technical_picture(s);
  ASSERT_TRUE(picture.adx.has_value());
  EXPECT_NEAR(*picture.adx, 100.0, 1e-9);
  EXPECT_NEAR(*picture.plus_di, 50.0, 1e-9);
  EXPECT_NEAR(*picture.minus_di, 0.0, 1e-9);

  const GateResult g = adx_max_gate(picture, 25);
  EXPECT_EQ(g.reason, ReasonCode::AdxTrending);
  EXPECT_NEAR(g.measured.at("adx"), 100.0, 1e-9);
  EXPECT_EQ(g.sentence, "ADX 100 > 25 max");
}

TEST(AdxGate, FlatMarketFailsTheMomentumMinimum) {
  // No directional movement at all: +DM = -DM = 0, DX = 0, ADX = 0.
  auto s = snapshot("EURUSD", AssetClass::Fx);
  s.daily_bars = flat_bars(40);
  const TechnicalPicture picture = technical_picture(s);
  EXPECT_DOUBLE_EQ(*picture.adx, 0.0);
  const GateResult g = adx_min_gate(picture, 25);
  EXPECT_EQ(g.reason, ReasonCode::TrendTooWeak);
  EXPECT_EQ(g.sentence, "ADX 0 < 25 min");
  EXPECT_TRUE(adx_max_gate(picture, 25).passed);
}

TEST(AdxGate, TooFewBarsIsInsufficientHistory) {
  auto s = snapshot("SPY", AssetClass::EquityOptions);
  s.daily_bars = flat_bars(20);  // ADX 14 needs 28
  const GateResult g = adx_max_gate(technical_picture(s), 25);
  EXPECT_EQ(g.reason, ReasonCode::InsufficientHistory);
  EXPECT_EQ(g.sentence, "ADX needs more history, have 20 daily bars");
}

TEST(AtrChannelGate, CloseOutsideTheChannelFails) {
  // 30 quiet days (TR 2, ATR 2, close 100), then a day to 110 from 100:
  // TR = 10, ATR14 = (2 x 13 + 10) / 14 = 2.571429, SMA20 = (19 x 100 + 110) / 20
  // = 100.5, channel 100.5 +/- 5.142857 = [95.357143, 105.642857]: 110 is outside.
  std::vector<Bar> bars = flat_bars(31);
  bars.back() = daily_bar(kScanDay, 110.0, 100.0, 110.0);
  const GateResult g = atr_channel_gate(bars, config::AtrChannel{});
  EXPECT_EQ(g.reason, ReasonCode::AtrChannelBreakout);
  EXPECT_DOUBLE_EQ(g.measured.at("closes_outside"), 1.0);
  EXPECT_NEAR(g.measured.at("upper"), 100.5 + 2.0 * 36.0 / 14.0, 1e-9);
  EXPECT_NEAR(g.measured.at("lower"), 100.5 - 2.0 * 36.0 / 14.0, 1e-9);
  EXPECT_EQ(g.sentence, "1 of the last 10 closes outside SMA20 +/- 2 ATR14 (today 95.36 - 105.64)");
}

TEST(AtrChannelGate, QuietMarketStaysInside) {
  const GateResult g = atr_channel_gate(flat_bars(31), config::AtrChannel{});
  EXPECT_TRUE(g.passed);
  EXPECT_EQ(g.sentence, "all 10 closes inside SMA20 +/- 2 ATR14 (today 96 - 104)");
  // Warm-up: max(20, 14) - 1 + 10 - 1 = index 28, 29 bars.
  EXPECT_EQ(atr_channel_gate(flat_bars(28), config::AtrChannel{}).reason,
            ReasonCode::InsufficientHistory);
  EXPECT_TRUE(atr_channel_gate(flat_bars(29), config::AtrChannel{}).passed);
}

TEST(HurstGate, PersistenceFailsThePremiumMaximumAndPassesTheMomentumMinimum) {
  TechnicalPicture picture;
  picture.hurst = 0.62;
  const GateResult trending = hurst_max_gate(picture, 0.55);
  EXPECT_EQ(trending.reason, ReasonCode::HurstTrending);
  EXPECT_EQ(trending.sentence, "Hurst 0.62 > 0.55 max");
  EXPECT_TRUE(hurst_min_gate(picture, 0.55).passed);

  picture.hurst = 0.48;
  const GateResult reverting = hurst_min_gate(picture, 0.55);
  EXPECT_EQ(reverting.reason, ReasonCode::HurstNotPersistent);
  EXPECT_DOUBLE_EQ(reverting.measured.at("hurst"), 0.48);
  EXPECT_EQ(reverting.sentence, "Hurst 0.48 < 0.55 min");

  picture.hurst.reset();
  EXPECT_EQ(hurst_max_gate(picture, 0.55).reason, ReasonCode::InsufficientHistory);
}

TechnicalPicture picture_with_levels() {
  TechnicalPicture picture;
  picture.close = 102.0;
  picture.atr = 2.0;
  picture.levels = {{95.0, 3, quant::ta::LevelKind::Support},
                    {110.0, 2, quant::ta::LevelKind::Resistance}};
  return picture;
}

TEST(SupportResistanceGate, ShortStrikeWithinTheBufferFails) {
  // short put 95.6: |95.6 - 95| / 2 = 0.3 ATR < 0.5; short call 115: 2.5 ATR.
  const std::vector<ShortStrike> strikes{{"short_put", 95.6}, {"short_call", 115.0}};
  const GateResult g = support_resistance_gate(strikes, picture_with_levels(), 0.5);
  EXPECT_EQ(g.reason, ReasonCode::NearSupportResistance);
  EXPECT_NEAR(g.measured.at("short_put_distance_atr"), 0.3, 1e-12);
  EXPECT_DOUBLE_EQ(g.measured.at("short_put_level"), 95.0);
  EXPECT_NEAR(g.measured.at("short_call_distance_atr"), 2.5, 1e-12);
  EXPECT_EQ(g.sentence, "short_put 95.6 is 0.3 ATR from support 95 (< 0.5 ATR buffer)");
}

TEST(SupportResistanceGate, StrikesClearOfTheLevelsPass) {
  const std::vector<ShortStrike> strikes{{"short_put", 93.0}, {"short_call", 112.0}};
  const GateResult g = support_resistance_gate(strikes, picture_with_levels(), 0.5);
  EXPECT_TRUE(g.passed);
  EXPECT_EQ(g.sentence,
            "short_put 93 is 1 ATR from support 95; short_call 112 is 1 ATR from resistance 110 "
            "(>= 0.5 ATR buffer)");
  TechnicalPicture no_atr = picture_with_levels();
  no_atr.atr.reset();
  EXPECT_EQ(support_resistance_gate(strikes, no_atr, 0.5).reason, ReasonCode::InsufficientHistory);
}

OptionContract contract(Date expiration, double strike, OptionRight right, double delta) {
  OptionContract c;
  c.underlying = "SPY";
  c.expiration = expiration;
  c.strike = strike;
  c.right = right;
  c.bid = 1.0;
  c.ask = 1.1;
  c.delta = delta;
  c.quote_time = kScanAt;
  return c;
}

// Expirations 21, 37 and 44 days after 16 March 2026.
OptionChain small_chain() {
  const Date in21{std::chrono::year{2026} / 4 / 6};
  const Date in37{std::chrono::year{2026} / 4 / 22};
  const Date in44{std::chrono::year{2026} / 4 / 29};
  OptionChain chain;
  chain.underlying = "SPY";
  chain.spot = 100.0;
  chain.as_of = kScanAt;
  chain.contracts = {
      contract(in21, 95, OptionRight::Put, -0.16),  contract(in37, 90, OptionRight::Put, -0.10),
      contract(in37, 94, OptionRight::Put, -0.15),  contract(in37, 96, OptionRight::Put, -0.19),
      contract(in37, 106, OptionRight::Call, 0.20), contract(in37, 108, OptionRight::Call, 0.17),
      contract(in37, 110, OptionRight::Call, 0.12), contract(in44, 93, OptionRight::Put, -0.16),
  };
  return chain;
}

TEST(ExpectedShortStrikes, TargetDeltasInTheExpirationNearestPreferDte) {
  // DTE range [30, 45] holds 37 and 44; 37 is nearer prefer_dte 38. There the
  // -0.16 put is nearest -0.15 (strike 94) and the 0.16 call nearest 0.17 (108).
  const auto expected = expected_short_strikes(small_chain(), *iron_condor().options());
  ASSERT_FALSE(expected.failure.has_value());
  EXPECT_EQ(expected.strikes,
            (std::vector<ShortStrike>{{"short_put", 94.0}, {"short_call", 108.0}}));
}

TEST(ExpectedShortStrikes, ChainProblemsFailTheGate) {
  const auto none = expected_short_strikes(std::nullopt, *iron_condor().options());
  ASSERT_TRUE(none.failure.has_value());
  EXPECT_EQ(none.failure->reason, ReasonCode::ChainUnavailable);
  EXPECT_EQ(none.failure->gate, "support_resistance");

  OptionChain near_only = small_chain().filter_by_dte(0, 30);
  const auto out_of_range = expected_short_strikes(near_only, *iron_condor().options());
  EXPECT_EQ(out_of_range.failure->reason, ReasonCode::NoExpirationInRange);
  EXPECT_EQ(out_of_range.failure->sentence, "no expiration within 30-45 DTE");

  OptionChain puts_only = small_chain().puts();
  const auto no_call = expected_short_strikes(puts_only, *iron_condor().options());
  EXPECT_EQ(no_call.failure->reason, ReasonCode::NoStrikeAtTargetDelta);
}

TEST(TechnicalGates, MomentumTemplatesCheckTrendNotRange) {
  EXPECT_EQ(technical_gate_names(iron_condor()),
            (std::vector<std::string>{"adx", "atr_channel", "hurst", "support_resistance"}));
  EXPECT_EQ(technical_gate_names(fx_momentum()), std::vector<std::string>{"adx"});
  EXPECT_EQ(technical_gate_names(crypto_momentum()), std::vector<std::string>{"hurst"});

  auto s = snapshot("EURUSD", AssetClass::Fx);
  s.daily_bars = steady_climb(40);
  const auto gates = technical_gates(fx_momentum(), s, technical_picture(s));
  ASSERT_EQ(gates.size(), 1u);
  EXPECT_TRUE(gates[0].passed);  // ADX 100 >= 25
}

}  // namespace
}  // namespace dorado::strategy
