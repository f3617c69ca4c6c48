// The execution path against the real store (SQLite), the in-process cache
// and the paper venue: approval -> persisted -> sent -> filled -> fill
// quality, and every crash or timeout repaired by reconciliation without a
// second order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dorado/cache/keys.hpp"
#include "dorado/engine/execution/client_order_id.hpp"
#include "engine/execution/execution_fixture.hpp"

namespace dorado::engine::testing {
namespace {

using ports::ExecutionState;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// What the store must show for the condor after its fill, however it got
// there: filled at -1.80 (the far sides) against -2.00 expected (the mids):
// 0.20 worse per combo x multiplier 100 = 20.00 per combo, 2 combos.
void expect_filled_once(ports::Store& store, const std::string& id) {
  const auto order = store.order_by_client_id(id);
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->state, ExecutionState::Filled);
  EXPECT_EQ(order->venue_status, OrderStatus::Filled);
  EXPECT_EQ(order->venue_order_id, "P000001");
  const auto quality = store.fill_quality_for(id);
  ASSERT_THAT(quality, SizeIs(1));
  EXPECT_EQ(quality[0].symbol, "SPY");
  EXPECT_EQ(quality[0].expected_price, Price::parse("-2.00"));
  EXPECT_EQ(quality[0].fill_price, Price::parse("-1.80"));
  EXPECT_EQ(quality[0].slippage_per_contract, Money::parse("20.00", kUsd));
  EXPECT_EQ(quality[0].quantity, Quantity::units(2));
  EXPECT_EQ(quality[0].venue, VenueId::Paper);
  EXPECT_THAT(store.unsettled_orders(), IsEmpty());
}

// Thrown by a step observer: the process "dies" at that step.
struct Killed {};

class OrderExecution : public ExecutionFixture {};

TEST(ClientOrderId, IsDerivedFromBotCandidateAndAttempt) {
  EXPECT_EQ(client_order_id("spy-ic-01", 42, 1), "spy-ic-01-c42-a1");
  EXPECT_EQ(client_order_id("spy-ic-01", 42, 2), "spy-ic-01-c42-a2");
  EXPECT_THROW(client_order_id("", 42, 1), std::invalid_argument);
  EXPECT_THROW(client_order_id("spy-ic-01", 0, 1), std::invalid_argument);
  EXPECT_THROW(client_order_id("spy-ic-01", 42, 0), std::invalid_argument);
}

TEST_F(OrderExecution, AnApprovedCondorIsPersistedThenSentFilledAndMeasured) {
  const auto candidate = approved_candidate();
  const auto id = client_order_id("spy-ic-01", candidate, 1);
  std::vector<ExecutionStep> steps;
  executor_->on_step([&](ExecutionStep step, const std::string& order_id) {
    steps.push_back(step);
    EXPECT_EQ(order_id, id);
    if (step == ExecutionStep::Persisted) {
      // Written before the venue is asked, with the lock held.
      EXPECT_EQ(store_->order_by_client_id(id)->state, ExecutionState::PendingSend);
      EXPECT_EQ(venue_->order_status(id).error().reason, ReasonCode::UnknownOrder);
      EXPECT_FALSE(cache_->try_acquire(cache::keys::order_lock(id), 1s).has_value());
    }
  });
  const auto outcome = executor_->execute(*gate_, "spy-ic-01", candidate, condor_ticket());
  ASSERT_EQ(outcome.result, ExecutionResult::Filled) << outcome.message;
  EXPECT_TRUE(outcome.sent);
  EXPECT_EQ(outcome.client_order_id, id);
  EXPECT_EQ(outcome.report->average_price, Price::parse("-1.80"));
  EXPECT_EQ(steps,
            (std::vector{ExecutionStep::Persisted, ExecutionStep::Sent, ExecutionStep::Settled}));
  expect_filled_once(*store_, id);
  EXPECT_EQ(venue_orders(), 1u);
  // The approval names the order it authorised; the lock is free again.
  EXPECT_EQ(store_->approval_for(candidate)->used_by, id);
  EXPECT_TRUE(cache_->try_acquire(cache::keys::order_lock(id), 1s).has_value());
  std::vector<std::string> actions;
  for (const auto& r : store_->read_audit(0, 100)) actions.push_back(r.entry.action);
  EXPECT_THAT(actions,
              ::testing::IsSupersetOf({"approval.used", "order.persisted", "order.advanced"}));
}

TEST_F(OrderExecution, WithoutAnApprovalNothingIsPersistedOrSent) {
  const auto c = pending("spy-ic-01", 1);
  ASSERT_TRUE(desk_->submit(c, config::ApprovalMode::HumanRequired).done);
  const auto outcome = executor_->execute(*gate_, "spy-ic-01", c.candidate_id, condor_ticket());
  EXPECT_EQ(outcome.result, ExecutionResult::Refused);
  EXPECT_EQ(outcome.code, ReasonCode::ApprovalMissing) << outcome.message;
  EXPECT_FALSE(outcome.sent);
  EXPECT_FALSE(store_->order_by_client_id(outcome.client_order_id).has_value());
  EXPECT_EQ(venue_orders(), 0u);
}

TEST_F(OrderExecution, AnApprovalSendsOneOrderOnly) {
  const auto candidate = approved_candidate();
  ASSERT_EQ(executor_->execute(*gate_, "spy-ic-01", candidate, condor_ticket()).result,
            ExecutionResult::Filled);
  // The same candidate again, as a retry or a replayed message would.
  const auto again = executor_->execute(*gate_, "spy-ic-01", candidate, condor_ticket());
  EXPECT_EQ(again.result, ExecutionResult::Refused);
  EXPECT_EQ(again.code, ReasonCode::NotAwaitingApproval) << again.message;
  auto second_attempt = condor_ticket();
  second_attempt.attempt = 2;
  EXPECT_EQ(executor_->execute(*gate_, "spy-ic-01", candidate, second_attempt).result,
            ExecutionResult::Refused);
  EXPECT_EQ(venue_orders(), 1u);
}

TEST_F(OrderExecution, ATimeoutAfterSendIsSettledByReconciliationWithoutASecondOrder) {
  const auto candidate = approved_candidate();
  const auto id = client_order_id("spy-ic-01", candidate, 1);
  // The venue answers after 5 s; the executor waits 1 s. The order reaches
  // the venue and fills, but the answer is lost.
  restart(5s, 1s);
  const auto outcome = executor_->execute(*gate_, "spy-ic-01", candidate, condor_ticket());
  EXPECT_EQ(outcome.result, ExecutionResult::Unresolved);
  EXPECT_EQ(outcome.code, ReasonCode::VenueTimeout);
  EXPECT_EQ(store_->order_by_client_id(id)->state, ExecutionState::PendingSend);
  EXPECT_EQ(venue_orders(), 1u);

  // Still slow: reconciliation asks, gets no answer, sends nothing.
  const auto slow = executor_->reconcile();
  ASSERT_THAT(slow, SizeIs(1));
  EXPECT_EQ(slow[0].result, ExecutionResult::Unresolved);
  EXPECT_FALSE(slow[0].sent);
  EXPECT_EQ(venue_orders(), 1u);

  restart(5s, 10s);
  const auto settled = executor_->reconcile();
  ASSERT_THAT(settled, SizeIs(1));
  EXPECT_EQ(settled[0].result, ExecutionResult::Filled);
  EXPECT_FALSE(settled[0].sent) << "found at the venue, not resent";
  expect_filled_once(*store_, id);
  EXPECT_EQ(venue_orders(), 1u);
  EXPECT_THAT(executor_->reconcile(), IsEmpty());
}

TEST_F(OrderExecution, ACrashBetweenPersistAndSendIsSentOnceByReconciliation) {
  const auto candidate = approved_candidate();
  const auto id = client_order_id("spy-ic-01", candidate, 1);
  executor_->on_step([](ExecutionStep step, const std::string&) {
    if (step == ExecutionStep::Persisted) throw Killed{};
  });
  EXPECT_THROW(executor_->execute(*gate_, "spy-ic-01", candidate, condor_ticket()), Killed);
  EXPECT_EQ(store_->order_by_client_id(id)->state, ExecutionState::PendingSend);

  restart();
  EXPECT_EQ(venue_orders(), 0u) << "the venue never saw it";
  const auto outcomes = executor_->reconcile();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].result, ExecutionResult::Filled);
  EXPECT_TRUE(outcomes[0].sent);
  expect_filled_once(*store_, id);
  EXPECT_EQ(venue_orders(), 1u);
  EXPECT_THAT(executor_->reconcile(), IsEmpty());
  EXPECT_EQ(venue_orders(), 1u);
}

TEST_F(OrderExecution, ACrashAfterSendIsFoundAtTheVenueByReconciliation) {
  const auto candidate = approved_candidate();
  const auto id = client_order_id("spy-ic-01", candidate, 1);
  executor_->on_step([](ExecutionStep step, const std::string&) {
    if (step == ExecutionStep::Sent) throw Killed{};
  });
  EXPECT_THROW(executor_->execute(*gate_, "spy-ic-01", candidate, condor_ticket()), Killed);
  EXPECT_EQ(store_->order_by_client_id(id)->state, ExecutionState::PendingSend);
  EXPECT_THAT(store_->fill_quality_for(id), IsEmpty());

  restart();
  EXPECT_EQ(venue_orders(), 1u) << "the venue kept it in its state file";
  const auto outcomes = executor_->reconcile();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].result, ExecutionResult::Filled);
  EXPECT_FALSE(outcomes[0].sent);
  expect_filled_once(*store_, id);
  EXPECT_EQ(venue_orders(), 1u);
}

TEST_F(OrderExecution, AWorkingOrderIsSettledWhenTheMarketReachesIt) {
  const auto candidate = approved_candidate();
  const auto id = client_order_id("spy-ic-01", candidate, 1);
  // Asking a 1.90 credit: the market gives 1.80, so the order works.
  auto ticket = condor_ticket();
  ticket.order.limit_price = Price::parse("-1.90");
  const auto outcome = executor_->execute(*gate_, "spy-ic-01", candidate, ticket);
  ASSERT_EQ(outcome.result, ExecutionResult::Working) << outcome.message;
  EXPECT_EQ(store_->order_by_client_id(id)->state, ExecutionState::Working);
  EXPECT_THAT(store_->fill_quality_for(id), IsEmpty());

  // The 490 put bid rises to 2.00: the far sides now net -1.90.
  clock_.advance(1min);
  quote(spy_option("490", OptionRight::Put), 2.00, 2.10);
  const auto outcomes = executor_->reconcile();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].result, ExecutionResult::Filled);
  EXPECT_FALSE(outcomes[0].sent);
  // -1.90 against -2.00 expected: 0.10 x 100 = 10.00 per combo.
  const auto quality = store_->fill_quality_for(id);
  ASSERT_THAT(quality, SizeIs(1));
  EXPECT_EQ(quality[0].fill_price, Price::parse("-1.90"));
  EXPECT_EQ(quality[0].slippage_per_contract, Money::parse("10.00", kUsd));
  EXPECT_EQ(venue_orders(), 1u);
}

TEST_F(OrderExecution, ReconciliationLeavesAnOrderLockedByAnotherProcessAlone) {
  const auto candidate = approved_candidate();
  const auto id = client_order_id("spy-ic-01", candidate, 1);
  executor_->on_step([](ExecutionStep step, const std::string&) {
    if (step == ExecutionStep::Persisted) throw Killed{};
  });
  EXPECT_THROW(executor_->execute(*gate_, "spy-ic-01", candidate, condor_ticket()), Killed);
  restart();
  const auto other = cache_->try_acquire(cache::keys::order_lock(id), cache::keys::kOrderLockTtl);
  ASSERT_TRUE(other.has_value());
  const auto outcomes = executor_->reconcile();
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(outcomes[0].result, ExecutionResult::Busy);
  EXPECT_EQ(venue_orders(), 0u);
  // The holder dies; its lock expires and the order is sent once.
  clock_.advance(cache::keys::kOrderLockTtl + 1s);
  EXPECT_EQ(executor_->reconcile().at(0).result, ExecutionResult::Filled);
  EXPECT_EQ(venue_orders(), 1u);
}

}  // namespace
}  // namespace dorado::engine::testing
