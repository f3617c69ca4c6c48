#pragma once
// A real SQLite store in a temporary folder, the in-process cache and a
// simulated clock: the parts the bot state machine and the approval step run
// on in the daemon and in replay.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "dorado/cache/memory_cache.hpp"
#include "dorado/calendar/simulated_clock.hpp"
#include "dorado/engine/lifecycle/bot_state_machine.hpp"
#include "dorado/store/open_store.hpp"

namespace dorado::engine::testing {

using namespace std::chrono;

inline const Timestamp kScanAt = sys_days{2024y / June / 3} + 13h + 50min;

class LifecycleFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    folder_ = std::filesystem::temp_directory_path() /
              ("dorado-lifecycle-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(folder_);
    store_ = store::open_sql_store("sqlite://dorado.db", "alice", folder_);
    store_->migrate(kScanAt);
    cache_ = std::make_unique<cache::MemoryCache>(clock_);
    bots_ = std::make_unique<BotStateMachine>(*store_, *cache_, clock_);
  }
  void TearDown() override {
    bots_.reset();
    cache_.reset();
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }

  // A selected candidate of today's scan, stored through the scan's own port.
  std::int64_t candidate(const std::string& bot_id, int rank) {
    ports::CandidateRecord c;
    c.scan_id = "scan-2024-06-03-" + std::to_string(rank);
    c.scan_date = year_month_day{2024y / June / 3};
    c.bot_id = bot_id;
    c.symbol = "SPY";
    c.strategy = "iron_condor";
    c.rank = rank;
    c.score = 0.5;
    c.status = "selected";
    c.created_at = kScanAt;
    const auto stored = store_->record_scan_candidates(c.scan_id, std::span(&c, 1));
    return stored.at(0).id;
  }

  // Moves a bot along `path`, each step expected to succeed.
  void walk(const std::string& bot_id, std::initializer_list<BotState> path,
            std::optional<std::int64_t> candidate_id = std::nullopt) {
    for (const auto to : path) {
      const auto outcome = bots_->move(bot_id, {to, "engine", std::nullopt, "", candidate_id});
      ASSERT_TRUE(outcome.moved()) << outcome.refusal;
    }
  }

  calendar::SimulatedClock clock_{kScanAt};
  std::filesystem::path folder_;
  std::unique_ptr<store::SqlStore> store_;
  std::unique_ptr<cache::MemoryCache> cache_;
  std::unique_ptr<BotStateMachine> bots_;
};

}  // namespace dorado::engine::testing
