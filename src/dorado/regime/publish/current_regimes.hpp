#pragma once
// The latest reading of each model in the form the publisher writes, for
// `dorado regime update`: one call per model from its inputs to what
// RegimePublisher::publish_* takes. `as_of` is the instant the readings are
// published for (the close the inputs end on); instruments whose features
// are not complete on any day are left out (their gate then reads allow-all
// and the reader journals it).
#include <map>
#include <optional>
#include <string>

#include "dorado/domain/published_regime.hpp"
#include "dorado/regime/correlation/correlation_regime.hpp"
#include "dorado/regime/crypto/crypto_trend_model.hpp"
#include "dorado/regime/fx/fx_regime_model.hpp"

namespace dorado::regime {

std::map<std::string, PublishedRegime> current_fx_regimes(
    const FxRegimeModel& model, const std::map<std::string, FxFeatureTable>& pairs,
    Timestamp as_of);

std::map<std::string, PublishedRegime> current_crypto_regimes(
    const CryptoTrendModel& model, const std::map<std::string, CryptoFeatureTable>& coins,
    Timestamp as_of);

// Nothing when the universe has fewer returns than the window.
std::optional<PublishedRegime> current_correlation_regime(const UniverseReturns& universe,
                                                          const CorrelationRegimeConfig& config,
                                                          Timestamp as_of);

}  // namespace dorado::regime
