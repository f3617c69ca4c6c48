// The paper venue against the synthetic market of the day, wired the way the
// engine wires it: the day's SPY chain into a SnapshotMarket, an iron condor
// chosen by delta, sold at its net far price, held to expiration and settled
// at the synthetic close. The expected figures are recomputed here from the
// chain rows and the closing bar with plain arithmetic (ratio x price x 100,
// intrinsic = max(0, S - K) or max(0, K - S)), independently of the venue.
#include <gtest/gtest.h>

#include <cmath>

#include "dorado/data/synthetic/synthetic_market.hpp"
#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

using data::synthetic::ChainProblemRates;
using data::synthetic::SyntheticMarket;
using data::synthetic::SyntheticMarketConfig;

const SyntheticMarket& market_2024() {
  static const SyntheticMarket market(
      SyntheticMarketConfig{.seed = 7,
                            .first_day = year{2023} / October / 1,
                            .last_day = year{2024} / June / 30,
                            .initial_regime = MacroRegime::Goldilocks,
                            .risk_free_rate = 0.02,
                            .chain_problems = ChainProblemRates::none()});
  return market;
}

// The contract of `right` nearest `delta` in the expiration, and its wing `width` further out.
std::pair<OptionContract, OptionContract> short_and_wing(const OptionChain& expiry, double delta,
                                                         OptionRight right, double width) {
  const OptionContract short_leg = *expiry.nearest_delta(delta, right);
  const double wing_strike = short_leg.strike + (right == OptionRight::Call ? width : -width);
  for (const auto& c : expiry.contracts)
    if (c.right == right && std::abs(c.strike - wing_strike) < 1e-9) return {short_leg, c};
  ADD_FAILURE() << "no wing at " << wing_strike;
  return {short_leg, short_leg};
}

Instrument instrument_of(const OptionContract& c) {
  return us_equity_option(c.id());
}

class PaperSynthetic : public PaperVenueTest {};

TEST_F(PaperSynthetic, IronCondorOnTheSyntheticChainFillsAtItsNetAndSettlesAtTheClose) {
  const Date day = year{2024} / March / 13;
  const auto synthetic = market_2024().option_chain("SPY", day);
  ASSERT_TRUE(synthetic.has_value());
  market_.set_chain(synthetic->chain);
  clock_.set(at(day, hours{19}, minutes{30}));  // 15:30 New York, before the close

  // The first expiration 25 to 50 days out, shorts near 16 delta, 5 wide wings.
  const OptionChain window = synthetic->chain.filter_by_dte(25, 50);
  ASSERT_FALSE(window.empty());
  const Date expiration = window.expirations().front();
  const OptionChain expiry = window.filter_by_expiration(expiration);
  const auto [short_put, long_put] = short_and_wing(expiry, -0.16, OptionRight::Put, 5.0);
  const auto [short_call, long_call] = short_and_wing(expiry, 0.16, OptionRight::Call, 5.0);

  // Net far price: buys at the ask, sells at the bid (credit negative).
  const double net = long_put.ask - short_put.bid - short_call.bid + long_call.ask;
  ASSERT_LT(net, 0.0) << "a condor sells for a credit";
  const Price limit_price = Price::from_double(net);
  const Order condor{.client_order_id = "syn-ic-1",
                     .legs = {Leg{instrument_of(long_put), Side::Buy, 1},
                              Leg{instrument_of(short_put), Side::Sell, 1},
                              Leg{instrument_of(short_call), Side::Sell, 1},
                              Leg{instrument_of(long_call), Side::Buy, 1}},
                     .quantity = qty(3),
                     .type = OrderType::Limit,
                     .limit_price = limit_price,
                     .time_in_force = TimeInForce::Day,
                     .status = OrderStatus::New};
  const auto report = place(condor);
  ASSERT_EQ(report.status(), OrderStatus::Filled) << report.message;
  EXPECT_EQ(report.average_price, limit_price);

  // Cash: 3 condors x 100 x credit, less 12 contracts x 0.65 = 7.80.
  const Money credit = Money::from_micros(-limit_price.micros() * 300, kUsd);
  EXPECT_EQ(account().cash, usd("100000") + credit - usd("7.80"));
  // Requirement: the wider side (both 5) x 100 x 3.
  EXPECT_EQ(account().margin_used, usd("1500"));

  // Expiration day's synthetic close settles the four legs.
  const auto close_bar = market_2024().bar("SPY", expiration);
  ASSERT_TRUE(close_bar.has_value());
  clock_.set(at(expiration, hours{21}));
  spy_at(close_bar->close);
  const auto settled = venue().settle_expirations(expiration);
  ASSERT_TRUE(settled.ok()) << settled.error().message;
  EXPECT_EQ(settled->size(), 4u);

  // Independently: the condor's value at expiry is minus the intrinsic of the
  // shorts plus that of the longs, delivered as shares bought and sold at the strikes.
  const Price s = Price::from_double(close_bar->close);
  const auto intrinsic = [&](const OptionContract& c) {
    const Price k = Price::from_double(c.strike);
    const Price v = c.right == OptionRight::Call ? s - k : k - s;
    return v >= Price::from_micros(10'000) ? v : Price{};  // OCC 0.01 threshold
  };
  const Price payoff =
      intrinsic(long_put) - intrinsic(short_put) - intrinsic(short_call) + intrinsic(long_call);
  const Money at_expiry = Money::from_micros(payoff.micros() * 300, kUsd);
  // Shares delivered on the assigned side are marked at the close: equity
  // counts them at S, which is what makes the payoff exact.
  EXPECT_EQ(account().equity, usd("100000") + credit - usd("7.80") + at_expiry);
  for (const auto& p : positions())
    EXPECT_EQ(p.leg.instrument().symbol, "SPY") << "only shares may remain after expiry";
}

}  // namespace
}  // namespace dorado::venue::paper::testing
