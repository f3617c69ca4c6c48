#pragma once
// Turns validated YAML into the configuration's value types. Only called on
// nodes that passed their schema, so it does not re-check anything.
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "dorado/config/bot.hpp"
#include "dorado/config/risk_policy.hpp"
#include "dorado/config/scoring_weights.hpp"
#include "dorado/config/settings.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/config/universe.hpp"

namespace dorado::config {

// `folder` resolves relative paths (data_dir, sqlite://PATH). A null root
// (no dorado.yaml) gives the defaults.
Settings decode_settings(const YAML::Node& root, const std::filesystem::path& folder);
Universe decode_universe(const YAML::Node& root);
BotConfig decode_bot(const YAML::Node& root);
StrategyTemplate decode_template(const YAML::Node& root);
RiskPolicy decode_risk_policy(const YAML::Node& root);
ScoringWeights decode_scoring_weights(const YAML::Node& root);

}  // namespace dorado::config
