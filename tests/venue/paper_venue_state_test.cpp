// The paper venue's books survive a restart: the state round-trips through
// JSON exactly, a venue built on the same state file continues where the old
// one stopped (orders, fills, positions, cash, numbering), and a resend of a
// known client order id after the restart places nothing.
#include "dorado/venue/paper/paper_venue_state.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

class PaperState : public PaperVenueTest {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("dorado-paper-state-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    config_.state_file = folder_ / "paper.json";
    config_.partial_fills.max_units_per_match = qty(1);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // A venue with some history: a filled put, a half-filled order still
  // working, a cancelled one, an FX trade and a settled expiry.
  void trade_a_little() {
    quote(put("500"), 4.90, 5.00);
    quote(put("490", kApril), 2.00, 2.10);
    place(limit("a", put("500"), Side::Sell, 1, "4.90"));
    place(limit("b", put("490", kApril), Side::Buy, 3, "2.10", TimeInForce::Gtc));
    place(limit("c", put("490", kApril), Side::Buy, 1, "1.00"));
    ASSERT_TRUE(venue().cancel_order("c").ok());
    quote(fx_pair("EUR_USD"), 1.08450, 1.08460);
    place(market("d", fx_pair("EUR_USD"), Side::Buy, qty(10'000)));
    market_.set_financing(ports::FinancingRates{.instrument = "EUR_USD",
                                                .long_rate = -0.0376,
                                                .short_rate = 0.0152,
                                                .days_charged = {1, 1, 3, 1, 1, 0, 0},
                                                .as_of = clock_.now()});
    ASSERT_EQ(venue().book_financing(year{2024} / March / 13)->size(), 1u);
    clock_.set(at(kFriday, hours{21}));
    spy_at(495.00);
    ASSERT_TRUE(venue().settle_expirations(kFriday).ok());
  }

  std::filesystem::path folder_;
};

TEST_F(PaperState, JsonRoundTripIsExact) {
  trade_a_little();
  const PaperVenueState state = venue().state();
  EXPECT_EQ(state.orders.size(), 4u);
  EXPECT_EQ(state.settlements.size(), 1u);
  EXPECT_EQ(state.carry.size(), 1u);
  EXPECT_EQ(paper_state_from_json(to_json(state)), state);
}

TEST_F(PaperState, ARestartedVenueContinuesFromTheStateFile) {
  trade_a_little();
  const auto account_before = account();
  const auto orders_before = venue().open_orders().value();
  const auto b_before = venue().order_status("b").value();
  venue_.reset();  // the process dies

  PaperVenue restarted(config_, clock_, market_);
  EXPECT_EQ(restarted.account().value(), account_before);
  EXPECT_EQ(restarted.order_status("b").value(), b_before);
  EXPECT_EQ(restarted.open_orders().value(), orders_before);
  EXPECT_EQ(restarted.settlements().size(), 1u);
  // The rollover already booked stays booked once.
  EXPECT_TRUE(restarted.book_financing(year{2024} / March / 13)->empty());
  EXPECT_EQ(restarted.positions().value().size(), 3u);  // April put, EUR_USD, SPY shares

  // A resend of a known order places nothing; a new one continues the numbering.
  const auto resend = restarted.place_order(limit("a", put("500"), Side::Sell, 1, "4.90"));
  ASSERT_TRUE(resend.ok());
  EXPECT_EQ(resend->venue_order_id, "P000001");
  clock_.set(at(year{2024} / March / 18, hours{15}));
  const auto next = restarted.place_order(limit("e", put("490", kApril), Side::Buy, 1, "1.00"));
  EXPECT_EQ(next->venue_order_id, "P000005");

  // The half-filled order keeps filling after the restart.
  restarted.match_working_orders();
  EXPECT_EQ(restarted.order_status("b")->filled_quantity, qty(2));
}

TEST_F(PaperState, EveryChangeIsOnDiskBeforeTheCallReturns) {
  quote(put("500"), 4.90, 5.00);
  place(limit("a", put("500"), Side::Buy, 1, "5.00"));
  // Read the file now, without destroying the venue (as after a SIGKILL).
  const auto saved = load_paper_state(*config_.state_file);
  ASSERT_TRUE(saved.has_value());
  ASSERT_EQ(saved->orders.size(), 1u);
  EXPECT_EQ(saved->orders[0].report.status(), OrderStatus::Filled);
  EXPECT_EQ(saved->cash, usd("99499.00"));  // 100,000 - 500 - 1.00
}

TEST_F(PaperState, AFreshStateFileHoldsTheStartingCash) {
  venue();
  EXPECT_EQ(load_paper_state(*config_.state_file)->cash, usd("100000"));
}

TEST_F(PaperState, MalformedStateFileIsRefusedNamingTheFile) {
  std::ofstream(*config_.state_file) << R"({"version":1,"cash":"12 USD"})";
  try {
    PaperVenue broken(config_, clock_, market_);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("paper.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("booked"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace dorado::venue::paper::testing
