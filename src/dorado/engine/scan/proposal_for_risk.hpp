#pragma once
// Turns a resolved, scored candidate into what the Risk Radar sizes and
// checks (risk::TradeProposal): per-unit money in the account currency, the
// lot, the notional and the market exposure of one unit.
//
// Exposure of one unit (risk/exposure.hpp), from Dorado's greeks of each leg
// (sign +1 bought, -1 sold, q the leg quantity, m the multiplier, S spot):
//   delta_dollars = sum sign q delta m S          (beta 1 to SPY: no beta model yet)
//   gamma_dollars = sum sign q gamma m S^2 / 100  (delta dollars per 1 % move)
//   vega          = sum sign q vega m / 100       (per implied-vol point)
//   theta         = sum sign q theta m / 365      (per calendar day)
// Momentum: delta_dollars = +-price (one unit long or short); crypto carry =
// -+ funding x 3 x price per day (a long pays positive funding three times a
// day). FX carry needs swap points, which no source delivers yet: 0.
//
// Currency: an FX pair BBBQQQ quotes in QQQ; when QQQ is not the account
// currency but BBB is (USDJPY for a USD account), money per unit is divided
// by the price. Any other mismatch is refused (nullopt): the risk layer never
// mixes currencies.
#include <optional>
#include <string>

#include "dorado/config/risk_policy.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/config/universe.hpp"
#include "dorado/risk/trade_proposal.hpp"
#include "dorado/strategy/resolve/resolution.hpp"

namespace dorado::engine {

struct ProposalInputs {
  const strategy::ResolvedCandidate& resolved;  // the candidate carries its score
  const config::UniverseMember& member;
  const config::StrategyTemplate& strategy;
  const config::RiskPolicy& policy;
  std::optional<double> realized_vol;  // annualised fraction, from the technical picture
};

// Account-currency units per unit of `from` (1, or 1 / price for the quote
// currency of a pair based in the account currency); nullopt otherwise.
std::optional<double> account_rate(Currency from, const std::string& symbol, double price,
                                   Currency account);
// The amount in the account currency, or nullopt when it cannot be converted.
std::optional<Money> in_account_currency(const Money& amount, const std::string& symbol,
                                         double price, Currency account);

std::optional<risk::TradeProposal> proposal_for_risk(const ProposalInputs& in);

}  // namespace dorado::engine
