#pragma once
// Regime overrides: mappings merge key by key, recursively; scalars and
// lists in the override replace the base's. Keys and values keep their
// source positions, so problems in the result point into the right file.
#include <yaml-cpp/yaml.h>

namespace dorado::config {

// Neither input is modified; the result shares unchanged subtrees with them.
YAML::Node deep_merge(const YAML::Node& base, const YAML::Node& override_node);

}  // namespace dorado::config
