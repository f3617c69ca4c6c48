#include "dorado/config/schema.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>

#include "dorado/config/suggestion.hpp"

namespace dorado::config {

void Reporter::error(const YAML::Mark& at, std::string message) {
  Diagnostic d{file_, 0, 0, std::move(message)};
  if (at.line >= 0) {
    d.line = at.line + 1;
    d.column = at.column + 1;
  }
  out_->push_back(std::move(d));
}

// ---- scalars ---------------------------------------------------------------

std::string format_number(double v) {
  std::ostringstream out;
  out.precision(12);
  out << v;
  return out.str();
}

std::optional<double> parse_number(const std::string& text) {
  std::string_view s = text;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> parse_integer(const std::string& text) {
  std::string_view s = text;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<bool> parse_flag(const std::string& text) {
  std::string s = text;
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (s == "true" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "no" || s == "off") return false;
  return std::nullopt;
}

std::optional<long long> parse_duration_seconds(const std::string& text) {
  if (text.size() < 2) return std::nullopt;
  long long unit = 0;
  switch (text.back()) {
    case 's':
      unit = 1;
      break;
    case 'm':
      unit = 60;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'd':
      unit = 86400;
      break;
    default:
      return std::nullopt;
  }
  const auto count = parse_integer(text.substr(0, text.size() - 1));
  if (!count || *count < 0 || text.front() == '+') return std::nullopt;
  return *count * unit;
}

std::string describe_node(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  return "'" + node.Scalar() + "'";
}

// ---- bounds ----------------------------------------------------------------

bool Bounds::contains(double v) const {
  if (min && (min_exclusive ? v <= *min : v < *min)) return false;
  if (max && (max_exclusive ? v >= *max : v > *max)) return false;
  return true;
}

std::string Bounds::describe() const {
  const auto lower = [&] {
    return (min_exclusive ? "greater than " : "at least ") + format_number(*min);
  };
  const auto upper = [&] {
    return (max_exclusive ? "less than " : "at most ") + format_number(*max);
  };
  if (min && max && !min_exclusive && !max_exclusive)
    return "between " + format_number(*min) + " and " + format_number(*max);
  if (min && max) return lower() + " and " + upper();
  if (min) return lower();
  if (max) return upper();
  return "any number";
}

// ---- builders --------------------------------------------------------------

namespace {
Field make(std::string name, Kind kind) {
  Field f;
  f.name = std::move(name);
  f.schema.kind = kind;
  return f;
}
}  // namespace

Field Field::required() const {
  Field f = *this;
  f.is_required = true;
  return f;
}
Field Field::between(double lo, double hi) const {
  Field f = *this;
  f.schema.bounds.min = lo;
  f.schema.bounds.max = hi;
  return f;
}
Field Field::above(double lo) const {
  Field f = *this;
  f.schema.bounds.min = lo;
  f.schema.bounds.min_exclusive = true;
  return f;
}
Field Field::at_least(double lo) const {
  Field f = *this;
  f.schema.bounds.min = lo;
  f.schema.bounds.min_exclusive = false;
  return f;
}
Field Field::at_most(double hi) const {
  Field f = *this;
  f.schema.bounds.max = hi;
  f.schema.bounds.max_exclusive = false;
  return f;
}
Field Field::whole_numbers() const {
  Field f = *this;
  f.schema.whole_numbers = true;
  return f;
}
Field Field::non_empty() const {
  Field f = *this;
  f.schema.min_items = 1;
  return f;
}
Field Field::rule(MapRule r) const {
  Field f = *this;
  f.schema.rules.push_back(std::move(r));
  return f;
}
Field Field::check(TextRule r) const {
  Field f = *this;
  f.schema.text_rule = std::move(r);
  return f;
}

Field text(std::string name) {
  return make(std::move(name), Kind::Text);
}
Field number(std::string name) {
  return make(std::move(name), Kind::Number);
}
Field integer(std::string name) {
  return make(std::move(name), Kind::Integer);
}
Field flag(std::string name) {
  return make(std::move(name), Kind::Boolean);
}
Field duration(std::string name) {
  return make(std::move(name), Kind::Duration);
}
Field range(std::string name) {
  return make(std::move(name), Kind::Range);
}
Field anything(std::string name) {
  return make(std::move(name), Kind::Any);
}

Field choice(std::string name, std::vector<std::string> choices) {
  Field f = make(std::move(name), Kind::Choice);
  f.schema.choices = std::move(choices);
  return f;
}

Field regime_list(std::string name) {
  Field f = make(std::move(name), Kind::List);
  Schema item;
  item.kind = Kind::Regime;
  f.schema.element = std::make_shared<const Schema>(std::move(item));
  return f;
}

Field section(std::string name, std::vector<Field> fields) {
  Field f = make(std::move(name), Kind::Map);
  f.schema.fields = std::move(fields);
  return f;
}

Field list(std::string name, Schema element) {
  Field f = make(std::move(name), Kind::List);
  f.schema.element = std::make_shared<const Schema>(std::move(element));
  return f;
}

Field dict(std::string name, std::vector<std::string> keys, Schema value) {
  Field f = make(std::move(name), Kind::Dict);
  f.schema.choices = std::move(keys);
  f.schema.element = std::make_shared<const Schema>(std::move(value));
  return f;
}

Field regime_dict(std::string name, Schema value) {
  // An empty key list on a Dict means "the regime names of the walk".
  return dict(std::move(name), {}, std::move(value));
}

Schema mapping(std::vector<Field> fields, std::vector<MapRule> rules) {
  Schema s;
  s.kind = Kind::Map;
  s.fields = std::move(fields);
  s.rules = std::move(rules);
  return s;
}

Schema value_of(const Field& f) {
  return f.schema;
}

// ---- rules -----------------------------------------------------------------

MapRule ordered(std::string lower, std::string upper, bool strict) {
  return [lower, upper, strict](const YAML::Node& map, const YAML::Mark&, Reporter& r) {
    const YAML::Node lo = map[lower];
    const YAML::Node hi = map[upper];
    if (!lo || !hi || !lo.IsScalar() || !hi.IsScalar()) return;
    const auto a = parse_number(lo.Scalar());
    const auto b = parse_number(hi.Scalar());
    if (!a || !b) return;
    if (strict ? *a < *b : *a <= *b) return;
    r.error(hi.Mark(), upper + " (" + hi.Scalar() + ") must be " +
                           (strict ? "greater than " : "at least ") + lower + " (" + lo.Scalar() +
                           ")");
  };
}

MapRule sums_to_one(std::string what) {
  return [what](const YAML::Node& map, const YAML::Mark& owner, Reporter& r) {
    double sum = 0;
    for (const auto& entry : map) {
      if (!entry.second.IsScalar()) return;
      const auto v = parse_number(entry.second.Scalar());
      if (!v) return;
      sum += *v;
    }
    if (std::abs(sum - 1.0) > 1e-9)
      r.error(owner, what + " must sum to 1, got " + format_number(sum));
  };
}

// ---- the walk --------------------------------------------------------------

class Walker {
 public:
  Walker(const WalkOptions& options, Reporter& reporter) : options_(options), r_(reporter) {}

  // `at` is where problems with this value point when the node itself has no
  // position (nodes built by a deep merge); `owner` is the key holding it.
  void value(const YAML::Node& node, const Schema& s, const std::string& name,
             const YAML::Mark& owner) {
    const YAML::Mark at = where(node, owner);
    switch (s.kind) {
      case Kind::Any:
        return;
      case Kind::Map:
        if (!node.IsMap()) return type_error(at, name, "a mapping", node);
        return map(node, s, owner);
      case Kind::Dict:
        if (!node.IsMap()) return type_error(at, name, "a mapping", node);
        return dict(node, s, name, owner);
      case Kind::List:
        if (!node.IsSequence()) return type_error(at, name, "a list", node);
        return list(node, s, name, owner);
      case Kind::Range:
        return range(node, s, name, at);
      default:
        if (!node.IsScalar()) return type_error(at, name, scalar_noun(s), node);
        return scalar(node, s, name, at);
    }
  }

  // The key's name when it is a plain name not seen before in this mapping;
  // otherwise reports why and returns nothing.
  std::optional<std::string> fresh_key(const YAML::Node& key, const YAML::Mark& owner,
                                       std::map<std::string, YAML::Mark>& seen) {
    if (!key.IsScalar()) {
      r_.error(where(key, owner), "keys must be plain names, got " + describe_node(key));
      return std::nullopt;
    }
    std::string name = key.Scalar();
    if (auto [it, inserted] = seen.emplace(name, key.Mark()); !inserted) {
      r_.error(key.Mark(), "duplicate key '" + name + "' (first on line " +
                               std::to_string(it->second.line + 1) + ")");
      return std::nullopt;
    }
    return name;
  }

  void map(const YAML::Node& node, const Schema& s, const YAML::Mark& owner) {
    const std::size_t before = r_.count();
    std::map<std::string, YAML::Mark> seen;
    for (const auto& entry : node) {
      const YAML::Node& key = entry.first;
      const auto fresh = fresh_key(key, owner, seen);
      if (!fresh) continue;
      const std::string& name = *fresh;
      const auto field = std::find_if(s.fields.begin(), s.fields.end(),
                                      [&](const Field& f) { return f.name == name; });
      if (field == s.fields.end()) {
        r_.error(key.Mark(), "unknown key '" + name + "'" + suggestion_suffix(name, names(s)));
        continue;
      }
      const YAML::Node& v = entry.second;
      if (v.IsNull()) {
        if (field->is_required && !options_.partial)
          r_.error(key.Mark(), "missing value for required key '" + name + "'");
        continue;
      }
      value(v, field->schema, name, key.Mark());
    }
    if (!options_.partial) {
      for (const auto& f : s.fields)
        if (f.is_required && !seen.contains(f.name))
          r_.error(owner, "missing required key '" + f.name + "'");
    }
    if (r_.count() == before)
      for (const auto& rule : s.rules) rule(node, owner, r_);
  }

 private:
  static YAML::Mark where(const YAML::Node& node, const YAML::Mark& fallback) {
    if (!node.IsDefined() || node.IsNull() || node.Mark().line < 0) return fallback;
    return node.Mark();
  }

  static std::vector<std::string> names(const Schema& s) {
    std::vector<std::string> out;
    for (const auto& f : s.fields) out.push_back(f.name);
    return out;
  }

  std::string scalar_noun(const Schema& s) const {
    switch (s.kind) {
      case Kind::Number:
        return "a number";
      case Kind::Integer:
        return "a whole number";
      case Kind::Boolean:
        return "true or false";
      case Kind::Duration:
        return "a duration such as 30m, 4h or 2d";
      case Kind::Choice:
        return "a name";
      case Kind::Regime:
        return "a regime name";
      default:
        return "a string";
    }
  }

  void type_error(const YAML::Mark& at, const std::string& name, const std::string& expected,
                  const YAML::Node& got) {
    r_.error(at, name + ": expected " + expected + ", got " + describe_node(got));
  }

  void dict(const YAML::Node& node, const Schema& s, const std::string& name,
            const YAML::Mark& owner) {
    const std::size_t before = r_.count();
    const bool by_regime = s.choices.empty();
    const auto& keys = by_regime ? options_.regimes : s.choices;
    std::map<std::string, YAML::Mark> seen;
    for (const auto& entry : node) {
      const YAML::Node& key = entry.first;
      const auto fresh = fresh_key(key, owner, seen);
      if (!fresh) continue;
      const std::string& k = *fresh;
      const bool unchecked = by_regime && options_.regime_family.empty();
      if (!unchecked && std::find(keys.begin(), keys.end(), k) == keys.end()) {
        const std::string what =
            by_regime ? "unknown " + options_.regime_family + " regime '" : "unknown key '";
        r_.error(key.Mark(), what + k + "' in " + name + suggestion_suffix(k, keys));
        continue;
      }
      if (entry.second.IsNull()) {
        r_.error(key.Mark(), "missing value for '" + k + "'");
        continue;
      }
      value(entry.second, *s.element, k, key.Mark());
    }
    if (r_.count() == before)
      for (const auto& rule : s.rules) rule(node, owner, r_);
  }

  void list(const YAML::Node& node, const Schema& s, const std::string& name,
            const YAML::Mark& owner) {
    if (node.size() < s.min_items) {
      r_.error(where(node, owner), name + " must list at least one item");
      return;
    }
    for (const auto& item : node) {
      if (item.IsNull()) {
        r_.error(where(node, owner), name + ": empty list item");
        continue;
      }
      value(item, *s.element, name, where(item, owner));
    }
  }

  void range(const YAML::Node& node, const Schema& s, const std::string& name,
             const YAML::Mark& at) {
    if (!node.IsSequence() || node.size() != 2) return type_error(at, name, "[min, max]", node);
    double ends[2] = {0, 0};
    bool ok = true;
    for (std::size_t i = 0; i < 2; ++i) {
      const YAML::Node item = node[i];
      const YAML::Mark item_at = where(item, at);
      if (!item.IsScalar()) {
        type_error(item_at, name, s.whole_numbers ? "a whole number" : "a number", item);
        ok = false;
        continue;
      }
      if (!number_in(item, s, name, item_at, s.whole_numbers, ends[i])) ok = false;
    }
    if (ok && ends[0] > ends[1])
      r_.error(at, name + " must be [min, max] with min <= max, got [" + node[0].Scalar() + ", " +
                       node[1].Scalar() + "]");
  }

  bool number_in(const YAML::Node& node, const Schema& s, const std::string& name,
                 const YAML::Mark& at, bool whole, double& out) {
    const std::string& t = node.Scalar();
    if (whole) {
      const auto v = parse_integer(t);
      if (!v) {
        type_error(at, name, "a whole number", node);
        return false;
      }
      out = static_cast<double>(*v);
    } else {
      const auto v = parse_number(t);
      if (!v) {
        type_error(at, name, "a number", node);
        return false;
      }
      out = *v;
    }
    if (!s.bounds.contains(out)) {
      r_.error(at, name + " must be " + s.bounds.describe() + ", got " + t);
      return false;
    }
    return true;
  }

  void scalar(const YAML::Node& node, const Schema& s, const std::string& name,
              const YAML::Mark& at) {
    const std::string& t = node.Scalar();
    double ignored = 0;
    switch (s.kind) {
      case Kind::Number:
        number_in(node, s, name, at, false, ignored);
        return;
      case Kind::Integer:
        number_in(node, s, name, at, true, ignored);
        return;
      case Kind::Boolean:
        if (!parse_flag(t)) type_error(at, name, "true or false", node);
        return;
      case Kind::Duration: {
        const auto seconds = parse_duration_seconds(t);
        if (!seconds) return type_error(at, name, scalar_noun(s), node);
        if (!s.bounds.contains(static_cast<double>(*seconds)))
          r_.error(at, name + " must be " + s.bounds.describe() + " seconds, got " + t);
        return;
      }
      case Kind::Choice:
        if (std::find(s.choices.begin(), s.choices.end(), t) == s.choices.end())
          r_.error(at, "invalid " + name + " '" + t + "'" + suggestion_suffix(t, s.choices));
        return;
      case Kind::Regime:
        if (options_.regime_family.empty()) return;  // family unknown: nothing to check
        if (std::find(options_.regimes.begin(), options_.regimes.end(), t) ==
            options_.regimes.end())
          r_.error(at, "unknown " + options_.regime_family + " regime '" + t + "'" +
                           suggestion_suffix(t, options_.regimes));
        return;
      case Kind::Text:
        if (t.empty()) return r_.error(at, name + " must not be empty");
        if (s.text_rule)
          if (auto problem = s.text_rule(t)) r_.error(at, *problem);
        return;
      default:
        return;
    }
  }

  const WalkOptions& options_;
  Reporter& r_;
};

void validate(const YAML::Node& root, const Schema& schema, const WalkOptions& options,
              Reporter& reporter) {
  Walker walker(options, reporter);
  YAML::Mark top = root.Mark();
  if (top.line < 0) top = YAML::Mark();  // line 0, column 0: 1:1
  if (!root.IsDefined() || root.IsNull()) {
    reporter.error(YAML::Mark(), "the file is empty; expected a mapping");
    return;
  }
  if (schema.kind == Kind::Map && !root.IsMap()) {
    reporter.error(top,
                   "expected a mapping of keys at the top of the file, got " + describe_node(root));
    return;
  }
  walker.value(root, schema, "file", top);
}

}  // namespace dorado::config
