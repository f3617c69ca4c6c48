#include "dorado/risk/selection.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <tuple>

#include "dorado/risk/amount_text.hpp"
#include "dorado/risk/portfolio_checks.hpp"

namespace dorado::risk {
namespace {

const Money& ranking_loss(const SelectionEntry& e) {
  return e.position ? e.position->max_loss : e.candidate.max_loss;
}

bool ranks_before(const SelectionEntry& a, std::size_t ia, const SelectionEntry& b,
                  std::size_t ib) {
  if (a.candidate.score != b.candidate.score) return a.candidate.score > b.candidate.score;
  if (ranking_loss(a) != ranking_loss(b)) return ranking_loss(a) < ranking_loss(b);
  const auto key = [](const SelectionEntry& e) {
    return std::tie(e.candidate.bot_id, e.candidate.underlying, e.candidate.strategy);
  };
  if (key(a) != key(b)) return key(a) < key(b);
  return ia < ib;
}

SelectionDecision decide(const SelectionEntry& e, std::size_t index, int rank,
                         SelectionOutcome outcome, ReasonCode reason,
                         std::vector<CheckResult> failed) {
  SelectionDecision d{rank, index, e.candidate, e.position, outcome, reason, std::move(failed)};
  d.candidate.rejection = d.failed_checks.empty() ? std::nullopt : d.failed_checks.front().reason;
  return d;
}

void cap_paper(std::vector<SelectionDecision>& decisions, std::size_t cap) {
  std::size_t on_paper = 0;
  for (auto& d : decisions) {
    if (d.outcome != SelectionOutcome::Paper) continue;
    if (++on_paper <= cap) continue;
    d.outcome = SelectionOutcome::Dropped;
    d.reason = ReasonCode::PaperCapReached;
  }
}

}  // namespace

std::vector<const SelectionDecision*> SelectionResult::with_outcome(SelectionOutcome o) const {
  std::vector<const SelectionDecision*> out;
  for (const auto& d : decisions)
    if (d.outcome == o) out.push_back(&d);
  return out;
}

std::vector<std::size_t> rank_order(const std::vector<SelectionEntry>& entries) {
  for (const auto& e : entries)
    if (!std::isfinite(e.candidate.score))
      throw std::invalid_argument("candidate " + e.candidate.bot_id + "/" + e.candidate.underlying +
                                  " has a score that is not a finite number");
  std::vector<std::size_t> order(entries.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return ranks_before(entries[a], a, entries[b], b);
  });
  return order;
}

PortfolioBudget portfolio_budget(const PortfolioState& after,
                                 const std::vector<SelectionEntry>& entries,
                                 const config::RiskPolicy& policy) {
  const Currency ccy = after.currency();
  std::vector<Money> losses;
  for (const auto& e : entries)
    if (e.position && e.position->max_loss.is_positive()) losses.push_back(e.position->max_loss);
  std::sort(losses.begin(), losses.end());
  const Money typical = losses.empty() ? pct_of(after.equity, policy.trade.max_loss_per_trade_pct)
                                       : losses[(losses.size() - 1) / 2];
  Money headroom = pct_of(after.equity, policy.portfolio.max_heat_pct) - after.heat();
  if (headroom.is_negative()) headroom = Money(ccy);
  const int n = typical.is_positive() ? static_cast<int>(headroom.micros() / typical.micros()) : 0;
  return {n, headroom, typical,
          "portfolio budget: " + std::to_string(n) + " trade" + (n == 1 ? "" : "s") +
              " before heat limit (headroom " + format_money(headroom) + ", typical max loss " +
              format_money(typical) + ")"};
}

SelectionResult select(const PortfolioState& portfolio, const std::vector<SelectionEntry>& entries,
                       const config::RiskPolicy& policy, const CircuitBreakerState& breakers,
                       const SelectionOptions& options) {
  const Money zero(portfolio.currency());
  SelectionResult out{{}, portfolio, {0, zero, zero, ""}, breakers.halt_reason()};
  const bool halt_all = breakers.halts_all_bots();
  int rank = 0;
  for (const std::size_t i : rank_order(entries)) {
    const SelectionEntry& e = entries[i];
    ++rank;
    if (out.halted_by) {
      auto blocked = CheckResult::fail("circuit_breaker", ReasonCode::CircuitBreakerActive, {},
                                       *out.halted_by);
      out.decisions.push_back(
          decide(e, i, rank, halt_all ? SelectionOutcome::Blocked : SelectionOutcome::Paper,
                 halt_all ? ReasonCode::CircuitBreakerActive : ReasonCode::SentToPaper,
                 {std::move(blocked)}));
      continue;
    }
    std::vector<CheckResult> failed = e.trade_failures;
    if (failed.empty() && !e.position)
      throw std::invalid_argument("candidate " + e.candidate.bot_id + "/" + e.candidate.underlying +
                                  " has neither a sized position nor trade-check failures");
    if (failed.empty()) failed = check(out.portfolio, *e.position, policy, e.bot_max_positions);
    if (failed.empty()) {
      out.portfolio = out.portfolio.with(*e.position);
      out.decisions.push_back(
          decide(e, i, rank, SelectionOutcome::Selected, ReasonCode::Selected, {}));
    } else {
      out.decisions.push_back(
          decide(e, i, rank, SelectionOutcome::Paper, ReasonCode::SentToPaper, std::move(failed)));
    }
  }
  cap_paper(out.decisions, options.paper_cap);
  out.budget = portfolio_budget(out.portfolio, entries, policy);
  return out;
}

}  // namespace dorado::risk
