// Circuit breakers between scans: rebuilt from the open risk events, changes
// written once (SQLite store).
#include "dorado/engine/scan/breaker_book.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "dorado/store/open_store.hpp"
#include "scan_fixtures.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono;

const Timestamp kAt = sys_days{2024y / December / 31} + 21h;
const Date kDay{2024y / December / 31};

class BreakerBookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dorado-breakers-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = store::open_store("sqlite://scan.db", "alice", dir_);
    store_->migrate(kAt);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  const config::RiskPolicy& policy() const { return testing::shipped_configuration().risk_policy; }
  BreakerCheck check(Timestamp at, std::optional<double> vix,
                     std::optional<MacroRegime> regime = MacroRegime::Goldilocks) {
    const Money equity = Money::from_units(100000, Currency("USD"));
    return check_breakers(*store_, policy(), {at, Date{floor<days>(at)}, equity}, {regime, vix});
  }

  std::filesystem::path dir_;
  std::unique_ptr<ports::Store> store_;
};

TEST_F(BreakerBookTest, HighVolTripsOnceAndLiftsWhenVixIsBackDown) {
  // Shipped policy: high_vol above VIX 30 halves every new size.
  const auto first = check(kAt, 35.0);
  ASSERT_EQ(first.written.size(), 1u);
  EXPECT_EQ(first.written[0].kind, "breaker_tripped");
  EXPECT_EQ(first.written[0].breaker, "high_vol");
  EXPECT_EQ(first.written[0].measured, 35.0);
  EXPECT_EQ(first.written[0].threshold, 30.0);
  EXPECT_DOUBLE_EQ(first.state.sizing_multiplier(), 0.5);

  // The same scan again: the open trip is rebuilt, nothing new is written.
  const auto again = check(kAt, 35.0);
  EXPECT_TRUE(again.written.empty());
  EXPECT_DOUBLE_EQ(again.state.sizing_multiplier(), 0.5);
  EXPECT_EQ(store_->open_risk_events().size(), 1u);

  const auto calm = check(kAt + hours{24}, 18.0);
  ASSERT_EQ(calm.written.size(), 1u);
  EXPECT_EQ(calm.written[0].kind, "breaker_lifted");
  EXPECT_EQ(calm.written[0].lifted_by, "rule");
  EXPECT_TRUE(store_->open_risk_events().empty());
  EXPECT_DOUBLE_EQ(calm.state.sizing_multiplier(), 1.0);
}

TEST_F(BreakerBookTest, CrisisRegimeHaltsAllBots) {
  const auto crisis = check(kAt, 25.0, MacroRegime::Crisis);
  ASSERT_EQ(crisis.written.size(), 1u);
  EXPECT_EQ(crisis.written[0].breaker, "crisis_halt");
  EXPECT_EQ(crisis.written[0].action, "halt_all_bots");
  EXPECT_TRUE(crisis.state.halts_all_bots());
  // An unknown regime neither trips nor lifts: the halt stays.
  const auto unknown = check(kAt + hours{1}, 25.0, std::nullopt);
  EXPECT_TRUE(unknown.written.empty());
  EXPECT_TRUE(unknown.state.halts_all_bots());
}

TEST(BreakerState, RebuiltFromOpenTripsWithTheirActions) {
  ports::RiskEventRecord weekly;
  weekly.at = kAt;
  weekly.kind = "breaker_tripped";
  weekly.breaker = "weekly_loss";
  weekly.action = "reduce_sizing_50";
  weekly.measured = 5.5;
  weekly.threshold = 5;
  weekly.reason = "weekly loss 5.5 % >= 5 %";
  auto vol = weekly;
  vol.breaker = "high_vol";
  vol.action = "sizing_multiplier_0.5";
  const auto& policy = testing::shipped_configuration().risk_policy;
  const auto s =
      breaker_state_from({vol, weekly}, policy, kDay, Money::from_units(100000, Currency("USD")));
  ASSERT_EQ(s.tripped.size(), 2u);
  EXPECT_EQ(s.tripped[0].breaker, risk::Breaker::WeeklyLoss);  // in Breaker order
  EXPECT_EQ(s.tripped[1].breaker, risk::Breaker::HighVol);
  // 0.5 (reduce_sizing_50) x 0.5 (high_vol's multiplier in the shipped policy).
  EXPECT_DOUBLE_EQ(s.sizing_multiplier(), 0.25);
  EXPECT_FALSE(s.halts_new_trades());
  EXPECT_EQ(s.trading_day, kDay);
}

}  // namespace
}  // namespace dorado::engine
