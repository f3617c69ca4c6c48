#include "dorado/config/template_loader.hpp"

#include <algorithm>
#include <utility>

#include "dorado/config/decode.hpp"
#include "dorado/config/deep_merge.hpp"
#include "dorado/config/schemas.hpp"

namespace dorado::config {

YAML::Node key_of(const YAML::Node& map, const std::string& name) {
  if (map.IsMap())
    for (const auto& entry : map)
      if (entry.first.IsScalar() && entry.first.Scalar() == name) return entry.first;
  return YAML::Node(YAML::NodeType::Undefined);
}

namespace {

YAML::Node value_at(const YAML::Node& map, std::initializer_list<const char*> path) {
  YAML::Node node = map;
  for (const char* key : path) {
    if (!node.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node next = std::as_const(node)[key];
    if (!next) return YAML::Node(YAML::NodeType::Undefined);
    node.reset(next);  // operator= would overwrite the node itself
  }
  return node;
}

std::optional<double> number_at(const YAML::Node& map, std::initializer_list<const char*> path) {
  const YAML::Node v = value_at(map, path);
  if (!v.IsDefined() || !v.IsScalar()) return std::nullopt;
  return parse_number(v.Scalar());
}

bool is_option_structure(Structure s) {
  return s != Structure::Momentum;
}

// The legs each option structure is built from.
std::vector<std::string> legs_of(Structure s) {
  switch (s) {
    case Structure::IronCondor:
      return {"short_put", "long_put", "short_call", "long_call"};
    case Structure::ShortPut:
      return {"short_put"};
    case Structure::PutVertical:
      return {"short_put", "long_put"};
    case Structure::CoveredCall:
      return {"short_call"};
    case Structure::Wheel:
      return {"short_put", "short_call"};
    case Structure::Momentum:
      return {};
  }
  return {};
}

// Rules over the whole (complete, schema-valid) template: they run on the
// base and on every effective template.
void whole_template_rules(const YAML::Node& root, AssetClass cls, const TemplateLimits& limits,
                          Reporter& r) {
  const YAML::Node structure = root["structure"];
  const auto s = parse_name<Structure>(structure.Scalar());
  if (!s) return;
  const bool options = cls == AssetClass::EquityOptions;
  if (is_option_structure(*s) != options) {
    r.error(structure.Mark(), "structure '" + structure.Scalar() +
                                  "' does not fit underlying_class " + std::string(name_of(cls)));
    return;
  }
  if (options) {
    const YAML::Node legs = root["legs"];
    const YAML::Mark at = key_of(root, "legs").Mark();
    for (const auto& role : legs_of(*s)) {
      const YAML::Node leg = legs[role];
      if (!leg) {
        r.error(at, structure.Scalar() + " needs a " + role + " leg");
        continue;
      }
      const bool has_delta = leg["delta"] && !leg["delta"].IsNull();
      const bool has_width = leg["width"] && !leg["width"].IsNull();
      const YAML::Mark leg_at = key_of(legs, role).Mark();
      if (role.starts_with("short_") && !has_delta)
        r.error(leg_at, role + " needs a delta (short strikes are chosen by delta)");
      else if (!has_delta && !has_width)
        r.error(leg_at, role + " needs a delta or a width");
    }
    const bool sells_covered_calls = *s == Structure::CoveredCall || *s == Structure::Wheel;
    if (const YAML::Node cc = root["covered_call"]; cc && !sells_covered_calls)
      r.error(key_of(root, "covered_call").Mark(),
              "covered_call settings apply to covered_call and wheel, not " + structure.Scalar());
    const auto dte_exit = number_at(root, {"management", "dte_exit"});
    const YAML::Node range = value_at(root, {"expiration", "dte_range"});
    if (dte_exit && range.IsDefined() && range.IsSequence()) {
      const auto lo = parse_number(range[0].Scalar());
      if (lo && *dte_exit >= *lo)
        r.error(value_at(root, {"management", "dte_exit"}).Mark(),
                "dte_exit (" + format_number(*dte_exit) +
                    ") must be less than the smallest entry DTE in dte_range (" +
                    range[0].Scalar() + ")");
    }
  }
  if (cls == AssetClass::Crypto) {
    const auto entry = number_at(root, {"signal", "hurst_entry_min"});
    const auto exit = number_at(root, {"exit", "hurst_exit_below"});
    if (entry && exit && *exit >= *entry)
      r.error(value_at(root, {"exit", "hurst_exit_below"}).Mark(),
              "hurst_exit_below (" + format_number(*exit) +
                  ") must be less than hurst_entry_min (" + format_number(*entry) + ")");
    const auto cap = number_at(root, {"sizing", "max_position_pct"});
    if (cap && limits.crypto_max_position_pct && *cap > *limits.crypto_max_position_pct)
      r.error(value_at(root, {"sizing", "max_position_pct"}).Mark(),
              "max_position_pct (" + format_number(*cap) +
                  ") exceeds the risk policy's crypto_max_position_pct (" +
                  format_number(*limits.crypto_max_position_pct) + ")");
  }
}

// Keys that name or classify a template; a regime cannot change them.
const std::vector<std::string>& identity_keys() {
  static const std::vector<std::string> keys = {
      "name",      "version",         "description",      "underlying_class",
      "structure", "regimes_allowed", "regime_overrides", "code_hook"};
  return keys;
}

YAML::Node without_overrides(const YAML::Node& root) {
  YAML::Node base(YAML::NodeType::Map);
  for (const auto& entry : root)
    if (entry.first.Scalar() != "regime_overrides") base.force_insert(entry.first, entry.second);
  return base;
}

void check_overrides(const YAML::Node& root, AssetClass cls, Reporter& r) {
  const YAML::Node overrides = root["regime_overrides"];
  if (!overrides || !overrides.IsMap()) return;
  const YAML::Node allowed = root["regimes_allowed"];
  WalkOptions partial = regime_walk(cls);
  partial.partial = true;
  for (const auto& entry : overrides) {
    const std::string regime = entry.first.Scalar();
    const YAML::Node& body = entry.second;
    bool listed = false;
    if (allowed && allowed.IsSequence())
      for (const auto& a : allowed) listed = listed || (a.IsScalar() && a.Scalar() == regime);
    const auto& known = partial.regimes;
    const bool valid_name = std::find(known.begin(), known.end(), regime) != known.end();
    if (valid_name && !listed)  // an invalid name is reported by the schema
      r.error(entry.first.Mark(),
              "regime override '" + regime + "' is for a regime not in regimes_allowed");
    if (!body.IsMap()) {
      r.error(body.Mark(), regime + ": expected a mapping, got " + describe_node(body));
      continue;
    }
    for (const auto& key : body) {
      const auto& ids = identity_keys();
      if (key.first.IsScalar() &&
          std::find(ids.begin(), ids.end(), key.first.Scalar()) != ids.end())
        r.error(key.first.Mark(), "'" + key.first.Scalar() + "' cannot be overridden per regime");
    }
    validate(body, template_schema(cls), partial, r);
  }
}

}  // namespace

std::optional<StrategyTemplate> load_template(const YAML::Node& root, const TemplateLimits& limits,
                                              Reporter& r) {
  const std::size_t before = r.count();
  std::optional<AssetClass> cls;
  if (root.IsMap())
    if (const YAML::Node c = root["underlying_class"]; c && c.IsScalar())
      cls = parse_name<AssetClass>(c.Scalar());
  validate(root, template_schema(cls), cls ? regime_walk(*cls) : WalkOptions{}, r);
  if (!cls || !root.IsMap()) return std::nullopt;

  if (const YAML::Node hook = root["code_hook"]; hook && !hook.IsNull())
    r.error(hook.Mark(), "code_hook is not supported yet");
  check_overrides(root, *cls, r);
  if (r.count() == before) whole_template_rules(root, *cls, limits, r);
  if (r.count() != before) return std::nullopt;

  StrategyTemplate t = decode_template(root);
  const YAML::Node base = without_overrides(root);
  const YAML::Node overrides = root["regime_overrides"];
  if (overrides && overrides.IsMap()) {
    for (const auto& entry : overrides) {
      const std::size_t at_start = r.count();
      const YAML::Node merged = deep_merge(base, entry.second);
      validate(merged, template_schema(cls), regime_walk(*cls), r);
      if (r.count() == at_start) whole_template_rules(merged, *cls, limits, r);
      if (r.count() != at_start) continue;
      t.regime_variants.push_back({entry.first.Scalar(), decode_template(merged)});
    }
  }
  if (r.count() != before) return std::nullopt;
  return t;
}

}  // namespace dorado::config
