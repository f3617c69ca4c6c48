// The SnapshotMarket the engine fills with the day's quotes and chains, and
// the options extension of the paper venue answering from it.
#include "dorado/venue/paper/snapshot_market.hpp"

#include <gtest/gtest.h>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

OptionContract row(std::string_view strike, OptionRight right, year_month_day expiration,
                   double bid, double ask) {
  return OptionContract{.underlying = "SPY",
                        .expiration = expiration,
                        .strike = std::stod(std::string(strike)),
                        .right = right,
                        .bid = bid,
                        .ask = ask,
                        .last = 0,
                        .volume = 0,
                        .open_interest = 0,
                        .implied_vol = std::nullopt,
                        .delta = std::nullopt,
                        .gamma = std::nullopt,
                        .theta = std::nullopt,
                        .vega = std::nullopt,
                        .quote_time = {}};
}

OptionChain chain_of(Timestamp as_of) {
  return OptionChain{.underlying = "SPY",
                     .spot = 508.25,
                     .as_of = as_of,
                     .contracts = {row("500", OptionRight::Put, kFriday, 4.90, 5.00),
                                   row("520", OptionRight::Call, kFriday, 1.50, 1.60),
                                   row("500", OptionRight::Put, kApril, 9.90, 10.00)}};
}

class SnapshotMarketTest : public PaperVenueTest {};

TEST_F(SnapshotMarketTest, OptionsAreQuotedFromTheirChainRowAndTheUnderlyingAtSpot) {
  market_.set_chain(chain_of(clock_.now()));
  const auto q = market_.quote(put("500"));
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->symbol, put("500").symbol);
  EXPECT_EQ(q->bid, 4.90);
  EXPECT_EQ(q->time, clock_.now());  // the chain's as_of when the row has no time
  EXPECT_EQ(market_.quote(us_stock("SPY"))->mid(), 508.25);
  EXPECT_FALSE(market_.quote(call("999")).has_value());
}

TEST_F(SnapshotMarketTest, AnExplicitQuoteWinsOverTheChain) {
  market_.set_chain(chain_of(clock_.now()));
  quote(put("500"), 4.00, 4.10);
  quote(us_stock("SPY"), 508.00, 508.02);
  EXPECT_EQ(market_.quote(put("500"))->bid, 4.00);
  EXPECT_EQ(market_.quote(us_stock("SPY"))->ask, 508.02);
}

TEST_F(SnapshotMarketTest, ANewChainReplacesTheOldOneWhole) {
  market_.set_chain(chain_of(clock_.now()));
  OptionChain next = chain_of(clock_.now());
  next.contracts.erase(next.contracts.begin());
  market_.set_chain(next);
  EXPECT_FALSE(market_.quote(put("500")).has_value());
  EXPECT_TRUE(market_.quote(call("520")).has_value());
}

TEST_F(SnapshotMarketTest, CrossedQuotesAreRefused) {
  EXPECT_THROW(quote(put("500"), 5.10, 5.00), std::invalid_argument);
}

TEST_F(SnapshotMarketTest, PaperVenueFillsAgainstTheChainAndServesItByDte) {
  market_.set_chain(chain_of(clock_.now()));
  const auto report = place(limit("c1", put("500"), Side::Buy, 1, "5.00"));
  EXPECT_EQ(report.status(), OrderStatus::Filled);
  EXPECT_EQ(report.fills.at(0).price, px("5.00"));

  ports::OptionsVenue& options = *venue().options();
  EXPECT_EQ(options.option_chain({"SPY", {}, {}})->size(), 3u);
  // From Wednesday 2024-03-13: Friday is 2 days out, April 19 is 37.
  const auto near = options.option_chain({"SPY", 0, 7});
  ASSERT_TRUE(near.ok());
  EXPECT_EQ(near->size(), 2u);
  EXPECT_EQ(options.option_chain({"SPY", 30, std::nullopt})->size(), 1u);
  EXPECT_EQ(options.option_chain({"QQQ", {}, {}}).error().reason, ReasonCode::ChainUnavailable);
  EXPECT_EQ(options.option_chain({"SPY", 10, 5}).error().reason, ReasonCode::InvalidOrder);
}

}  // namespace
}  // namespace dorado::venue::paper::testing
