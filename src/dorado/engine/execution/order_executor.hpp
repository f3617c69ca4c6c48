#pragma once
// The execution path (DESIGN.md 5.7): from an approved candidate to an order
// at the venue, exactly once, whatever fails on the way.
//
//   1. Lock locks:order:{client id} in the cache (the id derived from bot,
//      candidate and attempt), so two engine processes never work the same
//      order at once.
//   2. ExecutionPermit: only the approval gate mints one, so nothing is
//      persisted or sent without an unused approval record.
//   3. Persist the order pending_send, in the transaction that marks the
//      approval used, before the venue is asked.
//   4. Send it through the venue port; settle what the venue reports
//      (working, filled, ended) in the store, with fill quality when final.
//
// After a crash (between any two steps) or a timeout, reconcile() takes every
// order the store has not settled and asks the venue for it by client id: an
// order the venue knows is settled from the venue's report; only one the
// venue never saw is sent, once. Nothing is ever resent blindly. (The venue
// port also refuses a second order under a known client id; reconciliation
// does not rely on it.)
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/reason_code.hpp"
#include "dorado/engine/approval/approval_gate.hpp"
#include "dorado/ports/cache.hpp"
#include "dorado/ports/clock.hpp"
#include "dorado/ports/store.hpp"
#include "dorado/ports/venue_adapter.hpp"

namespace dorado::engine {

// What the order path wants sent. order.client_order_id is set by the path.
struct OrderTicket {
  Order order;
  int attempt = 1;
  // The price the decision expected, in the order's limit-price convention
  // (for a combo the signed net price: an iron condor for a 2.00 credit is -2.00).
  Price expected_price;
};

enum class ExecutionResult {
  Refused,     // no permit: nothing persisted, nothing sent
  Busy,        // another process holds the order's lock; it will settle the order
  Unresolved,  // the venue did not answer (timeout, unreachable): reconcile later
  Working,     // at the venue, not finished
  Filled,
  Ended,  // rejected, cancelled or expired (the venue status says which)
};

struct ExecutionOutcome {
  ExecutionResult result = ExecutionResult::Refused;
  std::string client_order_id;
  std::optional<ports::OrderReport> report;  // the venue's last report, when it answered
  std::optional<ReasonCode> code;            // why, for refused / unresolved / ended
  std::string message;
  // True when this call handed the order to the venue (place_order).
  bool sent = false;
};

// The points between the steps, for the fault tests: an observer registered
// with on_step runs after each, and a process killed there is what
// reconciliation must repair.
enum class ExecutionStep { Persisted, Sent, Settled };

class OrderExecutor {
 public:
  using StepObserver = std::function<void(ExecutionStep, const std::string& client_order_id)>;

  // All must outlive the executor. `timeout` applies to every venue call.
  OrderExecutor(ports::Store& store, ports::Cache& cache, ports::VenueAdapter& venue,
                const ports::Clock& clock,
                ports::CallTimeout timeout = ports::kDefaultVenueTimeout);

  void on_step(StepObserver observer) { observer_ = std::move(observer); }

  // Asks `gate` for a permit for this candidate's order and executes with it;
  // Refused (with the gate's reason) when the gate says no. The approval's
  // use and the persisted order are one store transaction. A malformed order
  // throws std::invalid_argument before the gate is asked.
  ExecutionOutcome execute(ApprovalGate& gate, const std::string& bot_id, std::int64_t candidate_id,
                           OrderTicket ticket);

  // The permit names the order (its order_ref is the client order id of
  // bot, candidate and ticket.attempt; std::invalid_argument otherwise).
  ExecutionOutcome execute(const ExecutionPermit& permit, OrderTicket ticket);

  // Settles every order the store holds as pending_send or working, oldest
  // first, by asking the venue (see the header comment).
  std::vector<ExecutionOutcome> reconcile();

 private:
  // Sets the client id and checks the order; returns the id.
  static std::string prepare(OrderTicket& ticket, std::string client_order_id);
  ports::OrderRecord persist(const ExecutionPermit& permit, const OrderTicket& ticket);
  ExecutionOutcome reconcile_one(const ports::OrderRecord& record);
  ExecutionOutcome send(const ports::OrderRecord& record);
  ExecutionOutcome settle(const ports::OrderRecord& record, ports::OrderReport report, bool sent);
  // Runs `work` holding the order's lock; Busy when another holder has it.
  ExecutionOutcome locked(const std::string& client_order_id,
                          const std::function<ExecutionOutcome()>& work);
  void reached(ExecutionStep step, const std::string& client_order_id) const;

  ports::Store& store_;
  ports::Cache& cache_;
  ports::VenueAdapter& venue_;
  const ports::Clock& clock_;
  ports::CallTimeout timeout_;
  StepObserver observer_;
};

}  // namespace dorado::engine
