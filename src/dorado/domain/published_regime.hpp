#pragma once
// A regime as the Regime Radar published it and the engine reads it back
// (cache key or regime_history row): which model, which label, how sure, and
// when. Readers treat a missing or stale reading as allow-all (and journal
// that they did), so a view holds optionals rather than defaults.
#include <map>
#include <optional>
#include <string>

#include "dorado/domain/time.hpp"

namespace dorado {

struct PublishedRegime {
  std::string model;        // "macro", "fx", "crypto", "correlation"
  std::string label;        // a name of MacroRegime / FxRegime / CryptoRegime / CorrelationRegime
  double confidence = 0.0;  // probability of `label`, in [0, 1]
  std::map<std::string, double> probabilities;  // per label; may be empty (correlation)
  Timestamp as_of{};
  std::string model_version;

  friend bool operator==(const PublishedRegime&, const PublishedRegime&) = default;
};

// Everything the gate cascade knows about regimes at one instant. FX and
// crypto readings are per instrument symbol ("USDJPY", "BTC").
struct RegimeView {
  std::optional<PublishedRegime> macro;
  std::optional<PublishedRegime> correlation;
  std::map<std::string, PublishedRegime> fx;
  std::map<std::string, PublishedRegime> crypto;

  friend bool operator==(const RegimeView&, const RegimeView&) = default;
};

}  // namespace dorado
