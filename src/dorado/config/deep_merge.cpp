#include "dorado/config/deep_merge.hpp"

namespace dorado::config {
namespace {

YAML::Node find_key(const YAML::Node& map, const std::string& key, YAML::Node& value) {
  for (const auto& entry : map)
    if (entry.first.IsScalar() && entry.first.Scalar() == key) {
      value.reset(entry.second);
      return entry.first;
    }
  return YAML::Node(YAML::NodeType::Undefined);
}

}  // namespace

YAML::Node deep_merge(const YAML::Node& base, const YAML::Node& override_node) {
  if (!base.IsMap() || !override_node.IsMap()) return override_node;
  // force_insert keeps the original key and value nodes (and their marks);
  // operator[] would create fresh keys without positions.
  YAML::Node merged(YAML::NodeType::Map);
  for (const auto& entry : base) {
    YAML::Node over_value;
    const YAML::Node over_key = find_key(override_node, entry.first.Scalar(), over_value);
    if (!over_key.IsDefined())
      merged.force_insert(entry.first, entry.second);
    else
      merged.force_insert(over_key, deep_merge(entry.second, over_value));
  }
  for (const auto& entry : override_node) {
    YAML::Node ignored;
    if (!find_key(base, entry.first.Scalar(), ignored).IsDefined())
      merged.force_insert(entry.first, entry.second);
  }
  return merged;
}

}  // namespace dorado::config
