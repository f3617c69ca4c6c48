#include "dorado/strategy/resolve/option_resolver.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "dorado/domain/instrument.hpp"
#include "dorado/strategy/chain/expiration_check.hpp"
#include "dorado/strategy/chain/expiration_choice.hpp"
#include "dorado/strategy/resolve/resolution_text.hpp"

namespace dorado::strategy {
namespace {

using config::Structure;

constexpr std::int64_t kSharesPerContract = 100;

Resolution reject(ReasonCode reason, std::string sentence,
                  std::map<std::string, double> measured = {}) {
  return Resolution::rejected({reason, std::move(sentence), std::move(measured)});
}

// The roles to open, in the order the candidate lists them.
std::vector<std::string> roles_to_open(Structure s, std::optional<WheelPhase> phase) {
  switch (s) {
    case Structure::IronCondor:
      return {"short_put", "long_put", "short_call", "long_call"};
    case Structure::PutVertical:
      return {"short_put", "long_put"};
    case Structure::ShortPut:
      return {"short_put"};
    case Structure::CoveredCall:
      return {"short_call"};
    case Structure::Wheel:
      return {phase == WheelPhase::SellCall ? "short_call" : "short_put"};
    case Structure::Momentum:
      break;
  }
  return {};
}

bool is_put(const std::string& role) {
  return role.ends_with("_put");
}

// Everything one options resolution works with.
struct Work {
  const config::StrategyTemplate& strategy;
  const config::OptionRules& rules;
  const UnderlyingSnapshot& snapshot;
  const ResolveRequest& request;
  ResolutionDetail detail;
  ValidatedExpiration expiration;
};

using StrikeFilter = std::function<bool(double strike)>;

const PricedContract* nearest_delta(const ValidatedExpiration& v, double target, OptionRight right,
                                    const StrikeFilter& allowed) {
  const PricedContract* best = nullptr;
  double best_distance = 0.0;
  for (const auto& c : v.contracts) {
    if (c.quote.right != right || !c.tradeable() || !allowed(c.quote.strike)) continue;
    const double distance = std::abs(c.model->delta - target);
    if (!best || distance < best_distance - 1e-12 ||
        (std::abs(distance - best_distance) <= 1e-12 && c.quote.strike < best->quote.strike)) {
      best = &c;
      best_distance = distance;
    }
  }
  return best;
}

// The wing: the listed strike `width` beyond the short one, or the listed
// strike nearest to it on the far side when that exact strike is missing
// (within half the width; further is a different structure).
const PricedContract* wing_at(const ValidatedExpiration& v, const PricedContract& short_leg,
                              double width) {
  const OptionRight right = short_leg.quote.right;
  const double sign = right == OptionRight::Put ? -1.0 : 1.0;
  const double target = short_leg.quote.strike + sign * width;
  const PricedContract* best = nullptr;
  for (const auto& c : v.contracts) {
    if (c.quote.right != right || !c.tradeable()) continue;
    if (sign * (c.quote.strike - short_leg.quote.strike) <= 0.0) continue;  // not beyond
    const double miss = std::abs(c.quote.strike - target);
    if (miss > width / 2.0 + 1e-9) continue;
    if (!best || miss < std::abs(best->quote.strike - target) - 1e-9) best = &c;
  }
  return best;
}

std::optional<Resolution> choose_short(Work& w, const std::string& role,
                                       const StrikeFilter& allowed) {
  const config::LegRule* rule = w.rules.leg(role);
  const double target = *rule->delta;
  const OptionRight right = is_put(role) ? OptionRight::Put : OptionRight::Call;
  const PricedContract* c = nearest_delta(w.expiration, target, right, allowed);
  const double limit = w.request.limits.max_delta_miss;
  if (!c || std::abs(c->model->delta - target) > limit) {
    std::map<std::string, double> m{{"target_delta", target}, {"max_delta_miss", limit}};
    std::string nearest = "no tradeable contract";
    if (c) {
      m["nearest_delta"] = c->model->delta;
      m["nearest_strike"] = c->quote.strike;
      nearest = "the nearest is " + number_text(c->quote.strike) + " at delta " +
                number_text(c->model->delta, 3);
    }
    return reject(ReasonCode::NoStrikeAtTargetDelta,
                  role + ": no strike within " + number_text(limit) + " of delta " +
                      number_text(target) + " on " + to_iso_date(w.expiration.expiration) + " (" +
                      nearest + ")",
                  std::move(m));
  }
  w.detail.legs.push_back({role, Side::Sell, rule->quantity, *c, target, std::nullopt});
  return std::nullopt;
}

std::optional<Resolution> choose_long(Work& w, const std::string& role) {
  const config::LegRule* rule = w.rules.leg(role);
  const OptionRight right = is_put(role) ? OptionRight::Put : OptionRight::Call;
  const ResolvedLeg* short_leg = w.detail.leg(is_put(role) ? "short_put" : "short_call");
  const PricedContract* c = nullptr;
  if (rule->width && short_leg) {
    c = wing_at(w.expiration, short_leg->contract, *rule->width);
    if (!c)
      return reject(ReasonCode::NoStrikeAtWidth,
                    role + ": no tradeable strike " + number_text(*rule->width) +
                        " points beyond " + number_text(short_leg->strike()) + " on " +
                        to_iso_date(w.expiration.expiration),
                    {{"short_strike", short_leg->strike()}, {"width", *rule->width}});
  } else if (rule->delta) {
    c = nearest_delta(w.expiration, *rule->delta, right, [](double) { return true; });
    if (!c)
      return reject(ReasonCode::NoStrikeAtTargetDelta,
                    role + ": no tradeable contract near delta " + number_text(*rule->delta),
                    {{"target_delta", *rule->delta}});
  }
  if (!c) return reject(ReasonCode::InternalError, role + ": the template gives no way to pick it");
  w.detail.legs.push_back({role, Side::Buy, rule->quantity, *c, rule->delta, rule->width});
  return std::nullopt;
}

std::optional<Resolution> check_spreads(Work& w) {
  for (const auto& leg : w.detail.legs) {
    const PricedContract& c = leg.contract;
    const double pct = c.spread_pct.value_or(0.0) * 100.0;
    if (w.rules.entry.max_spread_pct && pct > *w.rules.entry.max_spread_pct)
      return reject(ReasonCode::SpreadTooWide,
                    leg.role + " " + number_text(c.quote.strike) + ": bid-ask spread " +
                        number_text(pct, 1) + " % of mid > " +
                        number_text(*w.rules.entry.max_spread_pct, 1) + " % max",
                    {{"spread_pct", pct}, {"max_spread_pct", *w.rules.entry.max_spread_pct}});
    if (c.spread == SpreadQuality::Wide)
      w.detail.quality_marks.push_back(leg.role + ": spread " + number_text(pct, 1) + " %");
    if (c.stale_greeks)
      w.detail.quality_marks.push_back(leg.role + ": stale venue greeks (venue delta " +
                                       number_text(*c.quote.delta, 3) + ", from the quote " +
                                       number_text(c.model->delta, 3) + ")");
  }
  return std::nullopt;
}

// The S/R-derived short strike: the nearest tradeable strike at least
// sr_buffer_atr x ATR beyond the nearest support (puts) or resistance (calls).
void cross_check_support_resistance(Work& w, const ResolvedLeg& leg) {
  const auto& technical = w.rules.entry.technical;
  const auto& pipe = w.detail.pipeline;
  if (!technical.sr_buffer_atr || !pipe.atr) return;
  const bool put = leg.contract.quote.right == OptionRight::Put;
  const auto level = put ? pipe.support_below(pipe.spot) : pipe.resistance_above(pipe.spot);
  if (!level) return;
  const double buffer = *technical.sr_buffer_atr * *pipe.atr;
  const double limit = put ? level->price - buffer : level->price + buffer;
  const bool agrees = put ? leg.strike() <= limit : leg.strike() >= limit;
  if (agrees) return;
  const PricedContract* sr = nullptr;
  for (const auto& c : w.expiration.contracts) {
    if (c.quote.right != leg.contract.quote.right || !c.tradeable()) continue;
    const bool beyond = put ? c.quote.strike <= limit : c.quote.strike >= limit;
    if (!beyond) continue;
    const bool nearer =
        !sr || (put ? c.quote.strike > sr->quote.strike : c.quote.strike < sr->quote.strike);
    if (nearer) sr = &c;
  }
  if (!sr) return;
  StrikeAlternative alt;
  alt.role = leg.role;
  alt.delta_strike = leg.strike();
  alt.delta_strike_delta = leg.delta();
  alt.sr_strike = sr->quote.strike;
  alt.sr_strike_delta = sr->model->delta;
  alt.level = level->price;
  alt.buffer = buffer;
  alt.sentence =
      leg.role + ": delta " + number_text(*leg.target_delta) + " gives " +
      number_text(alt.delta_strike) + " (delta " + number_text(alt.delta_strike_delta, 3) +
      "), inside " + (put ? "support " : "resistance ") + number_text(level->price) +
      (put ? " - " : " + ") + number_text(buffer) + " (" + number_text(*technical.sr_buffer_atr) +
      " ATR); the S/R strike is " + number_text(alt.sr_strike) + " (delta " +
      number_text(*alt.sr_strike_delta, 3) + ")";
  w.detail.strike_alternatives.push_back(std::move(alt));
}

double signed_quantity(const ResolvedLeg& leg) {
  return leg.side == Side::Sell ? leg.quantity : -leg.quantity;
}

std::optional<double> width_between(const Work& w, const char* short_role, const char* long_role) {
  const ResolvedLeg* s = w.detail.leg(short_role);
  const ResolvedLeg* l = w.detail.leg(long_role);
  if (!s || !l) return std::nullopt;
  return std::abs(s->strike() - l->strike());
}

std::optional<Resolution> compute_figures(Work& w) {
  OptionFigures f;
  f.expiration = w.expiration.expiration;
  f.dte = w.expiration.dte;
  f.spot = w.expiration.spot;
  for (const auto& leg : w.detail.legs) {
    const auto& q = leg.contract.quote;
    f.credit_mid += signed_quantity(leg) * q.mid();
    f.credit_natural += leg.side == Side::Sell ? leg.quantity * q.bid : -leg.quantity * q.ask;
  }
  f.put_width = width_between(w, "short_put", "long_put");
  f.call_width = width_between(w, "short_call", "long_call");
  f.width = std::max(f.put_width.value_or(0.0), f.call_width.value_or(0.0));
  if (f.width > 0.0) f.credit_to_width = f.credit_mid / f.width;

  const ResolvedLeg* sp = w.detail.leg("short_put");
  const ResolvedLeg* sc = w.detail.leg("short_call");
  const double units = static_cast<double>((sp ? sp : sc)->quantity);
  // Per share and unit: what is lost when the underlying ends at the worst place.
  auto loss_at = [&](double credit) {
    if (f.width > 0.0) return f.width * units - credit;
    if (sp) return sp->strike() * units - credit;
    return f.cost_basis.value_or(f.spot) * units - credit;
  };
  if (sc && !sp) f.cost_basis = w.request.holding.cost_basis.value_or(f.spot);
  f.max_loss = Money::from_double(loss_at(f.credit_mid) * static_cast<double>(f.multiplier), kUsd);
  f.max_loss_natural =
      Money::from_double(loss_at(f.credit_natural) * static_cast<double>(f.multiplier), kUsd);

  const double per_unit_credit = f.credit_mid / units;
  if (sp) f.breakevens.push_back(sp->strike() - per_unit_credit);
  if (sc)
    f.breakevens.push_back((sp ? sc->strike() : *f.cost_basis) +
                           (sp ? 1.0 : -1.0) * per_unit_credit);
  std::sort(f.breakevens.begin(), f.breakevens.end());
  double pop = 1.0;
  if (sp) pop -= std::abs(sp->delta());
  if (sc) pop -= std::abs(sc->delta());
  f.probability_of_profit = std::clamp(pop, 0.0, 1.0);
  w.detail.option = f;

  if (!(f.credit_mid > 0.0))
    return reject(ReasonCode::CreditTooSmall,
                  "the structure pays no credit at mid (" + number_text(f.credit_mid) + ")",
                  {{"credit_mid", f.credit_mid}});
  const auto& min_ctw = w.rules.entry.min_credit_to_width;
  // Credits are sums of cent quotes: 0.40 on a 2-point width is 20 %, not 19.99...
  if (min_ctw && f.credit_to_width && *f.credit_to_width < *min_ctw - 1e-9)
    return reject(ReasonCode::CreditTooSmall,
                  "credit " + number_text(f.credit_mid) + " is " +
                      number_text(*f.credit_to_width * 100.0, 1) + " % of the " +
                      number_text(f.width) + "-point width < " + number_text(*min_ctw * 100.0, 1) +
                      " % min",
                  {{"credit_mid", f.credit_mid},
                   {"width", f.width},
                   {"credit_to_width", *f.credit_to_width},
                   {"min_credit_to_width", *min_ctw}});
  return std::nullopt;
}

Candidate build_candidate(const Work& w) {
  const OptionFigures& f = *w.detail.option;
  std::vector<Leg> legs;
  for (const auto& leg : w.detail.legs)
    legs.push_back({us_equity_option(leg.contract.quote.id()), leg.side, leg.quantity});
  return Candidate{
      .bot_id = w.request.bot_id,
      .underlying = w.snapshot.symbol,
      .strategy = w.strategy.name,
      .legs = std::move(legs),
      .net_credit = Money::from_double(f.credit_mid * static_cast<double>(f.multiplier), kUsd),
      .max_loss = f.max_loss,
      .score = 0.0,
      .score_components = {},
      .gate_results = {},
      .rejection = std::nullopt,
      .config_hash = w.request.config_hash,
      .as_of = w.snapshot.at,
  };
}

StrikeFilter call_floor(const Work& w) {
  if (w.rules.call_strike_floor != config::CallStrikeFloor::CostBasis ||
      !w.request.holding.cost_basis)
    return [](double) { return true; };
  const double basis = *w.request.holding.cost_basis;
  return [basis](double strike) { return strike >= basis - 1e-9; };
}

Resolution no_expiration(const std::string& symbol, const config::ExpirationRule& rule) {
  return reject(ReasonCode::NoExpirationInRange,
                symbol + ": no expiration between " + number_text(rule.dte_range.min) + " and " +
                    number_text(rule.dte_range.max) + " DTE",
                {{"dte_min", rule.dte_range.min}, {"dte_max", rule.dte_range.max}});
}

// A covered call sells against shares already held: 100 per contract.
std::optional<Resolution> check_cover(const Work& w) {
  if (w.strategy.structure != Structure::CoveredCall) return std::nullopt;
  const std::int64_t needed = kSharesPerContract * w.rules.leg("short_call")->quantity;
  const std::int64_t held = w.request.holding.shares;
  if (held >= needed) return std::nullopt;
  return reject(
      ReasonCode::NoSharesToCover,
      w.snapshot.symbol + ": a covered call needs " + std::to_string(needed) +
          " shares; the bot holds " + std::to_string(held),
      {{"shares_needed", static_cast<double>(needed)}, {"shares_held", static_cast<double>(held)}});
}

// Calls may be floored at the cost basis (covered_call.strike_floor); puts are free.
StrikeFilter strike_filter(const Work& w, const std::string& role) {
  if (is_put(role)) return [](double) { return true; };
  return call_floor(w);
}

}  // namespace

std::optional<WheelPhase> wheel_phase_for(const config::StrategyTemplate& strategy,
                                          const Holding& holding) {
  if (strategy.structure != Structure::Wheel || !strategy.options()) return std::nullopt;
  const config::LegRule* call = strategy.options()->leg("short_call");
  const std::int64_t needed = kSharesPerContract * (call ? call->quantity : 1);
  return holding.shares >= needed ? WheelPhase::SellCall : WheelPhase::SellPut;
}

Resolution resolve_options(const config::StrategyTemplate& strategy,
                           const UnderlyingSnapshot& snapshot, ResolutionDetail detail,
                           const ResolveRequest& request) {
  const config::OptionRules& rules = *strategy.options();
  if (!snapshot.chain || snapshot.chain->empty())
    return reject(ReasonCode::ChainUnavailable, snapshot.symbol + ": no option chain");
  const OptionChain& chain = *snapshot.chain;
  const auto expiration = choose_expiration(chain, rules.expiration);
  if (!expiration) return no_expiration(snapshot.symbol, rules.expiration);

  Work w{
      strategy,          rules,
      snapshot,          request,
      std::move(detail), validate_expiration(chain, *expiration, request.pricing, request.limits)};
  if (const auto& d = w.expiration.defect) return reject(d->reason, d->sentence, d->measured);
  if (auto failed = check_cover(w)) return *failed;

  w.detail.wheel_phase = wheel_phase_for(strategy, request.holding);
  for (const auto& role : roles_to_open(strategy.structure, w.detail.wheel_phase)) {
    const auto failed = role.starts_with("short_") ? choose_short(w, role, strike_filter(w, role))
                                                   : choose_long(w, role);
    if (failed) return *failed;
  }
  if (auto failed = check_spreads(w)) return *failed;
  for (const auto& leg : w.detail.legs)
    if (leg.side == Side::Sell) cross_check_support_resistance(w, leg);
  if (auto failed = compute_figures(w)) return *failed;
  Candidate candidate = build_candidate(w);
  return Resolution::resolved({std::move(candidate), std::move(w.detail)});
}

}  // namespace dorado::strategy
