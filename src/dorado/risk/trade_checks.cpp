#include "dorado/risk/trade_checks.hpp"

#include "dorado/risk/amount_text.hpp"
#include "dorado/risk/margin.hpp"
#include "dorado/risk/scaled_figures.hpp"
#include "dorado/risk/structure_shape.hpp"

namespace dorado::risk {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

CheckResult check_structure(const TradeProposal& p) {
  const auto reading = read_structure(p.structure, p.candidate);
  if (reading.shape)
    return CheckResult::pass("structure", {},
                             std::string(name_of(p.structure)) + " legs check out");
  return CheckResult::fail(
      "structure", ReasonCode::InternalError,
      {{"legs", static_cast<double>(p.candidate.legs.size())}},
      p.candidate.strategy + " on " + p.candidate.underlying + ": " + reading.problem);
}

std::optional<CheckResult> check_dte(const TradeProposal& p, const config::StrategyTemplate& s) {
  const auto* options = s.options();
  const auto dte = days_to_expiration(p.candidate);
  if (!options || !dte) return std::nullopt;
  const auto& range = options->expiration.dte_range;
  const std::map<std::string, double> measured{
      {"dte", *dte}, {"dte_min", range.min}, {"dte_max", range.max}};
  const std::string text = "DTE " + std::to_string(*dte) + " " +
                           (range.contains(*dte) ? "within" : "outside") + " [" +
                           format_pct(range.min) + ", " + format_pct(range.max) + "]";
  if (range.contains(*dte)) return CheckResult::pass("dte", measured, text);
  return CheckResult::fail("dte", ReasonCode::InternalError, measured, text);
}

CheckResult check_sizing(const SizingDecision& d, const Money& equity) {
  const std::map<std::string, double> measured{
      {"risk_pct", d.risk_pct},
      {"risk_budget", d.risk_budget.to_double()},
      {"max_loss_per_unit", d.max_loss_per_unit.to_double()},
      {"quantity", d.quantity.to_double()}};
  if (d.problem_reason) return CheckResult::fail("sizing", *d.problem_reason, measured, d.problem);
  if (d.quantity.is_positive()) return CheckResult::pass("sizing", measured, d.sentence);
  if (d.limit != "risk_budget")
    return CheckResult::fail("sizing", ReasonCode::ConcentrationExceeded, measured,
                             d.limit + " allows less than one lot");
  return CheckResult::fail("sizing", ReasonCode::MaxLossExceeded, measured,
                           "one unit's max loss " + format_money(d.max_loss_per_unit) +
                               " > risk budget " + format_limit(d.risk_budget, d.risk_pct, equity));
}

PositionRisk sized_position(const TradeProposal& p, const TradeContext& ctx, Quantity quantity) {
  std::optional<double> leverage;
  if (const auto* m = ctx.strategy.momentum()) leverage = m->sizing.max_leverage;
  const auto margin = margin_for(p, leverage, quantity);
  const auto& c = p.candidate;
  return PositionRisk{.id = c.bot_id + "/" + c.underlying + "/" + c.strategy,
                      .bot_id = c.bot_id,
                      .underlying = c.underlying,
                      .asset_class = p.asset_class,
                      .quantity = quantity,
                      .max_loss = times(c.max_loss, quantity),
                      .buying_power = margin.buying_power,
                      .notional = times(p.notional_per_unit, quantity),
                      .shares_pledged = margin.shares_required,
                      .exposure = p.exposure_per_unit.times(quantity.to_double())};
}

}  // namespace

CheckResult check_data_quality(double quality, const config::RiskPolicy& policy) {
  const double min = policy.trade.min_data_quality;
  const std::map<std::string, double> measured{{"data_quality", quality}, {"min", min}};
  if (quality >= min)
    return CheckResult::pass(
        "data_quality", measured,
        "data quality " + format_pct(quality) + " >= " + format_pct(min) + " min");
  return CheckResult::fail(
      "data_quality", ReasonCode::DataQualityTooLow, measured,
      "data quality " + format_pct(quality) + " < " + format_pct(min) + " min");
}

CheckResult check_regime(const config::StrategyTemplate& s, const RegimeReading& regime) {
  if (!regime.known())
    return CheckResult::pass(
        "regime", {{"known", 0}},
        std::string("regime ") + (regime.name ? "stale" : "unknown") + ": allow-all fallback");
  if (s.allows(*regime.name))
    return CheckResult::pass("regime", {{"known", 1}},
                             "regime " + *regime.name + " allowed for " + s.name);
  return CheckResult::fail("regime", ReasonCode::RegimeNotAllowed, {{"known", 1}},
                           "regime " + *regime.name + " not in " + s.name + "'s regimes_allowed [" +
                               join(s.regimes_allowed) + "]");
}

CheckResult check_max_loss(const Money& max_loss, const Money& equity,
                           const config::RiskPolicy& policy) {
  const double pct = policy.trade.max_loss_per_trade_pct;
  const Money limit = pct_of(equity, pct);
  const std::map<std::string, double> measured{
      {"max_loss", max_loss.to_double()}, {"limit", limit.to_double()}, {"limit_pct", pct}};
  const std::string text = "max loss " + format_money(max_loss);
  if (max_loss <= limit)
    return CheckResult::pass("max_loss", measured,
                             text + " <= " + format_limit(limit, pct, equity));
  return CheckResult::fail("max_loss", ReasonCode::MaxLossExceeded, measured,
                           text + " > " + format_limit(limit, pct, equity));
}

CheckResult check_crypto_cap(const Money& notional, const Money& equity,
                             const config::RiskPolicy& policy) {
  const double pct = policy.trade.crypto_max_position_pct;
  const Money limit = pct_of(equity, pct);
  const std::map<std::string, double> measured{
      {"notional", notional.to_double()}, {"limit", limit.to_double()}, {"limit_pct", pct}};
  const std::string text = "crypto position " + format_money(notional);
  if (notional <= limit)
    return CheckResult::pass("crypto_cap", measured,
                             text + " <= " + format_limit(limit, pct, equity));
  return CheckResult::fail("crypto_cap", ReasonCode::ConcentrationExceeded, measured,
                           text + " > " + format_limit(limit, pct, equity));
}

TradeAssessment assess_trade(const TradeProposal& p, const TradeContext& ctx) {
  TradeAssessment out{.sizing = std::nullopt, .checks = {}, .position = std::nullopt};
  const Money& equity = ctx.sizing.equity;
  out.checks.push_back(check_data_quality(p.data_quality, ctx.policy));
  out.checks.push_back(check_regime(ctx.strategy, ctx.regime));
  out.checks.push_back(check_structure(p));
  if (!out.checks.back().passed) return out;  // sizing and margin need the legs
  if (auto dte = check_dte(p, ctx.strategy)) out.checks.push_back(*dte);

  out.sizing = size_position(p, ctx.strategy, ctx.bot, ctx.policy, ctx.sizing);
  out.checks.push_back(check_sizing(*out.sizing, equity));
  if (!out.checks.back().passed) return out;

  PositionRisk position = sized_position(p, ctx, out.sizing->quantity);
  out.checks.push_back(check_max_loss(position.max_loss, equity, ctx.policy));
  if (p.asset_class == AssetClass::Crypto)
    out.checks.push_back(check_crypto_cap(position.notional, equity, ctx.policy));
  if (all_passed(out.checks)) out.position = std::move(position);
  return out;
}

}  // namespace dorado::risk
