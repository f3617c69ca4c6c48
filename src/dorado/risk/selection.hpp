#pragma once
// Portfolio-aware selection (PRD 3.6): merge every bot's candidates, walk them
// in rank order, simulate each addition against every portfolio check, keep
// it when all pass; the rest go to paper to keep learning.
//
// Rank order: score descending; ties broken, in turn, by the smaller max loss
// of the sized position (less risk first; the candidate's per-unit max loss
// when it was not sized), then bot id, underlying and strategy
// alphabetically, then input order. The same inputs always give the same
// ranking.
//
// Greedy by rank: a candidate is kept if it fits the book as it stands with
// every higher-ranked kept candidate in it. So no lower-ranked candidate is
// ever taken while a higher-ranked one that would still have fitted is
// passed over.
//
// Outcomes:
//   selected  every check passed; on to approval (reason Selected)
//   paper     a trade-level or portfolio check failed (reason SentToPaper;
//             the candidate's rejection says which check stopped it first);
//             the paper book is capped (default 30): beyond the cap, the
//             lowest-ranked are...
//   dropped   ... dropped (PaperCapReached)
//   blocked   a breaker halts all bots: nothing is selected and nothing goes
//             to paper (the bots are paused) (CircuitBreakerActive)
// A breaker that halts only new trades blocks live selection but lets the
// paper book keep learning: every candidate goes to paper with the
// circuit_breaker check failed.
//
// Portfolio budget: how many more trades of typical size fit under the heat
// limit after the selection: floor(headroom / typical), headroom = max heat
// minus the heat with the selected trades in, typical = the median (lower
// middle) max loss of this scan's sized candidates, or the per-trade limit
// when none was sized.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/risk_policy.hpp"
#include "dorado/domain/candidate.hpp"
#include "dorado/risk/check_result.hpp"
#include "dorado/risk/circuit_breakers.hpp"
#include "dorado/risk/portfolio_state.hpp"
#include "dorado/risk/position_risk.hpp"

namespace dorado::risk {

struct SelectionEntry {
  Candidate candidate;                      // with its score
  std::optional<PositionRisk> position;     // the sized position (TradeAssessment::position)
  std::vector<CheckResult> trade_failures;  // TradeAssessment::failures()
  std::optional<int> bot_max_positions;     // the bot's max_positions
};

enum class SelectionOutcome { Selected, Paper, Dropped, Blocked };

struct SelectionDecision {
  int rank = 0;  // 1-based, across the whole portfolio
  std::size_t input_index = 0;
  Candidate candidate;  // rejection set to the first failed check's reason when not selected
  std::optional<PositionRisk> position;
  SelectionOutcome outcome = SelectionOutcome::Paper;
  ReasonCode reason = ReasonCode::SentToPaper;
  std::vector<CheckResult> failed_checks;
};

struct PortfolioBudget {
  int trades_before_heat_limit = 0;
  Money heat_headroom;
  Money typical_max_loss;
  std::string sentence;  // "portfolio budget: 3 trades before heat limit (...)"
};

struct SelectionResult {
  std::vector<SelectionDecision> decisions;  // in rank order
  PortfolioState portfolio;                  // the book with the selected positions
  PortfolioBudget budget;
  std::optional<std::string> halted_by;  // the halting breaker's reason

  std::vector<const SelectionDecision*> with_outcome(SelectionOutcome outcome) const;
};

struct SelectionOptions {
  std::size_t paper_cap = 30;
};

// Throws std::invalid_argument if a score is not finite.
SelectionResult select(const PortfolioState& portfolio, const std::vector<SelectionEntry>& entries,
                       const config::RiskPolicy& policy, const CircuitBreakerState& breakers,
                       const SelectionOptions& options = {});

// The ranking alone: indices into `entries`, best first.
std::vector<std::size_t> rank_order(const std::vector<SelectionEntry>& entries);

PortfolioBudget portfolio_budget(const PortfolioState& after,
                                 const std::vector<SelectionEntry>& entries,
                                 const config::RiskPolicy& policy);

}  // namespace dorado::risk

namespace dorado {

template <>
struct EnumNames<risk::SelectionOutcome> {
  static constexpr std::array<std::pair<risk::SelectionOutcome, std::string_view>, 4> table{{
      {risk::SelectionOutcome::Selected, "selected"},
      {risk::SelectionOutcome::Paper, "paper"},
      {risk::SelectionOutcome::Dropped, "dropped"},
      {risk::SelectionOutcome::Blocked, "blocked"},
  }};
};

}  // namespace dorado
