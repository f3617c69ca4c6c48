#pragma once
// The DSL: one schema per kind of file. Adding a key to the configuration
// language is adding one line here (and the field it fills in decode.cpp).
#include <optional>

#include "dorado/config/schema.hpp"
#include "dorado/domain/asset_class.hpp"

namespace dorado::config {

const Schema& settings_schema();         // dorado.yaml
const Schema& universe_schema();         // universe.yaml
const Schema& bot_schema();              // bots/*.yaml
const Schema& risk_policy_schema();      // risk_policy.yaml
const Schema& scoring_weights_schema();  // scoring_weights.yaml
// strategies/*.yaml for one underlying class; without a class (missing or
// misspelled underlying_class) only the keys common to every template.
const Schema& template_schema(std::optional<AssetClass> underlying_class);

// Regime names and family ("macro", "fx", "crypto") for an underlying class:
// equity options follow the macro regime, FX and crypto their own models.
WalkOptions regime_walk(AssetClass underlying_class);
WalkOptions macro_walk();

}  // namespace dorado::config
