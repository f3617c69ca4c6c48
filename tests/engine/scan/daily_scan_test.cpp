// dorado scan end to end on a SQLite store: snapshots, breakers, the scan,
// and what it leaves in the store.
#include <gtest/gtest.h>

#include <filesystem>

#include "dorado/store/open_store.hpp"
#include "scan_fixtures.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono;
using testing::kLastDay;
using testing::shipped_configuration;
using testing::synthetic_market;

class DailyScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dorado-daily-scan-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = store::open_store("sqlite://scan.db", "alice", dir_);
    store_->migrate(sys_days{kLastDay});
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  DailyScan run(DailyScanOptions options = {}) {
    return run_daily_scan(shipped_configuration(), synthetic_market(), *store_, options);
  }

  std::filesystem::path dir_;
  std::unique_ptr<ports::Store> store_;
};

TEST_F(DailyScanTest, PersistsCandidatesSignalsAndTheJournal) {
  std::vector<std::string> progress;
  DailyScanOptions options;
  options.progress = [&](const std::string& line) { progress.push_back(line); };
  const auto scan = run(options);
  const auto& r = scan.result;
  EXPECT_EQ(r.as_of, kLastDay);  // the synthetic market's default date
  EXPECT_EQ(scan.header.market_data, "synthetic market (seed 42)");
  EXPECT_FALSE(progress.empty());

  EXPECT_EQ(store_->latest_scan_id(), r.scan_id);
  const auto rows = store_->scan_candidates(r.scan_id);
  EXPECT_EQ(rows, scan.candidates);
  std::size_t ranked = 0;
  for (const auto& row : rows) {
    EXPECT_EQ(row.config_hash, shipped_configuration().content_hash);
    EXPECT_EQ(row.scan_date, kLastDay);
    EXPECT_NE(row.gates_json, "[]");  // gates and risk checks travel with the candidate
    EXPECT_NE(row.components_json.find("score_components"), std::string::npos);
    if (row.rank) ++ranked;
  }
  EXPECT_EQ(ranked, r.selection.decisions.size());

  const auto signals = store_->read_signals({r.at - hours{1}, r.at + hours{1}});
  ASSERT_EQ(signals.size(), r.selection.decisions.size());
  for (const auto& s : signals) {
    EXPECT_EQ(s.source, "scan");
    EXPECT_EQ(s.signal_id, r.scan_id + ":" + *s.bot_id);
  }
  const auto journal = store_->read_journal({std::nullopt, std::nullopt, 0, 100000});
  std::size_t decisions = 0;
  for (const auto& j : journal)
    if (j.entry.stage == "gate" || j.entry.stage == "selection") ++decisions;
  EXPECT_GE(decisions, r.journal.size() > 0 ? 1u : 0u);
  std::size_t scan_entries = 0;
  for (const auto& j : journal)
    if (j.entry.config_hash == shipped_configuration().content_hash) ++scan_entries;
  EXPECT_EQ(scan_entries, r.journal.size());
}

TEST_F(DailyScanTest, RunningTheSameScanAgainGivesTheSameScreenAndReplacesItsRows) {
  const auto first = run();
  const auto second = run();
  EXPECT_EQ(scan_json(first.result, first.header).dump(),
            scan_json(second.result, second.header).dump());
  const auto rows = store_->scan_candidates(second.result.scan_id);
  EXPECT_EQ(rows, second.candidates);  // the first run's rows are superseded
  // The signals of the first run stand; the second run's are duplicates.
  const auto signals =
      store_->read_signals({first.result.at - hours{1}, first.result.at + hours{1}});
  EXPECT_EQ(signals.size(), first.result.selection.decisions.size());
}

TEST_F(DailyScanTest, AnExplicitDateIsScannedAsOfItsClose) {
  DailyScanOptions options;
  options.as_of = Date{2024y / June / 14};
  const auto scan = run(options);
  EXPECT_EQ(scan.result.as_of, Date{2024y / June / 14});
  EXPECT_EQ(scan.result.at, sys_days{2024y / June / 14} + 20h);  // 16:00 EDT
  EXPECT_NE(scan.result.scan_id, run().result.scan_id);
}

TEST_F(DailyScanTest, PublishedRegimesReachTheGatesAndTheBreakers) {
  DailyScanOptions options;
  options.read_regimes = [](Timestamp at) {
    RegimeView v;
    v.macro = PublishedRegime{"macro", "crisis", 0.95, {}, at, "test"};
    v.correlation = PublishedRegime{"correlation", "concentrated", 0.8, {}, at, "test"};
    return v;
  };
  const auto scan = run(options);
  // The shipped policy's crisis_halt halts all bots: a risk event, nothing selected.
  ASSERT_FALSE(scan.risk_events.empty());
  EXPECT_EQ(scan.risk_events.front().breaker, "crisis_halt");
  EXPECT_EQ(store_->open_risk_events().size(), scan.risk_events.size());
  for (const auto& d : scan.result.selection.decisions)
    EXPECT_NE(d.outcome, risk::SelectionOutcome::Selected);
  ASSERT_TRUE(scan.result.correlation_regime.has_value());
  EXPECT_EQ(scan.result.correlation_regime->label, "concentrated");
}

}  // namespace
}  // namespace dorado::engine
