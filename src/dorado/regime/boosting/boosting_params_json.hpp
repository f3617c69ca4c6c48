#pragma once
// BoostingParams in the JSON the regime models store. The class count is left
// to the caller: only multi-class models write and read it.
#include <nlohmann/json.hpp>

#include "dorado/regime/boosting/boosted_trees.hpp"

namespace dorado::regime {

nlohmann::json boosting_params_json(const BoostingParams& params);
// Throws nlohmann::json::exception for a missing or mistyped field; classes = 0.
BoostingParams boosting_params_from(const nlohmann::json& j);

}  // namespace dorado::regime
