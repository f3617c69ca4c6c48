#pragma once
// The Regime Radar's trained models in the store (regime_models), so a
// restart reloads them instead of retraining: each model's own JSON as the
// body, its training window, and its metrics as JSON for `dorado regime
// show` and reports. Model names in the store: "macro", "fx", "crypto".
#include <optional>

#include "dorado/ports/store.hpp"
#include "dorado/regime/crypto/crypto_trend_model.hpp"
#include "dorado/regime/fx/fx_regime_model.hpp"
#include "dorado/regime/macro_regime_model.hpp"

namespace dorado::regime {

void save_model(ports::Store& store, const MacroRegimeModel& model, Timestamp saved_at);
void save_model(ports::Store& store, const FxRegimeModel& model, Timestamp saved_at);
void save_model(ports::Store& store, const CryptoTrendModel& model, Timestamp saved_at);

// The most recently saved model of each kind; nothing when none was saved.
// Throws std::invalid_argument when the stored body does not load (naming
// the model and version).
std::optional<MacroRegimeModel> load_latest_macro_model(ports::Store& store);
std::optional<FxRegimeModel> load_latest_fx_model(ports::Store& store);
std::optional<CryptoTrendModel> load_latest_crypto_model(ports::Store& store);

}  // namespace dorado::regime
