#pragma once
// The approval fixture plus a paper venue that keeps its books in a state
// file (so a "restart" is a new venue read back from disk, as after a crash)
// and the order executor on the same store, cache and clock.
//
// The market: an iron condor on SPY expiring 2024-06-21, quoted
//   480P 0.90/1.00   490P 1.90/2.00   520C 1.50/1.60   530C 0.50/0.60
// Selling it (buy 480P, sell 490P, sell 520C, buy 530C) at the far sides
// nets +1.00 - 1.90 - 1.50 + 0.60 = -1.80 (a 1.80 credit); at the mids
// +0.95 - 1.95 - 1.55 + 0.55 = -2.00, the price the decision expects.
#include <memory>
#include <optional>

#include "dorado/engine/execution/order_executor.hpp"
#include "dorado/venue/paper/paper_venue.hpp"
#include "dorado/venue/paper/snapshot_market.hpp"
#include "engine/approval/approval_fixture.hpp"

namespace dorado::engine::testing {

inline constexpr year_month_day kExpiry{2024y / June / 21};

inline Instrument spy_option(std::string_view strike, OptionRight right) {
  return us_equity_option(OptionContractId{"SPY", kExpiry, Price::parse(strike), right});
}

inline Order condor(std::int64_t units, std::string_view limit) {
  return Order{.client_order_id = "",
               .legs = {Leg{spy_option("480", OptionRight::Put), Side::Buy, 1},
                        Leg{spy_option("490", OptionRight::Put), Side::Sell, 1},
                        Leg{spy_option("520", OptionRight::Call), Side::Sell, 1},
                        Leg{spy_option("530", OptionRight::Call), Side::Buy, 1}},
               .quantity = Quantity::units(units),
               .type = OrderType::Limit,
               .limit_price = Price::parse(limit),
               .time_in_force = TimeInForce::Day,
               .status = OrderStatus::New};
}

inline OrderTicket condor_ticket() {
  return {condor(2, "-1.80"), 1, Price::parse("-2.00")};
}

class ExecutionFixture : public ApprovalFixture {
 protected:
  void SetUp() override {
    ApprovalFixture::SetUp();
    quote(spy_option("480", OptionRight::Put), 0.90, 1.00);
    quote(spy_option("490", OptionRight::Put), 1.90, 2.00);
    quote(spy_option("520", OptionRight::Call), 1.50, 1.60);
    quote(spy_option("530", OptionRight::Call), 0.50, 0.60);
    restart();
  }
  void TearDown() override {
    executor_.reset();
    venue_.reset();
    ApprovalFixture::TearDown();
  }

  // A new process: the venue read back from its state file and a fresh
  // executor (the store, cache and clock carry over, as they are external).
  void restart(std::chrono::milliseconds venue_latency = std::chrono::milliseconds{0},
               ports::CallTimeout timeout = ports::kDefaultVenueTimeout) {
    executor_.reset();
    venue_.reset();
    auto config = paper_config();
    config.response_latency = venue_latency;
    venue_ = std::make_unique<venue::paper::PaperVenue>(config, clock_, market_);
    executor_ = std::make_unique<OrderExecutor>(*store_, *cache_, *venue_, clock_, timeout);
  }

  venue::paper::PaperVenueConfig paper_config() const {
    venue::paper::PaperVenueConfig config;
    config.state_file = folder_ / "paper-venue.json";
    return config;
  }

  void quote(const Instrument& instrument, double bid, double ask) {
    market_.set_quote(Quote{.symbol = instrument.symbol,
                            .bid = bid,
                            .ask = ask,
                            .last = 0,
                            .bid_size = 0,
                            .ask_size = 0,
                            .time = clock_.now()});
  }

  // A candidate of spy-ic-01 approved by alice; the bot awaits execution.
  std::int64_t approved_candidate() {
    const auto c = pending("spy-ic-01", 1);
    EXPECT_TRUE(desk_->submit(c, config::ApprovalMode::HumanRequired).done);
    EXPECT_TRUE(desk_->approve(c, alice()).done);
    return c.candidate_id;
  }

  std::size_t venue_orders() const { return venue_->state().orders.size(); }

  venue::paper::SnapshotMarket market_;
  std::unique_ptr<venue::paper::PaperVenue> venue_;
  std::unique_ptr<OrderExecutor> executor_;
};

}  // namespace dorado::engine::testing
