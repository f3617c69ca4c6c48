#include "dorado/risk/portfolio_checks.hpp"

#include <cmath>
#include <string>

#include "dorado/risk/amount_text.hpp"

namespace dorado::risk {
namespace {

// A sum of max losses against a percent-of-equity limit.
CheckResult max_loss_limit(const std::string& check, ReasonCode reason, const std::string& what,
                           const Money& amount, double pct, const Money& equity) {
  const Money limit = pct_of(equity, pct);
  const double amount_pct = amount.to_double() / equity.to_double() * 100.0;
  const std::map<std::string, double> measured{{"amount", amount.to_double()},
                                               {"amount_pct", amount_pct},
                                               {"limit", limit.to_double()},
                                               {"limit_pct", pct}};
  const std::string text =
      what + " " + format_money(amount) + " (" + format_pct(amount_pct) + " %)";
  if (amount <= limit)
    return CheckResult::pass(check, measured, text + " <= " + format_limit(limit, pct, equity));
  return CheckResult::fail(check, reason, measured,
                           text + " > " + format_limit(limit, pct, equity));
}

double distance_outside(double x, double lo, double hi) {
  return x < lo ? lo - x : (x > hi ? x - hi : 0.0);
}

// A net greek against a [min, max] percent-of-equity range, with the hedge
// allowance described in the header.
CheckResult greek_range(const std::string& check, const std::string& what, double before,
                        double after, const config::NumberRange& range_pct, const Money& equity) {
  const double e = equity.to_double();
  const double lo = range_pct.min / 100.0 * e, hi = range_pct.max / 100.0 * e;
  const double after_pct = after / e * 100.0;
  const std::map<std::string, double> measured{{"before", before},
                                               {"after", after},
                                               {"after_pct", after_pct},
                                               {"min_pct", range_pct.min},
                                               {"max_pct", range_pct.max}};
  const std::string text = what + " " + format_amount(after) + " " +
                           std::string(equity.currency().code()) + " (" + format_pct(after_pct) +
                           " % of equity)";
  const std::string range =
      "[" + format_pct(range_pct.min) + " %, " + format_pct(range_pct.max) + " %]";
  const double d_after = distance_outside(after, lo, hi);
  if (d_after == 0.0) return CheckResult::pass(check, measured, text + " within " + range);
  if (d_after < distance_outside(before, lo, hi))
    return CheckResult::pass(check, measured,
                             text + " outside " + range + " but closer than before");
  return CheckResult::fail(check, ReasonCode::ConcentrationExceeded, measured,
                           text + " outside " + range);
}

std::string cluster_name(const std::vector<std::string>& members) {
  std::string out = "{";
  for (const auto& m : members) out += (out.size() > 1 ? ", " : "") + m;
  return out + "}";
}

CheckResult bot_positions(const PortfolioState& before, const PositionRisk& add, int max) {
  const int open = before.positions_of_bot(add.bot_id);
  const std::map<std::string, double> measured{{"open", open}, {"max", max}};
  const std::string text = "bot " + add.bot_id + " holds " + std::to_string(open) + " of " +
                           std::to_string(max) + " positions";
  if (open + 1 <= max) return CheckResult::pass("bot_positions", measured, text);
  return CheckResult::fail("bot_positions", ReasonCode::MaxOpenPositionsReached, measured, text);
}

CheckResult buying_power(const PortfolioState& before, const PositionRisk& add) {
  const std::map<std::string, double> measured{{"buying_power", add.buying_power.to_double()},
                                               {"cash", before.cash.to_double()}};
  const std::string text = "buying power " + format_money(add.buying_power);
  if (add.buying_power <= before.cash)
    return CheckResult::pass("buying_power", measured,
                             text + " <= cash " + format_money(before.cash));
  return CheckResult::fail("buying_power", ReasonCode::InsufficientBuyingPower, measured,
                           text + " > cash " + format_money(before.cash));
}

CheckResult min_cash(const Money& cash_after, const Money& equity, double pct) {
  const Money floor = pct_of(equity, pct);
  const double cash_pct = cash_after.to_double() / equity.to_double() * 100.0;
  const std::map<std::string, double> measured{{"cash_after", cash_after.to_double()},
                                               {"cash_after_pct", cash_pct},
                                               {"min", floor.to_double()},
                                               {"min_pct", pct}};
  const std::string text =
      "cash after " + format_money(cash_after) + " (" + format_pct(cash_pct) + " %)";
  if (cash_after >= floor)
    return CheckResult::pass("min_cash", measured,
                             text + " >= " + format_limit(floor, pct, equity) + " minimum");
  return CheckResult::fail("min_cash", ReasonCode::InsufficientBuyingPower, measured,
                           text + " < " + format_limit(floor, pct, equity) + " minimum");
}

CheckResult covered(const PortfolioState& before, const PositionRisk& add) {
  const Quantity free = before.shares_free(add.underlying);
  const std::map<std::string, double> measured{{"shares_needed", add.shares_pledged.to_double()},
                                               {"shares_free", free.to_double()}};
  const std::string text = "needs " + add.shares_pledged.to_string() + " " + add.underlying +
                           " shares as cover, " + free.to_string() + " free";
  if (add.shares_pledged <= free) return CheckResult::pass("covered", measured, text);
  return CheckResult::fail("covered", ReasonCode::InsufficientBuyingPower, measured, text);
}

}  // namespace

std::vector<CheckResult> evaluate_portfolio(const PortfolioState& before, const PositionRisk& add,
                                            const config::RiskPolicy& policy,
                                            std::optional<int> bot_max_positions) {
  if (!before.equity.is_positive())
    return {CheckResult::fail(
        "equity", ReasonCode::InsufficientBuyingPower, {{"equity", before.equity.to_double()}},
        "equity " + format_money(before.equity) + " is not positive: no new risk")};
  // The book after the addition, figure by figure (copying the book, with its
  // correlation matrix, for every candidate would cost more than the checks).
  const auto& limits = policy.portfolio;
  const Money& equity = before.equity;
  const Money& loss = add.max_loss;
  std::vector<CheckResult> out;
  if (bot_max_positions) out.push_back(bot_positions(before, add, *bot_max_positions));
  out.push_back(max_loss_limit("heat", ReasonCode::PortfolioHeatExceeded, "portfolio heat",
                               before.heat() + loss, limits.max_heat_pct, equity));
  out.push_back(max_loss_limit("underlying", ReasonCode::ConcentrationExceeded,
                               add.underlying + " max loss",
                               before.max_loss_in_underlying(add.underlying) + loss,
                               limits.max_single_underlying_pct, equity));
  if (const auto it = limits.max_asset_class_pct.find(add.asset_class);
      it != limits.max_asset_class_pct.end())
    out.push_back(max_loss_limit("asset_class", ReasonCode::ConcentrationExceeded,
                                 std::string(name_of(add.asset_class)) + " max loss",
                                 before.max_loss_in_class(add.asset_class) + loss, it->second,
                                 equity));
  else
    out.push_back(CheckResult::pass(
        "asset_class", {}, std::string(name_of(add.asset_class)) + ": no limit configured"));
  const auto cluster = cluster_of(add.underlying, before.underlyings(), before.correlations,
                                  limits.correlation_threshold);
  out.push_back(max_loss_limit("cluster", ReasonCode::CorrelatedClusterExceeded,
                               "cluster " + cluster_name(cluster) + " max loss",
                               before.max_loss_in(cluster) + loss,
                               limits.max_correlated_cluster_pct, equity));
  const Exposure e0 = before.exposure(), e1 = e0 + add.exposure;
  out.push_back(greek_range("net_delta", "net delta", e0.delta_dollars, e1.delta_dollars,
                            limits.net_delta_range_pct, equity));
  out.push_back(
      greek_range("net_vega", "net vega", e0.vega, e1.vega, limits.net_vega_range_pct, equity));
  out.push_back(buying_power(before, add));
  out.push_back(min_cash(before.cash - add.buying_power, equity, limits.min_cash_pct));
  if (add.shares_pledged.is_positive()) out.push_back(covered(before, add));
  return out;
}

std::vector<CheckResult> check(const PortfolioState& portfolio, const PositionRisk& addition,
                               const config::RiskPolicy& policy,
                               std::optional<int> bot_max_positions) {
  return failures_of(evaluate_portfolio(portfolio, addition, policy, bot_max_positions));
}

}  // namespace dorado::risk
