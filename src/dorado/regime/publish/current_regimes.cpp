#include "dorado/regime/publish/current_regimes.hpp"

namespace dorado::regime {

std::map<std::string, PublishedRegime> current_fx_regimes(
    const FxRegimeModel& model, const std::map<std::string, FxFeatureTable>& pairs,
    Timestamp as_of) {
  std::map<std::string, PublishedRegime> out;
  for (const auto& [pair, table] : pairs)
    if (const auto reading = model.latest(table))
      out[pair] = to_published(*reading, as_of, model.version());
  return out;
}

std::map<std::string, PublishedRegime> current_crypto_regimes(
    const CryptoTrendModel& model, const std::map<std::string, CryptoFeatureTable>& coins,
    Timestamp as_of) {
  std::map<std::string, PublishedRegime> out;
  for (const auto& [coin, table] : coins)
    if (const auto reading = model.latest(table))
      out[coin] = to_published(*reading, as_of, model.version);
  return out;
}

std::optional<PublishedRegime> current_correlation_regime(const UniverseReturns& universe,
                                                          const CorrelationRegimeConfig& config,
                                                          Timestamp as_of) {
  // The hysteresis needs the path, not just the last window.
  const auto readings = correlation_regimes(universe, config);
  if (readings.empty()) return std::nullopt;
  return to_published(readings.back(), as_of, config);
}

}  // namespace dorado::regime
