#pragma once
// Portfolio-level Risk Radar: would the book still respect the policy with
// this position added? Each check measures the book *after* the addition.
//
//   bot_positions   the bot's open positions + 1 <= its max_positions
//                   (MaxOpenPositionsReached)
//   heat            sum of max losses <= max_heat_pct (PortfolioHeatExceeded)
//   underlying      max loss in the addition's underlying <=
//                   max_single_underlying_pct (ConcentrationExceeded)
//   asset_class     max loss in its asset class <= max_asset_class_pct[class];
//                   a class without a configured limit passes
//                   (ConcentrationExceeded)
//   cluster         max loss across the addition's correlated cluster (see
//                   correlation_clusters.hpp) <= max_correlated_cluster_pct
//                   (CorrelatedClusterExceeded)
//   net_delta       net beta-weighted delta dollars within net_delta_range_pct
//   net_vega        net vega within net_vega_range_pct
//                   Both: an addition that leaves the figure outside its range
//                   passes only if the book was already outside and the
//                   addition brings it closer (a hedge must not be refused
//                   for not hedging enough). (ConcentrationExceeded: the
//                   domain has no dedicated greek-limit code yet)
//   buying_power    the addition's buying power <= free cash
//                   (InsufficientBuyingPower)
//   min_cash        free cash after the addition >= min_cash_pct of equity
//                   (InsufficientBuyingPower)
//   covered         shares it pledges <= shares held and not yet pledged
//                   (InsufficientBuyingPower)
//
// A book with equity at or below zero takes no new risk: one failed
// "equity" check (InsufficientBuyingPower) and nothing else.
// Carry has no limit in the policy; it is aggregated in Exposure and shown.
#include <optional>
#include <vector>

#include "dorado/config/risk_policy.hpp"
#include "dorado/risk/check_result.hpp"
#include "dorado/risk/portfolio_state.hpp"
#include "dorado/risk/position_risk.hpp"

namespace dorado::risk {

// Every check, passed or failed, in the order above. `bot_max_positions`:
// the adding bot's max_positions (nullopt skips bot_positions).
std::vector<CheckResult> evaluate_portfolio(const PortfolioState& portfolio,
                                            const PositionRisk& addition,
                                            const config::RiskPolicy& policy,
                                            std::optional<int> bot_max_positions = std::nullopt);

// Only the failed checks: empty means the addition fits.
std::vector<CheckResult> check(const PortfolioState& portfolio, const PositionRisk& addition,
                               const config::RiskPolicy& policy,
                               std::optional<int> bot_max_positions = std::nullopt);

}  // namespace dorado::risk
