// Portfolio-aware selection on hand-built books: rank order, paper routing, the cap,
// breakers and the portfolio budget.
#include "dorado/risk/selection.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;
using AC = AssetClass;

SelectionEntry entry(std::string bot_id, std::string underlying, double score,
                     std::string_view max_loss, std::optional<int> bot_max = std::nullopt) {
  auto c = candidate(bot_id, underlying, "iron_condor", {}, usd("100"), usd(max_loss), score);
  return SelectionEntry{c,
                        position(bot_id + "/" + underlying, underlying, AC::EquityOptions, max_loss,
                                 max_loss, {}, bot_id),
                        {},
                        bot_max};
}

std::vector<std::string> bots_in_rank_order(const SelectionResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.decisions) out.push_back(d.candidate.bot_id);
  return out;
}

TEST(Selection, WalksInRankOrderAndSendsMisfitsToPaper) {
  const auto book = PortfolioState::flat(usd("100000"));
  auto low_quality = entry("e", "GLD", 0.95, "500");
  low_quality.position.reset();
  low_quality.trade_failures = {CheckResult::fail("data_quality", ReasonCode::DataQualityTooLow, {},
                                                  "data quality 0.7 < 0.8 min")};
  const std::vector<SelectionEntry> entries{
      entry("d", "IWM", 0.6, "1000"), entry("a", "SPY", 0.9, "3000"),
      entry("b", "SPY", 0.8, "1500"),  // SPY 4,500 > 4,000: paper
      entry("c", "QQQ", 0.7, "2000"), low_quality};
  const auto r = select(book, entries, shipped_policy(), {});
  EXPECT_EQ(bots_in_rank_order(r), (std::vector<std::string>{"e", "a", "b", "c", "d"}));

  const auto& e = r.decisions[0];
  EXPECT_EQ(e.rank, 1);
  EXPECT_EQ(e.input_index, 4u);
  EXPECT_EQ(e.outcome, SelectionOutcome::Paper);
  EXPECT_EQ(e.reason, ReasonCode::SentToPaper);
  EXPECT_EQ(e.candidate.rejection, ReasonCode::DataQualityTooLow);

  EXPECT_EQ(r.decisions[1].outcome, SelectionOutcome::Selected);
  EXPECT_EQ(r.decisions[1].reason, ReasonCode::Selected);
  EXPECT_FALSE(r.decisions[1].candidate.rejection.has_value());

  const auto& b = r.decisions[2];
  EXPECT_EQ(b.outcome, SelectionOutcome::Paper);
  EXPECT_EQ(b.candidate.rejection, ReasonCode::ConcentrationExceeded);
  ASSERT_EQ(b.failed_checks.size(), 1u);
  EXPECT_EQ(b.failed_checks[0].sentence,
            "SPY max loss 4,500 USD (4.5 %) > 4,000 USD (4 % of 100,000)");

  EXPECT_EQ(r.decisions[3].outcome, SelectionOutcome::Selected);
  EXPECT_EQ(r.decisions[4].outcome, SelectionOutcome::Selected);
  EXPECT_EQ(r.with_outcome(SelectionOutcome::Selected).size(), 3u);
  // The book now holds a, c, d: heat 6,000, cash 100,000 - 6,000.
  EXPECT_EQ(r.portfolio.heat(), usd("6000"));
  EXPECT_EQ(r.portfolio.cash, usd("94000"));

  // Headroom 10,000 - 6,000 = 4,000; sized max losses 1,000 1,500 2,000 3,000 -> lower
  // median 1,500; 4,000 / 1,500 = 2.67 -> 2 trades.
  EXPECT_EQ(r.budget.trades_before_heat_limit, 2);
  EXPECT_EQ(r.budget.heat_headroom, usd("4000"));
  EXPECT_EQ(r.budget.typical_max_loss, usd("1500"));
  EXPECT_EQ(r.budget.sentence,
            "portfolio budget: 2 trades before heat limit (headroom 4,000 USD, typical max loss "
            "1,500 USD)");
}

TEST(Selection, TiesBreakOnLessRiskThenNamesThenInputOrder) {
  const std::vector<SelectionEntry> entries{
      entry("z", "SPY", 0.7, "900"), entry("y", "SPY", 0.7, "800"), entry("x", "QQQ", 0.7, "900"),
      entry("x", "IWM", 0.7, "900"), entry("x", "IWM", 0.7, "900"), entry("w", "SPY", 0.8, "2000")};
  EXPECT_EQ(rank_order(entries), (std::vector<std::size_t>{5, 1, 3, 4, 2, 0}));
}

TEST(Selection, BotPositionLimitAppliesWithinOneScan) {
  const auto r =
      select(PortfolioState::flat(usd("100000")),
             {entry("spy-ic-01", "SPY", 0.9, "1000", 1), entry("spy-ic-01", "SPY", 0.8, "1000", 1)},
             shipped_policy(), {});
  EXPECT_EQ(r.decisions[0].outcome, SelectionOutcome::Selected);
  EXPECT_EQ(r.decisions[1].outcome, SelectionOutcome::Paper);
  EXPECT_EQ(r.decisions[1].candidate.rejection, ReasonCode::MaxOpenPositionsReached);
}

TEST(Selection, PaperBookIsCappedDroppingTheLowestScores) {
  // Each 5,000 max loss breaks the 4 % single-underlying limit: all five go towards paper.
  std::vector<SelectionEntry> entries;
  for (int i = 0; i < 5; ++i)
    entries.push_back(entry("b" + std::to_string(i), "SPY", 0.9 - 0.1 * i, "5000"));
  const auto r = select(PortfolioState::flat(usd("100000")), entries, shipped_policy(), {},
                        SelectionOptions{.paper_cap = 3});
  std::vector<SelectionOutcome> outcomes;
  for (const auto& d : r.decisions) outcomes.push_back(d.outcome);
  using O = SelectionOutcome;
  EXPECT_EQ(outcomes, (std::vector<O>{O::Paper, O::Paper, O::Paper, O::Dropped, O::Dropped}));
  EXPECT_EQ(r.decisions[3].reason, ReasonCode::PaperCapReached);
  EXPECT_EQ(r.decisions[4].candidate.bot_id, "b4");
  // Nothing selected: the whole heat budget remains, 10,000 / lower median 5,000 = 2.
  EXPECT_EQ(r.budget.trades_before_heat_limit, 2);
}

CircuitBreakerState tripped(Breaker b, config::BreakerAction action, std::string reason) {
  CircuitBreakerState s;
  s.tripped.push_back({b, action, 1.0, kAsOf, 3.2, 3, std::move(reason)});
  return s;
}

TEST(Selection, HaltNewTradesSendsEverythingToPaperWithTheBreakersReason) {
  const auto breakers = tripped(Breaker::DailyLoss, config::BreakerAction::HaltNewTrades,
                                "daily loss 3.2 % (3,200 USD) >= 3 % threshold: halt_new_trades");
  const auto r = select(PortfolioState::flat(usd("100000")),
                        {entry("a", "SPY", 0.9, "1000"), entry("b", "QQQ", 0.8, "1000")},
                        shipped_policy(), breakers);
  EXPECT_EQ(r.halted_by,
            "daily_loss: daily loss 3.2 % (3,200 USD) >= 3 % threshold: halt_new_trades");
  for (const auto& d : r.decisions) {
    EXPECT_EQ(d.outcome, SelectionOutcome::Paper);
    EXPECT_EQ(d.candidate.rejection, ReasonCode::CircuitBreakerActive);
    ASSERT_EQ(d.failed_checks.size(), 1u);
    EXPECT_EQ(d.failed_checks[0].gate, "circuit_breaker");
    EXPECT_EQ(d.failed_checks[0].sentence, *r.halted_by);
  }
  EXPECT_EQ(r.portfolio.heat(), usd("0"));
}

TEST(Selection, HaltAllBotsBlocksEverything) {
  const auto breakers = tripped(Breaker::CrisisHalt, config::BreakerAction::HaltAllBots,
                                "macro regime crisis: halt_all_bots");
  const auto r = select(PortfolioState::flat(usd("100000")), {entry("a", "SPY", 0.9, "1000")},
                        shipped_policy(), breakers);
  EXPECT_EQ(r.decisions[0].outcome, SelectionOutcome::Blocked);
  EXPECT_EQ(r.decisions[0].reason, ReasonCode::CircuitBreakerActive);
  EXPECT_EQ(r.halted_by, "crisis_halt: macro regime crisis: halt_all_bots");
  EXPECT_TRUE(r.with_outcome(SelectionOutcome::Paper).empty());
}

TEST(Selection, ReduceSizingDoesNotBlockSelection) {
  const auto breakers =
      tripped(Breaker::WeeklyLoss, config::BreakerAction::ReduceSizing50, "weekly loss 5.1 %");
  const auto r = select(PortfolioState::flat(usd("100000")), {entry("a", "SPY", 0.9, "1000")},
                        shipped_policy(), breakers);
  EXPECT_FALSE(r.halted_by.has_value());
  EXPECT_EQ(r.decisions[0].outcome, SelectionOutcome::Selected);
}

TEST(Selection, EmptyScanStillReportsTheBudget) {
  // No candidate sized: typical = the per-trade limit 2,000; 10,000 / 2,000 = 5.
  const auto r = select(PortfolioState::flat(usd("100000")), {}, shipped_policy(), {});
  EXPECT_TRUE(r.decisions.empty());
  EXPECT_EQ(r.budget.trades_before_heat_limit, 5);
  EXPECT_EQ(r.budget.sentence,
            "portfolio budget: 5 trades before heat limit (headroom 10,000 USD, typical max loss "
            "2,000 USD)");
}

TEST(Selection, RefusesScoresThatAreNotNumbers) {
  EXPECT_THROW(select(PortfolioState::flat(usd("100000")), {entry("a", "SPY", std::nan(""), "1")},
                      shipped_policy(), {}),
               std::invalid_argument);
}

TEST(Selection, OutcomeNamesAreStable) {
  EXPECT_EQ(all_names<SelectionOutcome>(),
            (std::vector<std::string_view>{"selected", "paper", "dropped", "blocked"}));
}

}  // namespace
}  // namespace dorado::risk
