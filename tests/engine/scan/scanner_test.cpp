// The scanner on the shipped configuration and the synthetic market's last day.
#include <gtest/gtest.h>

#include <algorithm>

#include "dorado/engine/scan/scan_instant.hpp"
#include "dorado/engine/scan/scan_json.hpp"
#include "scan_fixtures.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono;
using testing::kLastDay;
using testing::last_day_snapshots;
using testing::shipped_configuration;

ScanResult scan(const config::Configuration& cfg, RegimeView regimes = {},
                risk::CircuitBreakerState breakers = {}, std::size_t threads = 0) {
  const auto book = risk::PortfolioState::flat(Money::from_units(100000, Currency("USD")));
  ScanInputs in{cfg,  last_day_snapshots(), {},       std::move(regimes),
                book, std::move(breakers),  kLastDay, scan_instant(kLastDay)};
  for (const auto& m : cfg.universe.underlyings)
    in.pricing[m.symbol] = testing::synthetic_market().pricing(m);
  ScanSettings settings;
  settings.threads = threads;
  return run_scan(in, settings);
}

const BotScan& bot(const ScanResult& r, const std::string& id) {
  for (const auto& b : r.bots)
    if (b.bot_id == id) return b;
  throw std::out_of_range("no bot " + id);
}

bool journaled(const ScanResult& r, const std::string& stage, const std::string& subject,
               const std::string& reason) {
  return std::any_of(r.journal.begin(), r.journal.end(), [&](const ports::JournalEntry& e) {
    return e.stage == stage && e.subject == subject && e.reason_code == reason;
  });
}

TEST(Scanner, SameInputsGiveTheSameResultOnOneThreadOrMany) {
  const auto one = scan(shipped_configuration(), {}, {}, 1);
  const auto many = scan(shipped_configuration(), {}, {}, 4);
  EXPECT_EQ(one.journal, many.journal);
  EXPECT_EQ(scan_json(one, {}).dump(), scan_json(many, {}).dump());
  EXPECT_EQ(one.scan_id, "2024-12-31-" + shipped_configuration().content_hash.substr(0, 12));
}

TEST(Scanner, EveryScanningBotIsAccountedForAndCandidatesAreRankedAcrossThePortfolio) {
  const auto r = scan(shipped_configuration());
  ASSERT_EQ(r.bots.size(), shipped_configuration().bots.size());  // all three scan
  for (const auto& b : r.bots) {
    ASSERT_TRUE(b.gates.has_value()) << b.bot_id;
    // Either stopped somewhere with a reason, or handed to selection.
    EXPECT_NE(b.stop.has_value(), b.entry.has_value()) << b.bot_id;
    // Every evaluated gate is journaled under the underlying.
    for (const auto& g : b.gates->gates)
      EXPECT_TRUE(journaled(r, "gate", b.symbol,
                            g.reason ? std::string(name_of(*g.reason)) : "gate_passed"))
          << b.bot_id << " " << g.gate;
  }
  ASSERT_EQ(r.selection.decisions.size(), r.entries.size());
  for (std::size_t i = 0; i < r.selection.decisions.size(); ++i) {
    const auto& d = r.selection.decisions[i];
    EXPECT_EQ(d.rank, static_cast<int>(i) + 1);
    if (i > 0) {
      EXPECT_LE(d.candidate.score, r.selection.decisions[i - 1].candidate.score);
    }
    EXPECT_TRUE(journaled(r, "selection", d.candidate.underlying, std::string(name_of(d.reason))));
    const auto* b = r.bot_of_entry(d.input_index);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(d.candidate.config_hash, shipped_configuration().content_hash);
    EXPECT_FALSE(d.candidate.gate_results.empty());
  }
  EXPECT_TRUE(journaled(r, "selection", "portfolio", "portfolio_budget"));
  EXPECT_NE(r.selection.budget.sentence.find("portfolio budget"), std::string::npos);
  // Universe members no bot scans are skipped with that reason (TLT, GLD, AUDUSD, ETH).
  for (const char* symbol : {"TLT", "GLD", "AUDUSD", "ETH"})
    EXPECT_TRUE(std::any_of(r.skipped.begin(), r.skipped.end(), [&](const SkippedUnderlying& s) {
      return s.symbol == symbol && s.reason == "no_scan_bot";
    })) << symbol;
}

TEST(Scanner, AFailedGateStopsTheUnderlyingWithItsReasonAndNumbers) {
  auto cfg = shipped_configuration();
  for (auto& s : cfg.strategies)
    if (s.name == "iron_condor")
      std::get<config::OptionRules>(s.rules).entry.volatility.iv_rank_min = 101;
  const auto r = scan(cfg);
  const auto& spy = bot(r, "spy-ic-01");
  ASSERT_TRUE(spy.stop.has_value());
  EXPECT_EQ(spy.stop->stage, "gate");
  EXPECT_EQ(spy.stop->reason, ReasonCode::IvRankTooLow);
  EXPECT_FALSE(spy.entry.has_value());
  EXPECT_TRUE(journaled(r, "gate", "SPY", "iv_rank_too_low"));
  const auto skipped = std::find_if(r.skipped.begin(), r.skipped.end(),
                                    [](const SkippedUnderlying& s) { return s.symbol == "SPY"; });
  ASSERT_NE(skipped, r.skipped.end());
  EXPECT_EQ(skipped->reason, "iv_rank_too_low");
  EXPECT_EQ(skipped->bot_id, "spy-ic-01");
  EXPECT_NE(skipped->sentence.find("101"), std::string::npos) << skipped->sentence;
}

TEST(Scanner, AMacroRegimeTheTemplateExcludesFailsTheRegimeGate) {
  RegimeView regimes;
  regimes.macro = PublishedRegime{"macro", "crisis", 0.9, {}, scan_instant(kLastDay), "test"};
  const auto r = scan(shipped_configuration(), regimes);
  const auto& spy = bot(r, "spy-ic-01");
  ASSERT_TRUE(spy.stop.has_value());
  EXPECT_EQ(spy.stop->reason, ReasonCode::RegimeNotAllowed);
  EXPECT_TRUE(journaled(r, "gate", "SPY", "regime_not_allowed"));
}

TEST(Scanner, AHaltingBreakerBlocksEverySelection) {
  risk::CircuitBreakerState breakers;
  risk::TrippedBreaker crisis;
  crisis.breaker = risk::Breaker::CrisisHalt;
  crisis.action = config::BreakerAction::HaltAllBots;
  crisis.reason = "macro regime crisis";
  breakers.tripped.push_back(crisis);
  const auto r = scan(shipped_configuration(), {}, breakers);
  for (const auto& d : r.selection.decisions) {
    EXPECT_EQ(d.outcome, risk::SelectionOutcome::Blocked);
    EXPECT_EQ(d.reason, ReasonCode::CircuitBreakerActive);
  }
  EXPECT_TRUE(r.selection.halted_by.has_value());
}

TEST(Scanner, BotsOutOfScanModeAreNotScanned) {
  auto cfg = shipped_configuration();
  for (auto& b : cfg.bots)
    if (b.id == "usdjpy-fxm-01") b.signal_mode = config::SignalMode::Webhook;
  const auto r = scan(cfg);
  EXPECT_EQ(r.bots.size(), cfg.bots.size() - 1);
  EXPECT_TRUE(std::any_of(r.skipped.begin(), r.skipped.end(), [](const SkippedUnderlying& s) {
    return s.symbol == "USDJPY" && s.reason == "no_scan_bot";
  }));
}

}  // namespace
}  // namespace dorado::engine
