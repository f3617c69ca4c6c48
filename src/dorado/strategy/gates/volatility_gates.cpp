#include "dorado/strategy/gates/volatility_gates.hpp"

#include <functional>
#include <string>

#include "dorado/strategy/gates/gate_text.hpp"

namespace dorado::strategy {
namespace {

std::string range_text(double min, double max) {
  return "[" + number_text(min) + ", " + number_text(max) + "]";
}

GateResult missing(std::string gate, std::map<std::string, double> measured, std::string sentence) {
  return GateResult::fail(std::move(gate), ReasonCode::InsufficientHistory, std::move(measured),
                          std::move(sentence));
}

}  // namespace

GateResult iv_rank_gate(const TechnicalPicture& picture, double min_rank) {
  if (!picture.iv_rank)
    return missing("iv_rank", {{"iv_days", double(picture.iv_days)}, {"min_iv_rank", min_rank}},
                   "IV rank needs a year of ATM IV history, have " +
                       std::to_string(picture.iv_days) + " days");
  const double rank = *picture.iv_rank;
  std::map<std::string, double> measured{{"iv_rank", rank}, {"min_iv_rank", min_rank}};
  if (rank < min_rank)
    return GateResult::fail(
        "iv_rank", ReasonCode::IvRankTooLow, std::move(measured),
        "IV rank " + number_text(rank) + " < " + number_text(min_rank) + " min");
  return GateResult::pass("iv_rank", std::move(measured),
                          "IV rank " + number_text(rank) + " >= " + number_text(min_rank) + " min");
}

GateResult term_structure_gate(std::optional<double> vix, std::optional<double> vix3m,
                               double min_contango_ratio) {
  if (!vix || !vix3m || !(*vix > 0.0))
    return missing("term_structure", {{"min_contango_ratio", min_contango_ratio}},
                   std::string("term structure needs the day's ") +
                       (!vix || !(*vix > 0.0) ? "VIX" : "VIX3M") + " close");
  const double ratio = *vix3m / *vix;
  std::map<std::string, double> measured{{"contango_ratio", ratio},
                                         {"min_contango_ratio", min_contango_ratio},
                                         {"vix", *vix},
                                         {"vix3m", *vix3m}};
  const std::string figures =
      "VIX3M/VIX " + number_text(*vix3m) + "/" + number_text(*vix) + " = " + number_text(ratio);
  if (ratio < min_contango_ratio)
    return GateResult::fail("term_structure", ReasonCode::TermStructureBackwardation,
                            std::move(measured),
                            figures + " < " + number_text(min_contango_ratio) + " min");
  return GateResult::pass("term_structure", std::move(measured),
                          figures + " >= " + number_text(min_contango_ratio) + " min");
}

GateResult vix_gate(std::optional<double> vix, const config::NumberRange& range) {
  if (!vix)
    return missing("vix", {{"vix_min", range.min}, {"vix_max", range.max}},
                   "VIX range needs the day's VIX close");
  std::map<std::string, double> measured{
      {"vix", *vix}, {"vix_min", range.min}, {"vix_max", range.max}};
  const std::string allowed = range_text(range.min, range.max);
  if (!range.contains(*vix))
    return GateResult::fail("vix", ReasonCode::VixOutOfRange, std::move(measured),
                            "VIX " + number_text(*vix) + " outside " + allowed);
  return GateResult::pass("vix", std::move(measured),
                          "VIX " + number_text(*vix) + " within " + allowed);
}

GateResult vol_regime_gate(const TechnicalPicture& picture, const VolatilityBand& band) {
  std::map<std::string, double> measured{{"min_percentile", band.min_percentile},
                                         {"max_percentile", band.max_percentile}};
  if (!picture.realized_vol_percentile)
    return missing("vol_regime", std::move(measured),
                   "volatility regime needs a year of realized-vol readings, have " +
                       std::to_string(picture.bars) + " daily bars");
  const double percentile = *picture.realized_vol_percentile;
  measured["realized_vol_percentile"] = percentile;
  if (picture.realized_vol) measured["realized_vol_pct"] = *picture.realized_vol * 100.0;
  const std::string text = "realized-vol percentile " + number_text(percentile);
  const std::string allowed = range_text(band.min_percentile, band.max_percentile);
  if (percentile < band.min_percentile || percentile > band.max_percentile)
    return GateResult::fail("vol_regime", ReasonCode::VolPercentileOutOfBand, std::move(measured),
                            text + " outside " + allowed);
  return GateResult::pass("vol_regime", std::move(measured), text + " within " + allowed);
}

GateResult realized_vol_gate(const TechnicalPicture& picture,
                             const config::NumberRange& range_pct) {
  std::map<std::string, double> measured{{"min_realized_vol_pct", range_pct.min},
                                         {"max_realized_vol_pct", range_pct.max}};
  if (!picture.realized_vol)
    return missing("realized_vol", std::move(measured),
                   "realized vol needs more daily bars, have " + std::to_string(picture.bars));
  const double pct = *picture.realized_vol * 100.0;
  measured["realized_vol_pct"] = pct;
  const std::string text = "realized vol " + number_text(pct) + " %";
  const std::string allowed = range_text(range_pct.min, range_pct.max) + " %";
  if (!range_pct.contains(pct))
    return GateResult::fail("realized_vol", ReasonCode::RealizedVolOutOfRange, std::move(measured),
                            text + " outside " + allowed);
  return GateResult::pass("realized_vol", std::move(measured), text + " within " + allowed);
}

namespace {

// Which gates the stage runs for a template, in order, each with how to
// evaluate it: the one place that decides, so the names of the gates a
// failed regime stage leaves unevaluated are exactly the gates that would run.
struct PlannedGate {
  std::string name;
  std::function<GateResult()> evaluate;
};

std::vector<PlannedGate> plan(const config::StrategyTemplate& strategy,
                              const UnderlyingSnapshot& snapshot, const TechnicalPicture& picture,
                              const VolatilityBand& fx_band) {
  std::vector<PlannedGate> gates;
  if (const auto* options = strategy.options()) {
    const auto& v = options->entry.volatility;
    if (v.iv_rank_min)
      gates.push_back(
          {"iv_rank", [&, min = *v.iv_rank_min] { return iv_rank_gate(picture, min); }});
    if (v.term_structure_contango_min)
      gates.push_back({"term_structure", [&, min = *v.term_structure_contango_min] {
                         return term_structure_gate(snapshot.vix, snapshot.vix3m, min);
                       }});
    if (v.vix_range)
      gates.push_back({"vix", [&, range = *v.vix_range] { return vix_gate(snapshot.vix, range); }});
  } else if (const auto* momentum = strategy.momentum()) {
    if (strategy.underlying_class == AssetClass::Fx)
      gates.push_back({"vol_regime", [&] { return vol_regime_gate(picture, fx_band); }});
    if (const auto& range = momentum->filters.realized_vol_range_pct)
      gates.push_back({"realized_vol", [&, r = *range] { return realized_vol_gate(picture, r); }});
  }
  return gates;
}

}  // namespace

std::vector<std::string> volatility_gate_names(const config::StrategyTemplate& strategy) {
  const UnderlyingSnapshot no_snapshot;  // naming evaluates nothing
  const TechnicalPicture no_picture;
  std::vector<std::string> names;
  for (auto& g : plan(strategy, no_snapshot, no_picture, {})) names.push_back(std::move(g.name));
  return names;
}

std::vector<GateResult> volatility_gates(const config::StrategyTemplate& strategy,
                                         const UnderlyingSnapshot& snapshot,
                                         const TechnicalPicture& picture,
                                         const VolatilityBand& fx_band) {
  std::vector<GateResult> out;
  for (const auto& g : plan(strategy, snapshot, picture, fx_band)) out.push_back(g.evaluate());
  return out;
}

}  // namespace dorado::strategy
