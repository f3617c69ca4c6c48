#pragma once
// Trade-level Risk Radar: everything about one candidate that does not depend
// on the rest of the book. In order, cheapest first:
//
//   data_quality  the candidate's data-quality score >= policy min_data_quality
//                 (DataQualityTooLow)
//   regime        the current regime of the template's class is in its
//                 regimes_allowed; when the regime is unknown or stale the
//                 check passes (allow-all fallback, said in the sentence)
//                 (RegimeNotAllowed)
//   structure     the legs are the structure the template names (InternalError:
//                 the resolver broke its own invariant)
//   dte           an option candidate's days to expiration lie in the
//                 template's dte_range (InternalError, same reason)
//   sizing        at least one lot fits the risk budget (MaxLossExceeded; a
//                 cap below one lot: ConcentrationExceeded; vol_adjusted without
//                 realized vol: InsufficientHistory)
//   max_loss      sized max loss <= max_loss_per_trade_pct of equity
//                 (MaxLossExceeded)
//   crypto_cap    a crypto position's notional <= crypto_max_position_pct of
//                 equity (ConcentrationExceeded)
//
// Checks that need the book (positions per bot, buying power, min cash,
// covered-call shares, heat, concentration, clusters, greeks) are in
// portfolio_checks.hpp, because selection re-runs them after every addition.
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/bot.hpp"
#include "dorado/config/risk_policy.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/risk/check_result.hpp"
#include "dorado/risk/position_risk.hpp"
#include "dorado/risk/sizing.hpp"
#include "dorado/risk/trade_proposal.hpp"

namespace dorado::risk {

// The current regime of the template's asset class (macro for options, the FX
// or crypto model otherwise), by its name. nullopt name or stale: unknown.
struct RegimeReading {
  std::optional<std::string> name;
  bool stale = false;
  bool known() const { return name.has_value() && !stale; }
};

struct TradeContext {
  const config::StrategyTemplate& strategy;
  const config::BotConfig& bot;
  const config::RiskPolicy& policy;
  SizingContext sizing;
  RegimeReading regime;
};

struct TradeAssessment {
  std::optional<SizingDecision> sizing;  // set when sizing ran (the legs checked out)
  std::vector<CheckResult> checks;       // every check run, passed or failed, in order
  // The sized position as it would be opened; set exactly when every check passed.
  std::optional<PositionRisk> position;

  bool passed() const { return position.has_value(); }
  std::vector<CheckResult> failures() const { return failures_of(checks); }
};

TradeAssessment assess_trade(const TradeProposal& proposal, const TradeContext& context);

// The single checks, for callers that need one.
CheckResult check_data_quality(double quality, const config::RiskPolicy& policy);
CheckResult check_regime(const config::StrategyTemplate& strategy, const RegimeReading& regime);
CheckResult check_max_loss(const Money& max_loss, const Money& equity,
                           const config::RiskPolicy& policy);
CheckResult check_crypto_cap(const Money& notional, const Money& equity,
                             const config::RiskPolicy& policy);

}  // namespace dorado::risk
