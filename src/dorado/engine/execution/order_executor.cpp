#include "dorado/engine/execution/order_executor.hpp"

#include <stdexcept>

#include "dorado/cache/keys.hpp"
#include "dorado/engine/execution/client_order_id.hpp"
#include "dorado/engine/execution/fill_quality.hpp"

namespace dorado::engine {

namespace {

using ports::ExecutionState;

ExecutionState state_for(OrderStatus status) {
  if (status == OrderStatus::Filled) return ExecutionState::Filled;
  if (is_terminal(status)) return ExecutionState::Ended;
  return ExecutionState::Working;
}

ExecutionResult result_for(ExecutionState state) {
  switch (state) {
    case ExecutionState::Filled:
      return ExecutionResult::Filled;
    case ExecutionState::Ended:
      return ExecutionResult::Ended;
    case ExecutionState::PendingSend:
    case ExecutionState::Working:
      break;
  }
  return ExecutionResult::Working;
}

ExecutionOutcome unresolved(const std::string& id, const ports::VenueError& error, bool sent) {
  return {ExecutionResult::Unresolved, id, std::nullopt, error.reason, error.message, sent};
}

}  // namespace

OrderExecutor::OrderExecutor(ports::Store& store, ports::Cache& cache, ports::VenueAdapter& venue,
                             const ports::Clock& clock, ports::CallTimeout timeout)
    : store_(store), cache_(cache), venue_(venue), clock_(clock), timeout_(timeout) {
  ports::require_positive(timeout);
}

ExecutionOutcome OrderExecutor::execute(ApprovalGate& gate, const std::string& bot_id,
                                        std::int64_t candidate_id, OrderTicket ticket) {
  const auto id = prepare(ticket, client_order_id(bot_id, candidate_id, ticket.attempt));
  return locked(id, [&] {
    // The approval is used and the order persisted in one transaction: a
    // crash cannot leave a used approval without its order, or the reverse.
    GateDecision decision;
    std::optional<ports::OrderRecord> record;
    store_.transaction([&](ports::Store&) {
      decision = gate.authorize(bot_id, candidate_id, id);
      if (decision.granted()) record = persist(*decision.permit, ticket);
    });
    if (!record)
      return ExecutionOutcome{ExecutionResult::Refused, id,   std::nullopt, decision.refusal_code,
                              decision.refusal,         false};
    reached(ExecutionStep::Persisted, id);
    return send(*record);
  });
}

ExecutionOutcome OrderExecutor::execute(const ExecutionPermit& permit, OrderTicket ticket) {
  const auto id =
      prepare(ticket, client_order_id(permit.bot_id(), permit.candidate_id(), ticket.attempt));
  if (permit.order_ref() != id)
    throw std::invalid_argument("the permit authorises order '" + permit.order_ref() + "', not '" +
                                id + "'");
  return locked(id, [&] {
    // A permit is granted once, but a caller may retry with its copy: the
    // stored order then decides, as after a crash.
    if (auto existing = store_.order_by_client_id(id)) return reconcile_one(*existing);
    const auto record = persist(permit, ticket);
    reached(ExecutionStep::Persisted, id);
    return send(record);
  });
}

std::string OrderExecutor::prepare(OrderTicket& ticket, std::string client_order_id) {
  ticket.order.client_order_id = std::move(client_order_id);
  ticket.order.status = OrderStatus::New;
  // Checked before the approval is used: a malformed order is a bug upstream.
  const auto problems = ticket.order.problems();
  if (!problems.empty())
    throw std::invalid_argument("order '" + ticket.order.client_order_id +
                                "' is malformed: " + problems.front());
  return ticket.order.client_order_id;
}

ports::OrderRecord OrderExecutor::persist(const ExecutionPermit& permit,
                                          const OrderTicket& ticket) {
  return store_.record_order({.order = ticket.order,
                              .candidate_id = permit.candidate_id(),
                              .bot_id = permit.bot_id(),
                              .approval_id = permit.approval_id(),
                              .attempt = ticket.attempt,
                              .venue = venue_.venue(),
                              .expected_price = ticket.expected_price,
                              .at = clock_.now()});
}

std::vector<ExecutionOutcome> OrderExecutor::reconcile() {
  std::vector<ExecutionOutcome> outcomes;
  for (const auto& record : store_.unsettled_orders())
    outcomes.push_back(locked(record.client_order_id(), [&] {
      // Re-read under the lock: the previous holder may have settled it.
      const auto current = store_.order_by_client_id(record.client_order_id());
      return reconcile_one(current.value_or(record));
    }));
  return outcomes;
}

ExecutionOutcome OrderExecutor::reconcile_one(const ports::OrderRecord& record) {
  const auto& id = record.client_order_id();
  if (ports::is_final(record.state))
    return {result_for(record.state), id, std::nullopt, std::nullopt, "already settled", false};
  auto status = venue_.order_status(id, timeout_);
  if (status.ok()) return settle(record, std::move(status).value(), false);
  // Only an order the venue never saw may be sent; any other failure leaves
  // the question open for the next reconciliation.
  if (status.error().reason == ReasonCode::UnknownOrder) return send(record);
  return unresolved(id, status.error(), false);
}

ExecutionOutcome OrderExecutor::send(const ports::OrderRecord& record) {
  const auto& id = record.client_order_id();
  auto placed = venue_.place_order(record.draft.order, timeout_);
  if (placed.ok()) {
    reached(ExecutionStep::Sent, id);
    return settle(record, std::move(placed).value(), true);
  }
  const auto& error = placed.error();
  if (error.is_retryable()) return unresolved(id, error, true);
  // The venue refused the request itself (malformed, id conflict): final.
  store_.advance_order(id, {ExecutionState::Ended, std::nullopt, "", clock_.now()});
  return {ExecutionResult::Ended, id, std::nullopt, error.reason, error.message, true};
}

ExecutionOutcome OrderExecutor::settle(const ports::OrderRecord& record, ports::OrderReport report,
                                       bool sent) {
  const auto& id = record.client_order_id();
  const auto state = state_for(report.status());
  store_.transaction([&](ports::Store& store) {
    const bool moved =
        store.advance_order(id, {state, report.status(), report.venue_order_id, clock_.now()});
    // Recorded with the final state in one transaction: once, never lost.
    if (moved && ports::is_final(state))
      if (auto quality =
              measure_fill_quality(report, record.draft.expected_price, record.draft.venue))
        store.record_fill_quality(*quality);
  });
  reached(ExecutionStep::Settled, id);
  ExecutionOutcome outcome{result_for(state), id, std::move(report), std::nullopt, "", sent};
  if (state == ExecutionState::Ended) {
    outcome.code = outcome.report->reason.value_or(ReasonCode::VenueRejected);
    outcome.message = outcome.report->message;
  }
  return outcome;
}

ExecutionOutcome OrderExecutor::locked(const std::string& client_order_id,
                                       const std::function<ExecutionOutcome()>& work) {
  const auto key = cache::keys::order_lock(client_order_id);
  const auto token = cache_.try_acquire(key, cache::keys::kOrderLockTtl);
  if (!token)
    return {ExecutionResult::Busy,
            client_order_id,
            std::nullopt,
            std::nullopt,
            "order " + client_order_id + " is locked by another process",
            false};
  // Released on every exit, exceptions included; a killed process cannot
  // release it, and the lock's TTL frees the order for reconciliation.
  struct Release {
    ports::Cache& cache;
    const std::string& key;
    const ports::LockToken& token;
    ~Release() {
      try {
        cache.release(key, token);
      } catch (const std::exception&) {
        // The cache went away: the lock's TTL frees the order.
      }
    }
  } release{cache_, key, *token};
  return work();
}

void OrderExecutor::reached(ExecutionStep step, const std::string& client_order_id) const {
  if (observer_) observer_(step, client_order_id);
}

}  // namespace dorado::engine
