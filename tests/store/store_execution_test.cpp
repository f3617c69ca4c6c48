// Orders of the execution path and their fill quality on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "dorado/domain/instrument.hpp"
#include "dorado/store/sql_time.hpp"
#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::ExecutionState;
using ::testing::IsEmpty;

const Timestamp kAt = sys_days{2024y / May / 6} + 13h + 45min;
constexpr year_month_day kExpiry{2024y / May / 17};

Instrument spy(std::string_view strike, OptionRight right) {
  return us_equity_option(OptionContractId{"SPY", kExpiry, Price::parse(strike), right});
}

// An iron condor sold for a 1.80 credit (limit -1.80, domain/order.hpp).
Order condor(std::string id) {
  return Order{.client_order_id = std::move(id),
               .legs = {Leg{spy("480", OptionRight::Put), Side::Buy, 1},
                        Leg{spy("490", OptionRight::Put), Side::Sell, 1},
                        Leg{spy("520", OptionRight::Call), Side::Sell, 1},
                        Leg{spy("530", OptionRight::Call), Side::Buy, 1}},
               .quantity = Quantity::units(2),
               .type = OrderType::Limit,
               .limit_price = Price::parse("-1.80"),
               .time_in_force = TimeInForce::Day,
               .status = OrderStatus::New};
}

template <typename Backend>
class StoreExecutionTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (!this->store_) return;
    this->store_->migrate(kAt);
    candidate_id_ = this->sql()
                        .query(
                            "INSERT INTO candidates (user_id, scan_id, scan_date, bot_id, symbol, "
                            "strategy, status, created_at) VALUES ('alice', 'scan-1', ?, "
                            "'spy-ic-01', 'SPY', 'iron_condor', 'selected', ?) RETURNING id",
                            {sql_date(year_month_day{2024y / May / 6}), sql_timestamp(kAt)})
                        .at(0)
                        .integer(0);
    approval_id_ = this->store_
                       ->record_approval({candidate_id_,
                                          "spy-ic-01",
                                          ports::ApprovalDecision::Approved,
                                          "cli:alice",
                                          ports::ApprovalChannel::Terminal,
                                          kAt,
                                          "",
                                          {}})
                       .id;
  }
  ports::OrderDraft draft(std::string id) {
    return {.order = condor(std::move(id)),
            .candidate_id = candidate_id_,
            .bot_id = "spy-ic-01",
            .approval_id = approval_id_,
            .attempt = 1,
            .venue = VenueId::Paper,
            .expected_price = Price::parse("-2.00"),
            .at = kAt + 1min};
  }
  std::int64_t candidate_id_ = 0;
  std::int64_t approval_id_ = 0;
};
TYPED_TEST_SUITE(StoreExecutionTest, Backends, BackendNames);

TYPED_TEST(StoreExecutionTest, PersistsTheOrderExactlyAsSentAndAuditsIt) {
  const auto written = this->store_->record_order(this->draft("spy-ic-01-c1-a1"));
  EXPECT_GT(written.id, 0);
  EXPECT_EQ(written.state, ExecutionState::PendingSend);
  const auto read = this->store_->order_by_client_id("spy-ic-01-c1-a1");
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, written);
  EXPECT_EQ(read->draft.order, condor("spy-ic-01-c1-a1"));
  EXPECT_EQ(this->store_->read_audit(0, 100).back().entry.action, "order.persisted");
  EXPECT_FALSE(this->store_->order_by_client_id("spy-ic-01-c1-a2").has_value());
}

TYPED_TEST(StoreExecutionTest, AClientOrderIdIsPersistedOnce) {
  this->store_->record_order(this->draft("spy-ic-01-c1-a1"));
  EXPECT_THROW(this->store_->record_order(this->draft("spy-ic-01-c1-a1")), ports::OrderExists);
  auto malformed = this->draft("spy-ic-01-c1-a2");
  malformed.order.quantity = Quantity{};
  EXPECT_THROW(this->store_->record_order(malformed), std::invalid_argument);
  EXPECT_EQ(this->store_->unsettled_orders().size(), 1u);
}

TYPED_TEST(StoreExecutionTest, AdvancesUntilFinalAndNeverBack) {
  this->store_->record_order(this->draft("spy-ic-01-c1-a1"));
  EXPECT_TRUE(this->store_->advance_order(
      "spy-ic-01-c1-a1", {ExecutionState::Working, OrderStatus::Submitted, "P000001", kAt + 2min}));
  EXPECT_EQ(this->store_->unsettled_orders().size(), 1u);
  EXPECT_TRUE(this->store_->advance_order(
      "spy-ic-01-c1-a1", {ExecutionState::Filled, OrderStatus::Filled, "P000001", kAt + 3min}));
  // A late report cannot reopen a filled order.
  EXPECT_FALSE(this->store_->advance_order(
      "spy-ic-01-c1-a1", {ExecutionState::Working, OrderStatus::Submitted, "P000001", kAt + 4min}));
  EXPECT_FALSE(this->store_->advance_order(
      "unknown", {ExecutionState::Filled, OrderStatus::Filled, "P9", kAt + 4min}));
  const auto read = this->store_->order_by_client_id("spy-ic-01-c1-a1");
  EXPECT_EQ(read->state, ExecutionState::Filled);
  EXPECT_EQ(read->venue_status, OrderStatus::Filled);
  EXPECT_EQ(read->venue_order_id, "P000001");
  EXPECT_EQ(read->updated_at, kAt + 3min);
  EXPECT_THAT(this->store_->unsettled_orders(), IsEmpty());
}

TYPED_TEST(StoreExecutionTest, KeepsFillQualityPerOrder) {
  // A condor expected at -2.00 (the mid) filled at -1.80: 0.20 worse per
  // combo, times the multiplier 100 = 20.00 per combo.
  const ports::FillQualityRecord fill{.client_order_id = "spy-ic-01-c1-a1",
                                      .symbol = "SPY",
                                      .expected_price = Price::parse("-2.00"),
                                      .fill_price = Price::parse("-1.80"),
                                      .slippage_per_contract = Money::parse("20", kUsd),
                                      .quantity = Quantity::units(2),
                                      .venue = VenueId::Paper,
                                      .filled_at = kAt + 2min};
  this->store_->record_fill_quality(fill);
  EXPECT_EQ(this->store_->fill_quality_for("spy-ic-01-c1-a1"),
            std::vector<ports::FillQualityRecord>{fill});
  EXPECT_THAT(this->store_->fill_quality_for("other"), IsEmpty());
  // Another user sees none of it.
  EXPECT_THAT(this->open("bob")->fill_quality_for("spy-ic-01-c1-a1"), IsEmpty());
}

}  // namespace
}  // namespace dorado::store::testing
