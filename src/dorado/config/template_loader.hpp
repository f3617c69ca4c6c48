#pragma once
// Validation of one strategy template file beyond its schema (structure vs
// class, required legs, code_hook, regime overrides) and construction of its
// effective template per overridden regime.
#include <yaml-cpp/yaml.h>

#include <optional>

#include "dorado/config/schema.hpp"
#include "dorado/config/strategy_template.hpp"

namespace dorado::config {

struct TemplateLimits {
  // The risk policy's hard cap on crypto positions, when the policy loaded.
  std::optional<double> crypto_max_position_pct;
};

// Reports every problem of the template in `root`; returns the template with
// its regime variants when the file is clean.
std::optional<StrategyTemplate> load_template(const YAML::Node& root, const TemplateLimits& limits,
                                              Reporter& reporter);

// The key node called `name` in `map` (for its position), or an undefined node.
YAML::Node key_of(const YAML::Node& map, const std::string& name);

}  // namespace dorado::config
