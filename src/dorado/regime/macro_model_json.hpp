#pragma once
// A MacroRegimeModel as JSON text, for the store: parameters, scaler, PCA,
// state names, training window, metrics and config. Doubles are written with
// 17 significant digits, so a loaded model reproduces the saved one bit for
// bit and gives identical readings without retraining.
//
// Top level: {"format": "dorado.macro_regime_model", "format_version": 1,
//   "version", "config", "feature_names", "scaler", "pca", "hmm",
//   "state_names", "state_profiles", "feature_importance", "window", "metrics"}.
// Matrices are arrays of rows.
#include <string>
#include <string_view>

#include "dorado/regime/macro_regime_model.hpp"

namespace dorado::regime {

std::string save_macro_model(const MacroRegimeModel& model);

// Throws std::invalid_argument with the failing field for malformed JSON, a
// different format or version, or parameters that do not fit together.
MacroRegimeModel load_macro_model(std::string_view json_text);

}  // namespace dorado::regime
