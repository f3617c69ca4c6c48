#pragma once
// A paper venue on a simulated clock and a SnapshotMarket, with helpers that
// name SPY options, set quotes and build orders the way the engine would.
#include <gtest/gtest.h>

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "dorado/calendar/simulated_clock.hpp"
#include "dorado/domain/instrument.hpp"
#include "dorado/domain/order.hpp"
#include "dorado/venue/paper/paper_venue.hpp"
#include "dorado/venue/paper/snapshot_market.hpp"
#include "dorado/venue/us_stock.hpp"

// Readable gtest failures for the exact types (found by argument lookup).
namespace dorado {
inline void PrintTo(const Money& m, std::ostream* os) {
  *os << m.to_string();
}
inline void PrintTo(Price p, std::ostream* os) {
  *os << p.to_string();
}
inline void PrintTo(Quantity q, std::ostream* os) {
  *os << q.to_string();
}
inline void PrintTo(ReasonCode c, std::ostream* os) {
  *os << name_of(c);
}
inline void PrintTo(OrderStatus s, std::ostream* os) {
  *os << name_of(s);
}
}  // namespace dorado

namespace dorado::venue::paper::testing {

using namespace std::chrono;

// Wednesday 2024-03-13, 11:00 New York (EDT since March 10): NYSE open.
inline Timestamp wednesday_11am() {
  return sys_days{year{2024} / March / 13} + hours{15};
}
inline Timestamp at(year_month_day day, hours h, minutes m = minutes{0}) {
  return Timestamp{sys_days{day} + h + m};
}
inline constexpr year_month_day kFriday{year{2024} / March / 15};
inline constexpr year_month_day kNextFriday{year{2024} / March / 22};
inline constexpr year_month_day kApril{year{2024} / April / 19};

inline Money usd(std::string_view text) {
  return Money::parse(text, kUsd);
}
inline Price px(std::string_view text) {
  return Price::parse(text);
}
inline Quantity qty(std::int64_t units) {
  return Quantity::units(units);
}

inline Instrument spy_option(std::string_view strike, OptionRight right,
                             year_month_day expiration = kFriday) {
  return us_equity_option(OptionContractId{"SPY", expiration, px(strike), right});
}
inline Instrument put(std::string_view strike, year_month_day expiration = kFriday) {
  return spy_option(strike, OptionRight::Put, expiration);
}
inline Instrument call(std::string_view strike, year_month_day expiration = kFriday) {
  return spy_option(strike, OptionRight::Call, expiration);
}

inline Order limit(std::string id, const Instrument& instrument, Side side, std::int64_t units,
                   std::string_view price, TimeInForce tif = TimeInForce::Day) {
  return Order{.client_order_id = std::move(id),
               .legs = {Leg{instrument, side, 1}},
               .quantity = qty(units),
               .type = OrderType::Limit,
               .limit_price = px(price),
               .time_in_force = tif,
               .status = OrderStatus::New};
}
inline Order market(std::string id, const Instrument& instrument, Side side, Quantity quantity) {
  return Order{.client_order_id = std::move(id),
               .legs = {Leg{instrument, side, 1}},
               .quantity = quantity,
               .type = OrderType::Market,
               .limit_price = std::nullopt,
               .time_in_force = TimeInForce::Day,
               .status = OrderStatus::New};
}

class PaperVenueTest : public ::testing::Test {
 protected:
  explicit PaperVenueTest(PaperVenueConfig config = {}) : config_(std::move(config)) {}

  PaperVenue& venue() {
    if (!venue_) venue_.emplace(config_, clock_, market_);
    return *venue_;
  }
  void quote(const Instrument& instrument, double bid, double ask, double bid_size = 0,
             double ask_size = 0) {
    market_.set_quote(Quote{.symbol = instrument.symbol,
                            .bid = bid,
                            .ask = ask,
                            .last = 0,
                            .bid_size = bid_size,
                            .ask_size = ask_size,
                            .time = clock_.now()});
  }
  void spy_at(double price) { quote(us_stock("SPY"), price, price); }

  ports::OrderReport place(const Order& order) {
    auto result = venue().place_order(order);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.value();
  }
  ports::AccountState account() {
    auto result = venue().account();
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.value();
  }
  std::vector<ports::VenuePosition> positions() { return venue().positions().value(); }
  Quantity held(const Instrument& instrument) {
    for (const auto& p : positions())
      if (p.leg.instrument().symbol == instrument.symbol) return p.leg.quantity();
    return Quantity{};
  }

  PaperVenueConfig config_;
  calendar::SimulatedClock clock_{wednesday_11am()};
  SnapshotMarket market_;
  std::optional<PaperVenue> venue_;
};

}  // namespace dorado::venue::paper::testing
