#include "dorado/strategy/gates/regime_gate.hpp"

#include <map>

#include "dorado/strategy/gates/gate_text.hpp"

namespace dorado::strategy {
namespace {

const PublishedRegime* reading_for(AssetClass asset_class, const std::string& symbol,
                                   const RegimeView& regimes) {
  const auto in = [&](const std::map<std::string, PublishedRegime>& readings) {
    const auto it = readings.find(symbol);
    return it == readings.end() ? nullptr : &it->second;
  };
  switch (asset_class) {
    case AssetClass::EquityOptions:
      return regimes.macro ? &*regimes.macro : nullptr;
    case AssetClass::Fx:
      return in(regimes.fx);
    case AssetClass::Crypto:
      return in(regimes.crypto);
  }
  return nullptr;
}

std::chrono::hours max_age_of(AssetClass asset_class, const RegimeFreshness& freshness) {
  switch (asset_class) {
    case AssetClass::EquityOptions:
      return freshness.macro_max_age;
    case AssetClass::Fx:
      return freshness.fx_max_age;
    case AssetClass::Crypto:
      return freshness.crypto_max_age;
  }
  return freshness.macro_max_age;
}

double age_hours(const PublishedRegime& reading, Timestamp at) {
  return std::chrono::duration<double, std::ratio<3600>>(at - reading.as_of).count();
}

bool is_fresh(const PublishedRegime& reading, Timestamp at, std::chrono::hours max_age) {
  // A reading from the future (clock skew between publisher and scan) is not trusted either.
  return reading.as_of <= at && at - reading.as_of <= max_age;
}

std::string model_of(AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::EquityOptions:
      return "macro";
    case AssetClass::Fx:
      return "FX";
    case AssetClass::Crypto:
      return "crypto";
  }
  return "macro";
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::optional<PublishedRegime> fresh_regime(AssetClass asset_class, const std::string& symbol,
                                            const RegimeView& regimes, Timestamp at,
                                            const RegimeFreshness& freshness) {
  const PublishedRegime* reading = reading_for(asset_class, symbol, regimes);
  if (reading == nullptr || !is_fresh(*reading, at, max_age_of(asset_class, freshness)))
    return std::nullopt;
  return *reading;
}

RegimeView fresh_regimes(const RegimeView& regimes, Timestamp at,
                         const RegimeFreshness& freshness) {
  RegimeView out;
  if (regimes.macro && is_fresh(*regimes.macro, at, freshness.macro_max_age))
    out.macro = regimes.macro;
  // The correlation regime is published with the macro one and ages alike.
  if (regimes.correlation && is_fresh(*regimes.correlation, at, freshness.macro_max_age))
    out.correlation = regimes.correlation;
  for (const auto& [symbol, reading] : regimes.fx)
    if (is_fresh(reading, at, freshness.fx_max_age)) out.fx.emplace(symbol, reading);
  for (const auto& [symbol, reading] : regimes.crypto)
    if (is_fresh(reading, at, freshness.crypto_max_age)) out.crypto.emplace(symbol, reading);
  return out;
}

RegimeGateOutcome regime_gate(const config::StrategyTemplate& strategy, const std::string& symbol,
                              const RegimeView& regimes, Timestamp at,
                              const RegimeFreshness& freshness) {
  const AssetClass asset_class = strategy.underlying_class;
  const std::string model = model_of(asset_class);
  const PublishedRegime* reading = reading_for(asset_class, symbol, regimes);
  if (reading == nullptr)
    return {GateResult::pass("regime", {{"allow_all", 1.0}},
                             "no " + model + " regime published: allow-all"),
            std::nullopt};

  const std::chrono::hours max_age = max_age_of(asset_class, freshness);
  std::map<std::string, double> measured{{"age_hours", age_hours(*reading, at)},
                                         {"confidence", reading->confidence},
                                         {"max_age_hours", double(max_age.count())}};
  if (!is_fresh(*reading, at, max_age)) {
    measured["allow_all"] = 1.0;
    return {GateResult::pass("regime", std::move(measured),
                             model + " regime " + reading->label + " is stale (" +
                                 number_text(age_hours(*reading, at)) + " h old, max " +
                                 number_text(double(max_age.count())) + " h): allow-all"),
            std::nullopt};
  }
  const std::string confidence = " (confidence " + number_text(reading->confidence) + ")";
  if (!strategy.allows(reading->label))
    return {GateResult::fail("regime", ReasonCode::RegimeNotAllowed, std::move(measured),
                             model + " regime " + reading->label + confidence + " not in [" +
                                 joined(strategy.regimes_allowed) + "]"),
            std::nullopt};
  return {GateResult::pass("regime", std::move(measured),
                           model + " regime " + reading->label + confidence + " allowed"),
          reading->label};
}

}  // namespace dorado::strategy
