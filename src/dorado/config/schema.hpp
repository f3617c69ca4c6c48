#pragma once
// A small declarative schema for the YAML files, walked generically: each key
// is one line (name, kind, required, bounds, children), so adding a key to the
// DSL is adding a line. Rules that span several keys (delta signs, weights
// summing to 1, ordered pairs) attach to the mapping that holds them.
#include <yaml-cpp/yaml.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/diagnostic.hpp"
#include "dorado/domain/enum_names.hpp"

namespace dorado::config {

// Collects the diagnostics of one file. yaml-cpp marks are 0-based; the
// reporter turns them into 1-based line:column.
class Reporter {
 public:
  Reporter(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(&out) {}
  void error(const YAML::Mark& at, std::string message);
  const std::string& file() const { return file_; }
  std::size_t count() const { return out_->size(); }

 private:
  std::string file_;
  std::vector<Diagnostic>* out_;
};

enum class Kind {
  Any,       // accepted as written (checked by a rule, if at all)
  Map,       // fixed keys: `fields`
  Dict,      // keys from `choices`, every value shaped like `element`
  List,      // every item shaped like `element`
  Text,      // any scalar
  Number,    // finite real within `bounds`
  Integer,   // whole number within `bounds`
  Boolean,   // true/false (YAML 1.1 spellings accepted)
  Choice,    // one of `choices`
  Range,     // [min, max] of numbers within `bounds`, min <= max
  Duration,  // "90s", "30m", "4h", "2d"; `bounds` in seconds
  Regime,    // a regime name of the template's regime family
};

struct Bounds {
  std::optional<double> min, max;
  bool min_exclusive = false;
  bool max_exclusive = false;
  bool contains(double v) const;
  // "between 0 and 100", "greater than 0", "at most 3" ...
  std::string describe() const;
};

struct Field;
// A rule over a whole mapping. `owner` is where mapping-level problems point:
// the key that holds the mapping. Rules must tolerate absent keys (regime
// overrides are partial mappings).
using MapRule = std::function<void(const YAML::Node& map, const YAML::Mark& owner, Reporter&)>;
// Checks a scalar's text; returns the problem, if any.
using TextRule = std::function<std::optional<std::string>(const std::string& value)>;

struct Schema {
  Kind kind = Kind::Any;
  Bounds bounds;
  bool whole_numbers = false;             // Range: integer endpoints
  std::vector<std::string> choices;       // Choice values, Dict keys
  std::vector<Field> fields;              // Map
  std::shared_ptr<const Schema> element;  // List items, Dict values
  std::size_t min_items = 0;              // List
  std::vector<MapRule> rules;             // Map, Dict
  TextRule text_rule;                     // Text
};

struct Field {
  std::string name;
  bool is_required = false;
  Schema schema;

  Field required() const;
  Field between(double lo, double hi) const;  // inclusive
  Field above(double lo) const;               // exclusive
  Field at_least(double lo) const;
  Field at_most(double hi) const;
  Field whole_numbers() const;  // Range endpoints are integers
  Field non_empty() const;      // List needs at least one item
  Field rule(MapRule r) const;
  Field check(TextRule r) const;
};

// Builders, one per kind.
Field text(std::string name);
Field number(std::string name);
Field integer(std::string name);
Field flag(std::string name);
Field duration(std::string name);
Field choice(std::string name, std::vector<std::string> choices);
Field range(std::string name);
Field regime_list(std::string name);
Field section(std::string name, std::vector<Field> fields);
Field list(std::string name, Schema element);
Field dict(std::string name, std::vector<std::string> keys, Schema value);
Field regime_dict(std::string name, Schema value);
Field anything(std::string name);
Schema mapping(std::vector<Field> fields, std::vector<MapRule> rules = {});
Schema value_of(const Field& f);  // the schema of a field, for list items and dict values

template <typename E>
std::vector<std::string> names_of() {
  std::vector<std::string> out;
  for (auto n : all_names<E>()) out.emplace_back(n);
  return out;
}
template <typename E>
Field choice_of(std::string name) {
  return choice(std::move(name), names_of<E>());
}

// Common rules.
// `lower` must not exceed `upper` when both are present.
MapRule ordered(std::string lower, std::string upper, bool strict = false);
// The numeric values of the mapping must sum to 1 (within 1e-9).
MapRule sums_to_one(std::string what);

struct WalkOptions {
  std::vector<std::string> regimes;  // valid names for Kind::Regime
  std::string regime_family;         // "macro", "fx", "crypto"
  bool partial = false;              // regime overrides: nothing is required
};

// Validates `root` against `schema`, reporting every problem found.
void validate(const YAML::Node& root, const Schema& schema, const WalkOptions& options,
              Reporter& reporter);

// Scalar parsing shared by the walker and the decoders.
std::optional<double> parse_number(const std::string& text);
std::optional<long long> parse_integer(const std::string& text);
std::optional<bool> parse_flag(const std::string& text);
std::optional<long long> parse_duration_seconds(const std::string& text);

// How a node reads in a message: 'abc', a mapping, a list, nothing.
std::string describe_node(const YAML::Node& node);
// A number as a person writes it: 2, 0.16, 1e+06.
std::string format_number(double v);

}  // namespace dorado::config
