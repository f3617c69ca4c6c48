// Partial fills (configurable, deterministic) and how the per-order
// commission minimum spreads over them: the order pays max(1.00, 0.65 x
// contracts filled so far), each fill the increase.
#include <gtest/gtest.h>

#include "paper_fixture.hpp"

namespace dorado::venue::paper::testing {
namespace {

class PaperPartialFills : public PaperVenueTest {
 protected:
  PaperPartialFills() { config_.partial_fills.max_units_per_match = qty(1); }
};

TEST_F(PaperPartialFills, OneContractPerMatchUntilFilled) {
  quote(put("500"), 4.90, 5.00);
  auto report = place(limit("o1", put("500"), Side::Buy, 3, "5.00"));
  EXPECT_EQ(report.status(), OrderStatus::PartiallyFilled);
  EXPECT_EQ(report.filled_quantity, qty(1));
  EXPECT_EQ(report.remaining(), qty(2));
  // First contract: 0.65 raised to the 1.00 minimum.
  EXPECT_EQ(report.fills.at(0).fee, usd("1.00"));

  clock_.advance(minutes{1});
  venue().match_working_orders();
  report = venue().order_status("o1").value();
  EXPECT_EQ(report.filled_quantity, qty(2));
  // Two contracts owe 1.30; 1.00 was paid: this fill pays 0.30.
  EXPECT_EQ(report.fills.at(1).fee, usd("0.30"));

  clock_.advance(minutes{1});
  venue().match_working_orders();
  report = venue().order_status("o1").value();
  EXPECT_EQ(report.status(), OrderStatus::Filled);
  EXPECT_EQ(report.fills.at(2).fee, usd("0.65"));
  // Same total as one fill of 3: 1.95.
  EXPECT_EQ(report.commission, usd("1.95"));
  EXPECT_EQ(account().cash, usd("98498.05"));
}

TEST_F(PaperPartialFills, TheRestFillsAtTheLaterPriceAndTheAverageIsExact) {
  quote(put("500"), 4.90, 5.00);
  place(limit("o1", put("500"), Side::Buy, 3, "5.00"));
  quote(put("500"), 4.80, 4.90);
  clock_.advance(minutes{1});
  venue().match_working_orders();
  clock_.advance(minutes{1});
  venue().match_working_orders();
  const auto report = venue().order_status("o1").value();
  // (5.00 + 4.90 + 4.90) / 3 = 4.933333 (rounded half to even).
  EXPECT_EQ(report.average_price, px("4.933333"));
}

TEST_F(PaperPartialFills, IocKeepsWhatFilledAndCancelsTheRest) {
  quote(put("500"), 4.90, 5.00);
  const auto report = place(limit("o1", put("500"), Side::Buy, 3, "5.00", TimeInForce::Ioc));
  EXPECT_EQ(report.status(), OrderStatus::Cancelled);
  EXPECT_EQ(report.filled_quantity, qty(1));
  EXPECT_EQ(held(put("500")), qty(1));
}

TEST_F(PaperPartialFills, CancelKeepsTheFilledPart) {
  quote(put("500"), 4.90, 5.00);
  place(limit("o1", put("500"), Side::Buy, 3, "5.00"));
  // Asked again at the same instant: nothing more fills.
  EXPECT_EQ(venue().order_status("o1").value().filled_quantity, qty(1));
  const auto cancelled = venue().cancel_order("o1").value();
  EXPECT_EQ(cancelled.status(), OrderStatus::Cancelled);
  EXPECT_EQ(cancelled.filled_quantity, qty(1));
  clock_.advance(minutes{1});
  venue().match_working_orders();
  EXPECT_EQ(held(put("500")), qty(1));
}

class PaperDisplayedSize : public PaperVenueTest {
 protected:
  PaperDisplayedSize() { config_.partial_fills.limit_to_displayed_size = true; }
};

TEST_F(PaperDisplayedSize, FillsNoMoreThanTheAskShows) {
  quote(put("500"), 4.90, 5.00, 10, 2);
  auto report = place(limit("o1", put("500"), Side::Buy, 5, "5.00"));
  EXPECT_EQ(report.filled_quantity, qty(2));
  clock_.advance(minutes{1});
  venue().match_working_orders();
  clock_.advance(minutes{1});
  venue().match_working_orders();
  report = venue().order_status("o1").value();
  EXPECT_EQ(report.status(), OrderStatus::Filled);
  ASSERT_EQ(report.fills.size(), 3u);
  EXPECT_EQ(report.fills[2].quantity, qty(1));
}

TEST_F(PaperDisplayedSize, ComboUnitsLimitedByTheThinnestLegOverItsRatio) {
  // A 1x2 put ratio spread: buy 1 500P, sell 2 490P; the 490P bid shows 3,
  // so at most one spread (3 / 2, whole units) fills per match.
  quote(put("500"), 4.90, 5.00, 0, 50);
  quote(put("490"), 1.90, 2.00, 3, 0);
  const Order ratio{.client_order_id = "r1",
                    .legs = {Leg{put("500"), Side::Buy, 1}, Leg{put("490"), Side::Sell, 2}},
                    .quantity = qty(2),
                    .type = OrderType::Limit,
                    .limit_price = px("1.20"),
                    .time_in_force = TimeInForce::Day,
                    .status = OrderStatus::New};
  const auto report = place(ratio);
  EXPECT_EQ(report.filled_quantity, qty(1));
  // Net debit 5.00 - 2 x 1.90 = 1.20.
  EXPECT_EQ(report.average_price, px("1.20"));
  EXPECT_EQ(report.fills.at(1).quantity, qty(2));
}

}  // namespace
}  // namespace dorado::venue::paper::testing
