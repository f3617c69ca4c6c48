#include "dorado/config/loader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "dorado/config/content_hash.hpp"
#include "dorado/config/decode.hpp"
#include "dorado/config/schemas.hpp"
#include "dorado/config/suggestion.hpp"
#include "dorado/config/template_loader.hpp"

namespace dorado::config {
namespace {

namespace fs = std::filesystem;

struct Source {
  std::string path;  // relative, '/'-separated
  YAML::Node root;
  bool parsed = false;
};

std::optional<std::string> read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The universe as bots see it. When universe.yaml has problems, bots are
// still checked against its symbols (every listed symbol counts), and against
// the class and venue of members whose class and venue are sound.
struct BotUniverse {
  Universe universe;
  std::vector<std::string> unsound;  // symbols whose class or venue is invalid
};

std::optional<BotUniverse> usable_universe(const Source& s) {
  if (!s.parsed || !s.root.IsMap()) return std::nullopt;
  const YAML::Node u = s.root["universe"];
  if (!u || !u.IsMap() || !u["name"] || !u["name"].IsScalar()) return std::nullopt;
  const YAML::Node items = u["underlyings"];
  if (!items || !items.IsSequence()) return std::nullopt;
  BotUniverse out{decode_universe(s.root), {}};
  std::size_t i = 0;
  for (const auto& item : items) {
    const auto& member = out.universe.underlyings[i++];
    const YAML::Node cls = item.IsMap() ? item["asset_class"] : YAML::Node();
    const YAML::Node venue = item.IsMap() ? item["venue"] : YAML::Node();
    const bool sound = cls && cls.IsScalar() && parse_name<AssetClass>(cls.Scalar()) && venue &&
                       venue.IsScalar() && parse_name<VenueId>(venue.Scalar());
    if (!sound) out.unsound.push_back(member.symbol);
  }
  return out;
}

bool is_yaml(const fs::directory_entry& e) {
  const auto name = e.path().filename().string();
  const auto ext = e.path().extension().string();
  return e.is_regular_file() && !name.starts_with(".") && (ext == ".yaml" || ext == ".yml");
}

class FolderLoader {
 public:
  explicit FolderLoader(fs::path folder) : folder_(std::move(folder)) {}

  LoadResult run() {
    LoadResult result;
    if (!fs::is_directory(folder_)) {
      result.diagnostics.push_back({folder_.string(), 0, 0, "configuration folder not found"});
      return result;
    }
    Source settings = read("dorado.yaml", false);
    Source universe = read("universe.yaml", true);
    Source policy = read("risk_policy.yaml", true);
    Source weights = read("scoring_weights.yaml", true);
    std::vector<Source> strategies = read_folder("strategies");
    std::vector<Source> bots = read_folder("bots");

    Configuration config;
    if (check(settings, settings_schema(), {}))
      config.settings = decode_settings(settings.root, folder_);
    const bool universe_ok = check(universe, universe_schema(), {});
    if (universe_ok) config.universe = decode_universe(universe.root);
    const bool policy_ok = check(policy, risk_policy_schema(), macro_walk());
    if (policy_ok) config.risk_policy = decode_risk_policy(policy.root);
    if (check(weights, scoring_weights_schema(), {}))
      config.scoring_weights = decode_scoring_weights(weights.root);

    TemplateLimits limits;
    if (policy_ok)
      limits.crypto_max_position_pct = config.risk_policy.trade.crypto_max_position_pct;
    load_strategies(strategies, limits, config);
    const std::optional<BotUniverse> bot_universe =
        universe_ok ? BotUniverse{config.universe, {}} : usable_universe(universe);
    load_bots(bots, bot_universe ? &*bot_universe : nullptr,
              policy_ok ? &config.risk_policy : nullptr, config);

    result.content_hash = content_hash(texts_);
    config.content_hash = result.content_hash;
    sort_and_deduplicate(diagnostics_);
    result.diagnostics = std::move(diagnostics_);
    if (result.diagnostics.empty()) result.configuration = std::move(config);
    return result;
  }

 private:
  Source read(const std::string& relative, bool required) {
    Source s{relative, YAML::Node(), false};
    const fs::path file = folder_ / relative;
    if (!fs::exists(file)) {
      if (required) diagnostics_.push_back({relative, 0, 0, "missing file"});
      return s;
    }
    const auto bytes = read_bytes(file);
    if (!bytes) {
      diagnostics_.push_back({relative, 0, 0, "cannot read the file"});
      return s;
    }
    texts_.push_back({relative, *bytes});
    try {
      s.root = YAML::Load(*bytes);
      s.parsed = true;
    } catch (const YAML::Exception& e) {
      Reporter(relative, diagnostics_).error(e.mark, "YAML syntax error: " + e.msg);
    }
    return s;
  }

  std::vector<Source> read_folder(const std::string& name) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder_ / name, ec))
      if (is_yaml(e)) files.push_back(name + "/" + e.path().filename().string());
    std::sort(files.begin(), files.end());
    std::vector<Source> out;
    for (const auto& f : files) out.push_back(read(f, true));
    return out;
  }

  // Validates a parsed file against its schema; true when it is clean.
  // An absent optional file (dorado.yaml) is clean: the defaults apply.
  bool check(const Source& s, const Schema& schema, const WalkOptions& options) {
    if (!s.parsed) return fs::exists(folder_ / s.path) ? false : s.path == "dorado.yaml";
    Reporter r(s.path, diagnostics_);
    const std::size_t before = r.count();
    validate(s.root, schema, options, r);
    return r.count() == before;
  }

  void load_strategies(const std::vector<Source>& files, const TemplateLimits& limits,
                       Configuration& config) {
    std::map<std::string, std::string> first_file;
    for (const auto& s : files) {
      if (!s.parsed) continue;
      Reporter r(s.path, diagnostics_);
      if (s.root.IsMap())
        if (const YAML::Node name = s.root["name"]; name && name.IsScalar()) {
          declared_templates_.push_back(name.Scalar());
          if (auto [it, fresh] = first_file.emplace(name.Scalar(), s.path); !fresh)
            r.error(name.Mark(), "duplicate strategy template name '" + name.Scalar() +
                                     "' (also in " + it->second + ")");
        }
      if (auto t = load_template(s.root, limits, r)) {
        t->file = s.path;
        config.strategies.push_back(std::move(*t));
      }
    }
  }

  void load_bots(const std::vector<Source>& files, const BotUniverse* universe,
                 const RiskPolicy* policy, Configuration& config) {
    std::map<std::string, std::string> first_file;
    for (const auto& s : files) {
      if (!s.parsed) continue;
      Reporter r(s.path, diagnostics_);
      const std::size_t before = r.count();
      validate(s.root, bot_schema(), {}, r);
      if (!s.root.IsMap()) continue;
      // Cross-file checks run even when other keys are broken, so one run
      // shows every problem; each looks only at the keys it needs.
      if (const auto id = scalar(s.root, "id"))
        if (auto [it, fresh] = first_file.emplace(*id, s.path); !fresh)
          r.error(s.root["id"].Mark(),
                  "duplicate bot id '" + *id + "' (also in " + it->second + ")");
      const std::size_t schema_end = r.count();
      cross_check(s.root, universe, policy, config, r);
      drop_repeated_positions(before, schema_end);
      if (r.count() != before) continue;
      BotConfig bot = decode_bot(s.root);
      bot.file = s.path;
      config.bots.push_back(std::move(bot));
    }
  }

  // One report per position: a value the schema already refused (risk_pct
  // 150) is not also reported by a cross-file check.
  void drop_repeated_positions(std::size_t begin, std::size_t schema_end) {
    const auto first = diagnostics_.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto middle = diagnostics_.begin() + static_cast<std::ptrdiff_t>(schema_end);
    const auto repeated = std::remove_if(middle, diagnostics_.end(), [&](const Diagnostic& d) {
      return std::any_of(first, middle, [&](const Diagnostic& e) {
        return e.file == d.file && e.line == d.line && e.column == d.column;
      });
    });
    diagnostics_.erase(repeated, diagnostics_.end());
  }

  static std::optional<std::string> scalar(const YAML::Node& map, const char* key) {
    const YAML::Node v = map[key];
    if (!v || !v.IsScalar() || v.Scalar().empty()) return std::nullopt;
    return v.Scalar();
  }

  // A bot ties together the universe, a template and the risk policy; each
  // problem points at the bot's key that names the missing or wrong thing.
  void cross_check(const YAML::Node& root, const BotUniverse* universe, const RiskPolicy* policy,
                   const Configuration& config, Reporter& r) {
    const UniverseMember* member = universe ? find_member(root, *universe, r) : nullptr;
    const auto underlying = scalar(root, "underlying").value_or("");
    if (const auto name = scalar(root, "strategy")) {
      if (std::find(declared_templates_.begin(), declared_templates_.end(), *name) ==
          declared_templates_.end())
        r.error(root["strategy"].Mark(), "unknown strategy template '" + *name + "'" +
                                             suggestion_suffix(*name, declared_templates_));
      const StrategyTemplate* strategy = config.strategy(*name);
      if (member && strategy && strategy->underlying_class != member->asset_class)
        r.error(root["strategy"].Mark(), "strategy template '" + *name + "' is for " +
                                             std::string(name_of(strategy->underlying_class)) +
                                             ", but underlying '" + underlying + "' is " +
                                             std::string(name_of(member->asset_class)));
    }
    const auto venue_name = scalar(root, "venue");
    const auto venue = venue_name ? parse_name<VenueId>(*venue_name) : std::nullopt;
    if (member && venue && !venue_trades(*venue, member->asset_class))
      r.error(root["venue"].Mark(), "venue '" + *venue_name + "' does not trade " +
                                        std::string(name_of(member->asset_class)) +
                                        " (underlying '" + underlying + "')");
    check_risk(root, policy, r);
  }

  // The bot's underlying in its universe, reporting a wrong universe or a
  // symbol not listed; null also when the member's own class is unsound.
  static const UniverseMember* find_member(const YAML::Node& root, const BotUniverse& bu,
                                           Reporter& r) {
    const Universe& universe = bu.universe;
    if (const auto name = scalar(root, "universe"); name && *name != universe.name) {
      r.error(root["universe"].Mark(),
              "unknown universe '" + *name + "'" + suggestion_suffix(*name, {universe.name}));
      return nullptr;
    }
    const auto underlying = scalar(root, "underlying");
    if (!underlying) return nullptr;
    const UniverseMember* member = universe.find(*underlying);
    if (!member) {
      std::vector<std::string> symbols;
      for (const auto& u : universe.underlyings) symbols.push_back(u.symbol);
      r.error(root["underlying"].Mark(), "underlying '" + *underlying + "' is not in universe '" +
                                             universe.name + "'" +
                                             suggestion_suffix(*underlying, symbols));
      return nullptr;
    }
    const bool unsound =
        std::find(bu.unsound.begin(), bu.unsound.end(), member->symbol) != bu.unsound.end();
    return unsound ? nullptr : member;
  }

  static void check_risk(const YAML::Node& root, const RiskPolicy* policy, Reporter& r) {
    const auto risk_text = scalar(root, "risk_pct");
    const auto risk = risk_text ? parse_number(*risk_text) : std::nullopt;
    if (policy && risk && *risk > policy->trade.max_loss_per_trade_pct)
      r.error(root["risk_pct"].Mark(),
              "risk_pct (" + *risk_text + ") exceeds the risk policy's max_loss_per_trade_pct (" +
                  format_number(policy->trade.max_loss_per_trade_pct) + ")");
  }

  fs::path folder_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<SourceText> texts_;
  std::vector<std::string> declared_templates_;
};

}  // namespace

LoadResult load_config_folder(const std::filesystem::path& folder) {
  return FolderLoader(folder).run();
}

}  // namespace dorado::config
