#include "dorado/engine/scan/scan_json.hpp"

#include <algorithm>

#include "dorado/engine/scoring/candidate_scoring.hpp"

namespace dorado::engine {
namespace {

using nlohmann::json;

json map_json(const std::map<std::string, double>& values) {
  json out = json::object();
  for (const auto& [k, v] : values) out[k] = v;
  return out;
}

template <typename T>
json optional_json(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json money_json(const Money& m) {
  return m.to_double();
}

json regime_json(const std::optional<PublishedRegime>& r) {
  if (!r) return nullptr;
  return {{"model", r->model},
          {"label", r->label},
          {"confidence", r->confidence},
          {"as_of", to_iso8601(r->as_of)}};
}

json option_figures_json(const strategy::OptionFigures& f) {
  return {{"expiration", to_iso_date(f.expiration)},
          {"dte", f.dte},
          {"spot", f.spot},
          {"width", f.width},
          {"credit_mid", f.credit_mid},
          {"credit_natural", f.credit_natural},
          {"credit_to_width", optional_json(f.credit_to_width)},
          {"max_loss", money_json(f.max_loss)},
          {"max_loss_natural", money_json(f.max_loss_natural)},
          {"breakevens", f.breakevens},
          {"probability_of_profit", f.probability_of_profit},
          {"multiplier", f.multiplier}};
}

json momentum_figures_json(const strategy::MomentumFigures& f) {
  return {{"direction", name_of(f.direction)},
          {"order_type", name_of(f.order_type)},
          {"close", f.close},
          {"atr", f.atr},
          {"entry", f.entry},
          {"stop", f.stop},
          {"target", optional_json(f.target)},
          {"trailing_activation", optional_json(f.trailing_activation)},
          {"trailing_distance", optional_json(f.trailing_distance)},
          {"time_exit", f.time_exit ? json(to_iso_date(*f.time_exit)) : json(nullptr)},
          {"reward_to_risk", optional_json(f.reward_to_risk)}};
}

json alternatives_json(const std::vector<strategy::StrikeAlternative>& alternatives) {
  json out = json::array();
  for (const auto& a : alternatives)
    out.push_back({{"role", a.role},
                   {"delta_strike", a.delta_strike},
                   {"delta_strike_delta", a.delta_strike_delta},
                   {"sr_strike", a.sr_strike},
                   {"sr_strike_delta", optional_json(a.sr_strike_delta)},
                   {"level", a.level},
                   {"sentence", a.sentence}});
  return out;
}

json sizing_json(const risk::TradeAssessment& a) {
  if (!a.sizing) return nullptr;
  const auto& s = *a.sizing;
  return {{"method", name_of(s.method)},
          {"risk_pct", s.risk_pct},
          {"factors", map_json(s.factors)},
          {"quantity", s.quantity.to_double()},
          {"limit", s.limit},
          {"sentence", s.sentence}};
}

json stop_json(const std::optional<ScanStop>& stop) {
  if (!stop) return nullptr;
  return {{"stage", stop->stage}, {"reason", name_of(stop->reason)}, {"sentence", stop->sentence}};
}

json underlying_json(const BotScan& b) {
  json gates = json::array();
  json not_evaluated = json::array();
  std::optional<std::string> regime;
  if (b.gates) {
    for (const auto& g : b.gates->gates) gates.push_back(gate_json(g));
    not_evaluated = b.gates->not_evaluated;
    regime = b.gates->regime;
  }
  return {{"symbol", b.symbol},
          {"bot_id", b.bot_id},
          {"strategy", b.strategy},
          {"asset_class", name_of(b.asset_class)},
          {"regime", optional_json(regime)},
          {"gates", gates},
          {"not_evaluated", not_evaluated},
          {"stopped", stop_json(b.stop)}};
}

json candidate_json(const risk::SelectionDecision& d, const BotScan* bot) {
  json c = {{"number", d.rank},
            {"bot_id", d.candidate.bot_id},
            {"symbol", d.candidate.underlying},
            {"strategy", d.candidate.strategy},
            {"outcome", name_of(d.outcome)},
            {"reason", name_of(d.reason)},
            {"score", d.candidate.score},
            {"components", map_json(d.candidate.score_components)},
            {"net_credit", money_json(d.candidate.net_credit)},
            {"max_loss", money_json(d.candidate.max_loss)},
            {"quantity", d.position ? json(d.position->quantity.to_double()) : json(nullptr)},
            {"position_max_loss", d.position ? money_json(d.position->max_loss) : json(nullptr)}};
  json failed = json::array();
  for (const auto& check : d.failed_checks) failed.push_back(gate_json(check));
  c["failed_checks"] = failed;
  if (bot && bot->resolved) {
    const auto& detail = bot->resolved->detail;
    c["legs"] = legs_json(detail);
    c["option"] = detail.option ? option_figures_json(*detail.option) : json(nullptr);
    c["momentum"] = detail.momentum ? momentum_figures_json(*detail.momentum) : json(nullptr);
    c["quality_marks"] = detail.quality_marks;
    c["strike_alternatives"] = alternatives_json(detail.strike_alternatives);
    const double confidence = risk_confidence(*bot);
    c["risk_confidence"] = confidence;
    c["risk_confidence_label"] = risk_confidence_label(confidence);
  }
  return c;
}

}  // namespace

double risk_confidence(const BotScan& bot) {
  double quality = 1.0;
  if (bot.resolved) {
    const auto& components = bot.resolved->candidate.score_components;
    if (const auto q = components.find("data_quality"); q != components.end()) quality = q->second;
  }
  const auto regime = bot.gates ? regime_confidence_of(*bot.gates) : std::nullopt;
  return std::min(quality, regime.value_or(0.5));
}

std::string_view risk_confidence_label(double confidence) {
  if (confidence >= 0.75) return "high";
  if (confidence >= 0.5) return "medium";
  return "low";
}

json gate_json(const GateResult& gate) {
  return {{"gate", gate.gate},
          {"passed", gate.passed},
          {"reason", gate.reason ? json(name_of(*gate.reason)) : json(nullptr)},
          {"measured", map_json(gate.measured)},
          {"sentence", gate.sentence}};
}

json gates_json(const BotScan& bot) {
  json out = json::array();
  if (bot.gates)
    for (const auto& g : bot.gates->gates) out.push_back(gate_json(g));
  if (bot.assessment)
    for (const auto& c : bot.assessment->checks) out.push_back(gate_json(c));
  return out;
}

json legs_json(const strategy::ResolutionDetail& detail) {
  json out = json::array();
  for (const auto& leg : detail.legs) {
    const auto& q = leg.contract.quote;
    const auto& model = leg.contract.model;
    out.push_back({{"role", leg.role},
                   {"side", name_of(leg.side)},
                   {"quantity", leg.quantity},
                   {"expiration", to_iso_date(q.expiration)},
                   {"strike", q.strike},
                   {"right", name_of(q.right)},
                   {"bid", q.bid},
                   {"ask", q.ask},
                   {"open_interest", q.open_interest},
                   {"venue_delta", optional_json(q.delta)},
                   {"delta", model ? json(model->delta) : json(nullptr)},
                   {"implied_vol", model ? json(model->implied_vol) : json(nullptr)},
                   {"spread_pct", optional_json(leg.contract.spread_pct)},
                   {"spread_quality", name_of(leg.contract.spread)},
                   {"stale_greeks", leg.contract.stale_greeks}});
  }
  return out;
}

json components_json(const BotScan& bot) {
  json out = json::object();
  if (!bot.resolved) return out;
  const auto& c = bot.resolved->candidate;
  const auto& d = bot.resolved->detail;
  out["score"] = c.score;
  out["score_components"] = map_json(c.score_components);
  out["net_credit"] = money_json(c.net_credit);
  out["max_loss"] = money_json(c.max_loss);
  out["currency"] = std::string(c.max_loss.currency().code());
  out["regime"] = optional_json(d.regime);
  out["option"] = d.option ? option_figures_json(*d.option) : json(nullptr);
  out["momentum"] = d.momentum ? momentum_figures_json(*d.momentum) : json(nullptr);
  out["quality_marks"] = d.quality_marks;
  out["strike_alternatives"] = alternatives_json(d.strike_alternatives);
  out["sizing"] = bot.assessment ? sizing_json(*bot.assessment) : json(nullptr);
  out["risk_confidence"] = risk_confidence(bot);
  return out;
}

json scan_json(const ScanResult& r, const ScanHeader& header) {
  json underlyings = json::array();
  for (const auto& b : r.bots) underlyings.push_back(underlying_json(b));
  json candidates = json::array();
  for (const auto& d : r.selection.decisions)
    candidates.push_back(candidate_json(d, r.bot_of_entry(d.input_index)));
  json skipped = json::array();
  for (const auto& s : r.skipped)
    skipped.push_back({{"symbol", s.symbol},
                       {"bot_id", optional_json(s.bot_id)},
                       {"reason", s.reason},
                       {"sentence", s.sentence}});
  json fx = json::object(), crypto = json::object();
  for (const auto& [symbol, reading] : header.regimes.fx) fx[symbol] = regime_json(reading);
  for (const auto& [symbol, reading] : header.regimes.crypto) crypto[symbol] = regime_json(reading);
  const auto& budget = r.selection.budget;
  return {
      {"scan_id", r.scan_id},
      {"as_of", to_iso_date(r.as_of)},
      {"at", to_iso8601(r.at)},
      {"config_hash", r.config_hash},
      {"market_data", header.market_data},
      {"regimes", {{"macro", regime_json(header.regimes.macro)}, {"fx", fx}, {"crypto", crypto}}},
      {"correlation_regime", regime_json(r.correlation_regime)},
      {"underlyings", underlyings},
      {"candidates", candidates},
      {"skipped", skipped},
      {"portfolio_budget",
       {{"trades_before_heat_limit", budget.trades_before_heat_limit},
        {"heat_headroom", money_json(budget.heat_headroom)},
        {"typical_max_loss", money_json(budget.typical_max_loss)},
        {"sentence", budget.sentence}}},
      {"halted_by", optional_json(r.selection.halted_by)}};
}

}  // namespace dorado::engine
