#pragma once
// What the Regime Radar keeps in the store: its trained models (so a restart
// reloads them instead of retraining) and the history of every regime it
// published (regime_history).
#include <optional>
#include <string>

#include "dorado/domain/published_regime.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::ports {

// One trained model. `model` names the model family and, for per-instrument
// models, the instrument ("macro", "fx", "crypto", "correlation"); `version`
// identifies one training run of it. The body is the model's own JSON
// serialisation (parameters and, for XGBoost, the booster's JSON dump), opaque
// to the store.
struct RegimeModelRecord {
  std::string model;
  std::string version;
  Date trained_from{};
  Date trained_to{};
  std::string metrics_json = "{}";  // any JSON value; read back canonically (sorted keys)
  std::string body;
  Timestamp saved_at{};

  friend bool operator==(const RegimeModelRecord&, const RegimeModelRecord&) = default;
};

// One published reading. `subject` is the instrument of a per-instrument
// model ("USDJPY", "BTC") and empty for the macro and correlation regimes.
struct RegimeHistoryEntry {
  std::string subject;
  PublishedRegime regime;

  friend bool operator==(const RegimeHistoryEntry&, const RegimeHistoryEntry&) = default;
};

// Readings of one model within `range` (inclusive), oldest first; `subject`
// narrows to one instrument when given.
struct RegimeHistoryQuery {
  std::string model;
  std::optional<std::string> subject;
  Timestamp first{};
  Timestamp last{};
};

}  // namespace dorado::ports
