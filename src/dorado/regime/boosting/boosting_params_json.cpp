#include "dorado/regime/boosting/boosting_params_json.hpp"

namespace dorado::regime {

nlohmann::json boosting_params_json(const BoostingParams& b) {
  return {{"objective", b.objective},         {"rounds", b.rounds},
          {"max_depth", b.max_depth},         {"min_child_weight", b.min_child_weight},
          {"subsample", b.subsample},         {"colsample_bytree", b.colsample_bytree},
          {"learning_rate", b.learning_rate}, {"seed", b.seed}};
}

BoostingParams boosting_params_from(const nlohmann::json& b) {
  return {b.at("objective").get<std::string>(),
          0,
          b.at("rounds").get<int>(),
          b.at("max_depth").get<int>(),
          b.at("min_child_weight").get<double>(),
          b.at("subsample").get<double>(),
          b.at("colsample_bytree").get<double>(),
          b.at("learning_rate").get<double>(),
          b.at("seed").get<std::uint64_t>()};
}

}  // namespace dorado::regime
