#include "dorado/risk/sizing.hpp"

#include <algorithm>
#include <cmath>

#include "dorado/domain/micro_units.hpp"
#include "dorado/risk/amount_text.hpp"

namespace dorado::risk {
namespace {

__extension__ typedef __int128 Int128;

double clamp01(double x) {
  return std::clamp(x, 0.0, 1.0);
}

struct Scaled {
  double risk_pct;
  std::map<std::string, double> factors;
  std::string problem;
};

Scaled scale_fixed(double base, const SizingContext& ctx) {
  return {base * ctx.breaker_multiplier, {{"breakers", ctx.breaker_multiplier}}, ""};
}

Scaled scale_vol(double base, const TradeProposal& p, const SizingContext& ctx) {
  const VolTarget target = ctx.vol_target.value_or(default_vol_target(p.asset_class));
  if (!p.realized_vol || !(*p.realized_vol > 0.0))
    return {0.0, {}, "vol_adjusted sizing needs the underlying's realized volatility"};
  const double scale = std::min(target.max_scale, target.target_vol / *p.realized_vol);
  return {base * scale * ctx.breaker_multiplier,
          {{"breakers", ctx.breaker_multiplier},
           {"vol_scale", scale},
           {"realized_vol", *p.realized_vol},
           {"target_vol", target.target_vol}},
          ""};
}

Scaled scale_adaptive(double base, const config::RiskPolicy& policy, const SizingContext& ctx) {
  const double regime = adaptive_regime_factor(ctx.regime_confidence);
  const double drawdown = adaptive_drawdown_factor(
      ctx.drawdown_pct, policy.circuit_breakers.drawdown_from_peak.threshold_pct);
  const double risk = std::min(base, base * regime * drawdown * ctx.breaker_multiplier);
  return {
      risk, {{"breakers", ctx.breaker_multiplier}, {"regime", regime}, {"drawdown", drawdown}}, ""};
}

Quantity whole_lots(Quantity cap, Quantity lot) {
  return lot.is_positive() ? lot * (cap.micros() / lot.micros()) : Quantity{};
}

struct Cap {
  std::string name;
  Quantity quantity;
};

std::vector<Cap> quantity_caps(const TradeProposal& p, const config::StrategyTemplate& strategy,
                               const config::RiskPolicy& policy, const Money& equity) {
  std::vector<Cap> caps;
  const auto notional_cap = [&](const std::string& name, double pct_or_multiple, double scale) {
    if (!p.notional_per_unit.is_positive()) return;
    caps.push_back({name, units_within(equity.scaled_by(pct_or_multiple * scale),
                                       p.notional_per_unit, p.lot)});
  };
  if (const auto* o = strategy.options(); o && o->sizing.max_contracts)
    caps.push_back({"max_contracts", whole_lots(Quantity::units(*o->sizing.max_contracts), p.lot)});
  if (const auto* m = strategy.momentum()) {
    if (m->sizing.max_position_pct)
      notional_cap("max_position_pct", *m->sizing.max_position_pct, 0.01);
    if (m->sizing.max_leverage) notional_cap("max_leverage", *m->sizing.max_leverage, 1.0);
  }
  if (p.asset_class == AssetClass::Crypto)
    notional_cap("crypto_max_position_pct", policy.trade.crypto_max_position_pct, 0.01);
  return caps;
}

std::string sizing_sentence(const SizingDecision& d, const Money& equity) {
  std::string s = std::string(name_of(d.method)) + ": risk " + format_pct(d.risk_pct) + " % of " +
                  format_money(equity) + " = " + format_money(d.risk_budget) + " / " +
                  format_money(d.max_loss_per_unit) + " max loss per unit -> " +
                  d.quantity.to_string();
  if (d.limit != "risk_budget") s += " (capped by " + d.limit + ")";
  return s;
}

}  // namespace

VolTarget default_vol_target(AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::Fx:
      return {0.08, 1.0};
    case AssetClass::Crypto:
      return {0.60, 1.0};
    default:
      return {0.16, 1.0};
  }
}

double adaptive_regime_factor(std::optional<double> confidence) {
  const double c = confidence.value_or(0.0);
  return 0.5 + 0.5 * clamp01((c - 0.4) / 0.4);
}

double adaptive_drawdown_factor(double drawdown_pct, double threshold_pct) {
  if (!(threshold_pct > 0.0)) return 1.0;  // no drawdown breaker configured
  return 1.0 - 0.75 * clamp01((drawdown_pct - threshold_pct / 4.0) / (threshold_pct / 2.0));
}

Quantity units_within(const Money& budget, const Money& loss_per_unit, Quantity lot) {
  if (!loss_per_unit.is_positive() || !lot.is_positive() || !budget.is_positive()) return {};
  // lots = budget / (loss_per_unit x lot): in micro-units, budget x 1e6 / (loss x lot).
  const Int128 numerator = Int128{budget.micros()} * micro_units::kPerUnit;
  const Int128 denominator = Int128{loss_per_unit.micros()} * lot.micros();
  const auto lots = static_cast<std::int64_t>(numerator / denominator);
  return lot * lots;
}

SizingDecision size_position(const TradeProposal& p, const config::StrategyTemplate& strategy,
                             const config::BotConfig& bot, const config::RiskPolicy& policy,
                             const SizingContext& ctx) {
  SizingDecision d{.method = config::SizingMethod::FixedRiskPct,
                   .base_risk_pct = std::min(bot.risk_pct, policy.trade.max_loss_per_trade_pct),
                   .risk_pct = 0,
                   .factors = {},
                   .risk_budget = Money(ctx.equity.currency()),
                   .max_loss_per_unit = p.candidate.max_loss,
                   .quantity = {},
                   .limit = "risk_budget",
                   .problem = "",
                   .problem_reason = std::nullopt,
                   .sentence = ""};
  if (const auto* o = strategy.options()) d.method = o->sizing.method;
  if (const auto* m = strategy.momentum()) d.method = m->sizing.method;

  Scaled scaled;
  switch (d.method) {
    case config::SizingMethod::VolAdjusted:
      scaled = scale_vol(d.base_risk_pct, p, ctx);
      break;
    case config::SizingMethod::AdaptiveRules:
      scaled = scale_adaptive(d.base_risk_pct, policy, ctx);
      break;
    default:
      scaled = scale_fixed(d.base_risk_pct, ctx);
  }
  d.risk_pct = scaled.risk_pct;
  d.factors = std::move(scaled.factors);
  d.problem = std::move(scaled.problem);
  if (!d.problem.empty()) {
    d.problem_reason = ReasonCode::InsufficientHistory;
    d.sentence = d.problem;
    return d;
  }
  if (!p.candidate.max_loss.is_positive()) {
    d.problem = "max loss per unit " + format_money(p.candidate.max_loss) +
                " is not positive: the risk is undefined";
    d.problem_reason = ReasonCode::MaxLossExceeded;
    d.sentence = d.problem;
    return d;
  }
  d.risk_budget = ctx.equity.scaled_by(d.risk_pct / 100.0);
  d.quantity = units_within(d.risk_budget, p.candidate.max_loss, p.lot);
  for (const auto& cap : quantity_caps(p, strategy, policy, ctx.equity))
    if (cap.quantity < d.quantity) {
      d.quantity = cap.quantity;
      d.limit = cap.name;
    }
  d.sentence = sizing_sentence(d, ctx.equity);
  return d;
}

}  // namespace dorado::risk
