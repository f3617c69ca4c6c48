// The fault test of issue 6: a child process runs the execution of an
// approved iron condor and is killed with SIGKILL at each step in turn (after
// the order is persisted, after it is sent, after it is settled; and once not
// at all). The parent then restarts from what survived on disk (the SQLite
// store, the paper venue's state file), reconciles, and checks there is
// exactly one order at the venue and its fill is in the store, once.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <optional>

#include "dorado/engine/execution/client_order_id.hpp"
#include "engine/execution/execution_fixture.hpp"

namespace dorado::engine::testing {
namespace {

using ports::ExecutionState;

class OrderExecutionKilled : public ExecutionFixture,
                             public ::testing::WithParamInterface<std::optional<ExecutionStep>> {
 protected:
  // Runs the execution in a child process with its own store connection,
  // cache and venue (as a separate engine process would) and returns how it
  // ended, as waitpid reports it.
  int run_child(std::int64_t candidate, std::optional<ExecutionStep> kill_at) {
    const pid_t pid = ::fork();
    if (pid < 0) {
      ADD_FAILURE() << "fork failed";
      return -1;
    }
    if (pid != 0) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      return status;
    }
    int code = 0;
    try {
      auto store = store::open_sql_store("sqlite://dorado.db", "alice", folder_);
      cache::MemoryCache cache(clock_);
      BotStateMachine bots(*store, cache, clock_);
      ApprovalGate gate(*store, bots);
      venue::paper::PaperVenue venue(paper_config(), clock_, market_);
      OrderExecutor executor(*store, cache, venue, clock_);
      executor.on_step([&](ExecutionStep step, const std::string&) {
        if (step == kill_at) ::raise(SIGKILL);
      });
      const auto outcome = executor.execute(gate, "spy-ic-01", candidate, condor_ticket());
      code = outcome.result == ExecutionResult::Filled ? 0 : 3;
    } catch (...) {
      code = 2;
    }
    std::_Exit(code);
  }
};

TEST_P(OrderExecutionKilled, RestartAndReconcileLeaveOneOrderAndItsFill) {
  const auto kill_at = GetParam();
  const auto candidate = approved_candidate();
  const auto id = client_order_id("spy-ic-01", candidate, 1);
  const int status = run_child(candidate, kill_at);
  if (kill_at) {
    ASSERT_TRUE(WIFSIGNALED(status)) << "child status " << status;
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
  } else {
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }

  restart();
  const auto before = store_->order_by_client_id(id);
  ASSERT_TRUE(before.has_value()) << "persisted before anything else";
  executor_->reconcile();
  EXPECT_EQ(venue_orders(), 1u) << "no duplicate, none missing";
  const auto order = store_->order_by_client_id(id);
  EXPECT_EQ(order->state, ExecutionState::Filled);
  EXPECT_EQ(order->venue_order_id, "P000001");
  const auto quality = store_->fill_quality_for(id);
  ASSERT_EQ(quality.size(), 1u) << "the fill recorded once";
  EXPECT_EQ(quality[0].fill_price, Price::parse("-1.80"));
  EXPECT_EQ(quality[0].quantity, Quantity::units(2));
  // The venue booked the condor once: -2 of the 490 put.
  std::optional<Quantity> short_put;
  const auto positions = venue_->positions();
  ASSERT_TRUE(positions.ok());
  for (const auto& p : *positions)
    if (p.leg.instrument().symbol == spy_option("490", OptionRight::Put).symbol)
      short_put = p.leg.quantity();
  EXPECT_EQ(short_put, Quantity::units(-2));
  // And a second reconciliation changes nothing.
  EXPECT_TRUE(executor_->reconcile().empty());
  EXPECT_EQ(venue_orders(), 1u);
}

std::string step_name(const ::testing::TestParamInfo<std::optional<ExecutionStep>>& info) {
  if (!info.param) return "NotKilled";
  switch (*info.param) {
    case ExecutionStep::Persisted:
      return "AfterPersist";
    case ExecutionStep::Sent:
      return "AfterSend";
    case ExecutionStep::Settled:
      return "AfterSettle";
  }
  return "Unknown";
}

INSTANTIATE_TEST_SUITE_P(EachStep, OrderExecutionKilled,
                         ::testing::Values(std::optional{ExecutionStep::Persisted},
                                           std::optional{ExecutionStep::Sent},
                                           std::optional{ExecutionStep::Settled},
                                           std::optional<ExecutionStep>{}),
                         step_name);

}  // namespace
}  // namespace dorado::engine::testing
