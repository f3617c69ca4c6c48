#include "dorado/strategy/gates/technical_gates.hpp"

#include <cmath>
#include <cstdlib>
#include <functional>

#include "dorado/quant/ta/atr_channel.hpp"
#include "dorado/strategy/gates/gate_text.hpp"

namespace dorado::strategy {
namespace {

GateResult missing(std::string gate, std::map<std::string, double> measured, std::string sentence) {
  return GateResult::fail(std::move(gate), ReasonCode::InsufficientHistory, std::move(measured),
                          std::move(sentence));
}

std::string bars_text(const TechnicalPicture& picture) {
  return "have " + std::to_string(picture.bars) + " daily bars";
}

// The expiration in the chain nearest `target` DTE; the earlier one on a tie.
Date nearest_expiration(const OptionChain& chain, double target) {
  const Date today = chain.as_of_date();
  const auto dte = [&](Date e) {
    return double((std::chrono::sys_days{e} - std::chrono::sys_days{today}).count());
  };
  const std::vector<Date> expirations = chain.expirations();  // ascending
  Date best = expirations.front();
  for (const Date e : expirations)
    if (std::abs(dte(e) - target) < std::abs(dte(best) - target)) best = e;
  return best;
}

std::string level_kind(const quant::ta::PriceLevel& level) {
  return level.kind == quant::ta::LevelKind::Support ? "support" : "resistance";
}

}  // namespace

GateResult adx_max_gate(const TechnicalPicture& picture, double adx_max) {
  if (!picture.adx)
    return missing("adx", {{"adx_max", adx_max}}, "ADX needs more history, " + bars_text(picture));
  const double adx = *picture.adx;
  std::map<std::string, double> measured{{"adx", adx}, {"adx_max", adx_max}};
  if (adx > adx_max)
    return GateResult::fail("adx", ReasonCode::AdxTrending, std::move(measured),
                            "ADX " + number_text(adx) + " > " + number_text(adx_max) + " max");
  return GateResult::pass("adx", std::move(measured),
                          "ADX " + number_text(adx) + " <= " + number_text(adx_max) + " max");
}

GateResult adx_min_gate(const TechnicalPicture& picture, double adx_min) {
  if (!picture.adx)
    return missing("adx", {{"adx_min", adx_min}}, "ADX needs more history, " + bars_text(picture));
  const double adx = *picture.adx;
  std::map<std::string, double> measured{{"adx", adx}, {"adx_min", adx_min}};
  if (adx < adx_min)
    return GateResult::fail("adx", ReasonCode::TrendTooWeak, std::move(measured),
                            "ADX " + number_text(adx) + " < " + number_text(adx_min) + " min");
  return GateResult::pass("adx", std::move(measured),
                          "ADX " + number_text(adx) + " >= " + number_text(adx_min) + " min");
}

GateResult atr_channel_gate(std::span<const Bar> daily_bars, const config::AtrChannel& channel) {
  const quant::ta::AtrChannelOptions options{
      .ma_period = static_cast<std::size_t>(channel.ma_period),
      .atr_period = static_cast<std::size_t>(channel.atr_period),
      .width_atr = channel.width_atr,
      .lookback = static_cast<std::size_t>(channel.lookback_days)};
  const auto readings = quant::ta::atr_channel(daily_bars, options);
  const std::string shape = "SMA" + std::to_string(channel.ma_period) + " +/- " +
                            number_text(channel.width_atr) + " ATR" +
                            std::to_string(channel.atr_period);
  std::map<std::string, double> measured{{"lookback_days", double(channel.lookback_days)},
                                         {"width_atr", channel.width_atr}};
  if (readings.empty() || !readings.back().ready)
    return missing("atr_channel", std::move(measured),
                   "ATR channel needs more history, have " + std::to_string(daily_bars.size()) +
                       " daily bars");
  const auto& now = readings.back();
  measured["closes_outside"] = double(now.closes_outside);
  measured["close"] = daily_bars.back().close;
  measured["lower"] = now.lower;
  measured["upper"] = now.upper;
  const std::string band =
      " (today " + number_text(now.lower) + " - " + number_text(now.upper) + ")";
  if (!now.in_range)
    return GateResult::fail("atr_channel", ReasonCode::AtrChannelBreakout, std::move(measured),
                            std::to_string(now.closes_outside) + " of the last " +
                                std::to_string(channel.lookback_days) + " closes outside " + shape +
                                band);
  return GateResult::pass(
      "atr_channel", std::move(measured),
      "all " + std::to_string(channel.lookback_days) + " closes inside " + shape + band);
}

GateResult hurst_max_gate(const TechnicalPicture& picture, double hurst_max) {
  if (!picture.hurst)
    return missing("hurst", {{"hurst_max", hurst_max}},
                   "Hurst needs more history, " + bars_text(picture));
  const double h = *picture.hurst;
  std::map<std::string, double> measured{{"hurst", h}, {"hurst_max", hurst_max}};
  if (h > hurst_max)
    return GateResult::fail("hurst", ReasonCode::HurstTrending, std::move(measured),
                            "Hurst " + number_text(h) + " > " + number_text(hurst_max) + " max");
  return GateResult::pass("hurst", std::move(measured),
                          "Hurst " + number_text(h) + " <= " + number_text(hurst_max) + " max");
}

GateResult hurst_min_gate(const TechnicalPicture& picture, double hurst_min) {
  if (!picture.hurst)
    return missing("hurst", {{"hurst_min", hurst_min}},
                   "Hurst needs more history, " + bars_text(picture));
  const double h = *picture.hurst;
  std::map<std::string, double> measured{{"hurst", h}, {"hurst_min", hurst_min}};
  if (h < hurst_min)
    return GateResult::fail("hurst", ReasonCode::HurstNotPersistent, std::move(measured),
                            "Hurst " + number_text(h) + " < " + number_text(hurst_min) + " min");
  return GateResult::pass("hurst", std::move(measured),
                          "Hurst " + number_text(h) + " >= " + number_text(hurst_min) + " min");
}

GateResult support_resistance_gate(std::span<const ShortStrike> short_strikes,
                                   const TechnicalPicture& picture, double buffer_atr) {
  std::map<std::string, double> measured{{"buffer_atr", buffer_atr}};
  if (!picture.atr)
    return missing("support_resistance", std::move(measured),
                   "S/R distances need ATR, " + bars_text(picture));
  const double atr = *picture.atr;
  measured["atr"] = atr;
  if (picture.levels.empty())
    return GateResult::pass("support_resistance", std::move(measured),
                            "no support/resistance levels in the lookback");
  std::string too_close;
  std::string clear;
  for (const ShortStrike& s : short_strikes) {
    const auto level = *picture.nearest_level(s.strike);
    const double distance = std::abs(s.strike - level.price) / atr;
    measured[s.role + "_strike"] = s.strike;
    measured[s.role + "_level"] = level.price;
    measured[s.role + "_distance_atr"] = distance;
    const std::string text = s.role + " " + number_text(s.strike) + " is " + number_text(distance) +
                             " ATR from " + level_kind(level) + " " + number_text(level.price);
    std::string& list = distance < buffer_atr ? too_close : clear;
    list += (list.empty() ? "" : "; ") + text;
  }
  if (!too_close.empty())
    return GateResult::fail("support_resistance", ReasonCode::NearSupportResistance,
                            std::move(measured),
                            too_close + " (< " + number_text(buffer_atr) + " ATR buffer)");
  return GateResult::pass("support_resistance", std::move(measured),
                          (clear.empty() ? std::string("no short strikes") : clear) +
                              " (>= " + number_text(buffer_atr) + " ATR buffer)");
}

ExpectedShortStrikes expected_short_strikes(const std::optional<OptionChain>& chain,
                                            const config::OptionRules& rules) {
  const auto fail = [](ReasonCode reason, std::map<std::string, double> measured,
                       std::string sentence) {
    return ExpectedShortStrikes{
        {},
        GateResult::fail("support_resistance", reason, std::move(measured), std::move(sentence))};
  };
  if (!chain || chain->empty())
    return fail(ReasonCode::ChainUnavailable, {}, "no option chain to find the short strikes");
  const auto& range = rules.expiration.dte_range;
  const OptionChain in_range = chain->filter_by_dte(static_cast<int>(std::ceil(range.min)),
                                                    static_cast<int>(std::floor(range.max)));
  if (in_range.empty())
    return fail(
        ReasonCode::NoExpirationInRange, {{"dte_min", range.min}, {"dte_max", range.max}},
        "no expiration within " + number_text(range.min) + "-" + number_text(range.max) + " DTE");
  const double target = rules.expiration.prefer_dte ? double(*rules.expiration.prefer_dte)
                                                    : (range.min + range.max) / 2;
  const OptionChain expiry = in_range.filter_by_expiration(nearest_expiration(in_range, target));
  ExpectedShortStrikes out;
  for (const auto& leg : rules.legs) {
    if (leg.side != config::LegSide::Short || !leg.delta) continue;
    const auto contract = expiry.nearest_delta(*leg.delta, leg.right);
    if (!contract)
      return fail(ReasonCode::NoStrikeAtTargetDelta, {{leg.role + "_target_delta", *leg.delta}},
                  "no " + leg.role + " with a delta in the chosen expiration");
    out.strikes.push_back({leg.role, contract->strike});
  }
  return out;
}

namespace {

// Which gates the stage runs for a template, in order (see volatility_gates.cpp).
struct PlannedGate {
  std::string name;
  std::function<GateResult()> evaluate;
};

std::vector<PlannedGate> plan(const config::StrategyTemplate& strategy,
                              const UnderlyingSnapshot& snapshot, const TechnicalPicture& picture) {
  std::vector<PlannedGate> gates;
  if (const auto* options = strategy.options()) {
    const auto& t = options->entry.technical;
    if (t.adx_max)
      gates.push_back({"adx", [&, max = *t.adx_max] { return adx_max_gate(picture, max); }});
    if (t.atr_channel)
      gates.push_back({"atr_channel", [&, channel = *t.atr_channel] {
                         return atr_channel_gate(snapshot.daily_bars, channel);
                       }});
    if (t.hurst_max)
      gates.push_back({"hurst", [&, max = *t.hurst_max] { return hurst_max_gate(picture, max); }});
    if (t.sr_buffer_atr)  // last: the only gate that walks the chain
      gates.push_back({"support_resistance", [&, options, buffer = *t.sr_buffer_atr] {
                         auto expected = expected_short_strikes(snapshot.chain, *options);
                         return expected.failure
                                    ? std::move(*expected.failure)
                                    : support_resistance_gate(expected.strikes, picture, buffer);
                       }});
  } else if (const auto* momentum = strategy.momentum()) {
    if (const auto& min = momentum->signal.adx_min)
      gates.push_back({"adx", [&, m = *min] { return adx_min_gate(picture, m); }});
    if (const auto& min = momentum->signal.hurst_entry_min)
      gates.push_back({"hurst", [&, m = *min] { return hurst_min_gate(picture, m); }});
  }
  return gates;
}

}  // namespace

std::vector<std::string> technical_gate_names(const config::StrategyTemplate& strategy) {
  const UnderlyingSnapshot no_snapshot;  // naming evaluates nothing
  const TechnicalPicture no_picture;
  std::vector<std::string> names;
  for (auto& g : plan(strategy, no_snapshot, no_picture)) names.push_back(std::move(g.name));
  return names;
}

std::vector<GateResult> technical_gates(const config::StrategyTemplate& strategy,
                                        const UnderlyingSnapshot& snapshot,
                                        const TechnicalPicture& picture) {
  std::vector<GateResult> out;
  for (const auto& g : plan(strategy, snapshot, picture)) out.push_back(g.evaluate());
  return out;
}

}  // namespace dorado::strategy
