#include "dorado/config/schemas.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "dorado/config/bot.hpp"
#include "dorado/config/risk_policy.hpp"
#include "dorado/config/settings.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/regime.hpp"
#include "dorado/domain/venue.hpp"

namespace dorado::config {
namespace {

// ---- value checks ----------------------------------------------------------

// Ids end up in cache keys (bot:state:{id}) and file names.
TextRule slug(std::string what) {
  return [what](const std::string& v) -> std::optional<std::string> {
    const bool ok = std::all_of(v.begin(), v.end(), [](unsigned char c) {
      return std::islower(c) || std::isdigit(c) || c == '-' || c == '_';
    });
    if (ok) return std::nullopt;
    return what + " '" + v + "' may use only a-z, 0-9, '-' and '_'";
  };
}

TextRule currency_code() {
  return [](const std::string& v) -> std::optional<std::string> {
    const bool ok = v.size() == 3 && std::all_of(v.begin(), v.end(),
                                                 [](unsigned char c) { return std::isupper(c); });
    if (ok) return std::nullopt;
    return "base_currency must be a 3-letter ISO code such as USD, got '" + v + "'";
  };
}

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

TextRule store_url() {
  return [](const std::string& v) -> std::optional<std::string> {
    if (starts_with(v, "sqlite://") && v.size() > 9) return std::nullopt;
    if (starts_with(v, "postgres://") || starts_with(v, "postgresql://")) return std::nullopt;
    return "unsupported store url '" + v + "' (expected sqlite://PATH or postgres://...)";
  };
}

TextRule cache_url() {
  return [](const std::string& v) -> std::optional<std::string> {
    if (v == "memory://") return std::nullopt;
    if (starts_with(v, "redis://") && v.size() > 8) return std::nullopt;
    return "unsupported cache url '" + v + "' (expected memory:// or redis://host:port)";
  };
}

// ---- rules -------------------------------------------------------------------

// An underlying must trade where it is listed.
void venue_trades_class(const YAML::Node& item, const YAML::Mark&, Reporter& r) {
  const YAML::Node venue = item["venue"];
  const YAML::Node cls = item["asset_class"];
  if (!venue || !cls) return;
  const auto v = parse_name<VenueId>(venue.Scalar());
  const auto c = parse_name<AssetClass>(cls.Scalar());
  if (v && c && !venue_trades(*v, *c))
    r.error(venue.Mark(), "venue '" + venue.Scalar() + "' does not trade " + cls.Scalar());
}

void unique_symbols(const YAML::Node& universe, const YAML::Mark&, Reporter& r) {
  const YAML::Node items = universe["underlyings"];
  if (!items || !items.IsSequence()) return;
  std::map<std::string, int> first_line;
  for (const auto& item : items) {
    const YAML::Node symbol = item["symbol"];
    if (!symbol || !symbol.IsScalar()) continue;
    auto [it, fresh] = first_line.emplace(symbol.Scalar(), symbol.Mark().line + 1);
    if (!fresh)
      r.error(symbol.Mark(), "duplicate symbol '" + symbol.Scalar() + "' (first on line " +
                                 std::to_string(it->second) + ")");
  }
}

// Puts have negative deltas, calls positive; a leg is chosen by delta or by
// width, not both.
void leg_rules(const YAML::Node& legs, const YAML::Mark&, Reporter& r) {
  for (const auto& entry : legs) {
    const std::string role = entry.first.Scalar();
    const bool put = role.ends_with("_put");
    const YAML::Node delta = entry.second["delta"];
    const YAML::Node width = entry.second["width"];
    if (delta && !delta.IsNull()) {
      const auto d = parse_number(delta.Scalar());
      if (d && (put ? *d >= 0 : *d <= 0))
        r.error(delta.Mark(), role + " is a " + (put ? "put" : "call") + ": its delta must be " +
                                  (put ? "negative" : "positive") + ", got " + delta.Scalar());
    }
    if (delta && !delta.IsNull() && width && !width.IsNull())
      r.error(width.Mark(), role + " has both delta and width; choose the strike by one of them");
  }
}

void prefer_within_range(const YAML::Node& expiration, const YAML::Mark&, Reporter& r) {
  const YAML::Node range = expiration["dte_range"];
  const YAML::Node prefer = expiration["prefer_dte"];
  if (!range || !prefer || !range.IsSequence() || !prefer.IsScalar()) return;
  const auto lo = parse_number(range[0].Scalar());
  const auto hi = parse_number(range[1].Scalar());
  const auto p = parse_number(prefer.Scalar());
  if (lo && hi && p && (*p < *lo || *p > *hi))
    r.error(prefer.Mark(), "prefer_dte (" + prefer.Scalar() + ") must be within dte_range [" +
                               range[0].Scalar() + ", " + range[1].Scalar() + "]");
}

// ---- shared pieces -------------------------------------------------------------

std::vector<std::string> leg_roles() {
  return {"short_put", "long_put", "short_call", "long_call"};
}

Field percent(std::string name) {
  return number(std::move(name)).between(0, 100);
}
Field positive_percent(std::string name) {
  return number(std::move(name)).above(0).at_most(100);
}
Field fraction(std::string name) {
  return number(std::move(name)).between(0, 1);
}

Field loss_breaker(std::string name) {
  return section(std::move(name), {
                                      positive_percent("threshold").required(),
                                      choice_of<BreakerAction>("action").required(),
                                  });
}

std::vector<Field> common_template_fields() {
  Schema override_value;  // walked separately, against the template's own schema
  return {
      text("name").required().check(slug("template name")),
      integer("version").at_least(1),
      text("description"),
      choice_of<AssetClass>("underlying_class").required(),
      choice_of<Structure>("structure").required(),
      regime_list("regimes_allowed").required().non_empty(),
      regime_dict("regime_overrides", override_value),
      anything("code_hook"),
  };
}

std::vector<Field> option_template_fields() {
  return {
      section("expiration",
              {
                  range("dte_range").whole_numbers().between(0, 1000).required(),
                  integer("prefer_dte").between(0, 1000),
              })
          .required()
          .rule(prefer_within_range),
      dict("legs", leg_roles(),
           mapping({
               number("delta").between(-1, 1),
               number("width").above(0),
               integer("quantity").at_least(1),
           }))
          .required()
          .rule(leg_rules),
      section(
          "entry",
          {
              number("min_credit_to_width").above(0).at_most(1),
              positive_percent("max_spread_pct"),
              section("gates",
                      {
                          section("volatility",
                                  {
                                      percent("iv_rank_min"),
                                      number("term_structure_contango_min").above(0),
                                      range("vix_range").between(0, 200),
                                  }),
                          section("technical",
                                  {
                                      percent("adx_max"),
                                      section("atr_channel",
                                              {
                                                  integer("ma_period").at_least(2).required(),
                                                  integer("atr_period").at_least(1).required(),
                                                  number("width_atr").above(0).required(),
                                                  integer("lookback_days").at_least(1).required(),
                                              }),
                                      fraction("hurst_max"),
                                      number("sr_buffer_atr").at_least(0),
                                  }),
                      }),
          })
          .required(),
      section("management",
              {
                  positive_percent("profit_target_pct").required(),
                  number("stop_loss_pct").above(0).at_most(1000).required(),
                  integer("dte_exit").at_least(0),
                  choice_of<BreachAction>("short_strike_breach"),
                  positive_percent("iv_rank_spike_exit"),
              })
          .required(),
      section("sizing",
              {
                  choice_of<SizingMethod>("method").required(),
                  integer("max_contracts").at_least(1),
              })
          .required(),
      section("covered_call", {choice_of<CallStrikeFloor>("strike_floor").required()}),
  };
}

Field momentum_entry() {
  return section("entry",
                 {
                     choice_of<EntryOrderType>("order_type"),
                     number("limit_offset_atr").at_least(0),
                     integer("atr_period").at_least(1),
                     number("expire_after_hours").above(0),
                 })
      .required();
}

Field trailing_stop() {
  return section("trailing_stop", {
                                      number("activation_atr").at_least(0).required(),
                                      number("trail_atr").above(0).required(),
                                  });
}

std::vector<Field> fx_template_fields() {
  return {
      section("signal",
              {
                  integer("ema_fast").at_least(1).required(),
                  integer("ema_slow").at_least(2).required(),
                  integer("adx_period").at_least(1),
                  percent("adx_min").required(),
                  choice_of<TradeDirection>("direction"),
              })
          .required()
          .rule(ordered("ema_fast", "ema_slow", true)),
      momentum_entry(),
      section("exit",
              {
                  number("stop_atr").above(0).required(),
                  number("target_atr").above(0),
                  trailing_stop(),
                  integer("time_exit_days").at_least(1),
                  number("vol_z_exit").above(0),
              })
          .required(),
      section("sizing",
              {
                  choice_of<SizingMethod>("method").required(),
                  number("max_leverage").above(0).at_most(50),
              })
          .required(),
  };
}

std::vector<Field> crypto_template_fields() {
  return {
      section("signal",
              {
                  integer("hurst_window").at_least(20).required(),
                  fraction("hurst_entry_min").required(),
                  integer("ema_fast").at_least(1),
                  integer("ema_slow").at_least(2),
                  choice_of<TradeDirection>("direction"),
              })
          .required()
          .rule(ordered("ema_fast", "ema_slow", true)),
      section("filters",
              {
                  section("funding_rate",
                          {
                              number("max_long_pct").required(),
                              number("min_short_pct").required(),
                          })
                      .rule(ordered("min_short_pct", "max_long_pct")),
                  range("realized_vol_range_pct").between(0, 1000),
              }),
      momentum_entry(),
      section("exit",
              {
                  number("stop_atr").above(0).required(),
                  number("target_atr").above(0),
                  trailing_stop(),
                  fraction("hurst_exit_below"),
                  integer("time_exit_days").at_least(1),
              })
          .required(),
      section("sizing",
              {
                  choice_of<SizingMethod>("method").required(),
                  positive_percent("max_position_pct").required(),
              })
          .required(),
  };
}

Schema join(std::vector<Field> a, const std::vector<Field>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return mapping(std::move(a));
}

}  // namespace

const Schema& settings_schema() {
  static const Schema s = mapping({
      text("user_id").check(slug("user_id")),
      text("data_dir"),
      section("store", {text("url").required().check(store_url())}),
      section("cache", {text("url").required().check(cache_url())}),
      section("market_data",
              {choice_of<MarketDataSource>("source").required(), integer("seed").at_least(0)}),
  });
  return s;
}

const Schema& universe_schema() {
  static const Schema s = mapping({
      section("universe",
              {
                  text("name").required(),
                  text("description"),
                  list("underlyings", mapping(
                                          {
                                              text("symbol").required(),
                                              choice_of<AssetClass>("asset_class").required(),
                                              choice_of<VenueId>("venue").required(),
                                              text("data_symbol").required(),
                                              text("description"),
                                              text("cluster"),
                                              number("contract_multiplier").above(0),
                                              flag("enabled"),
                                          },
                                          {venue_trades_class}))
                      .required()
                      .non_empty(),
              })
          .required()
          .rule(unique_symbols),
  });
  return s;
}

const Schema& bot_schema() {
  static const Schema s = mapping({
      text("id").required().check(slug("bot id")),
      text("name"),
      text("universe").required(),
      text("underlying").required(),
      text("strategy").required(),
      choice_of<VenueId>("venue").required(),
      choice_of<VenueMode>("venue_mode").required(),
      choice_of<SignalMode>("signal_mode"),
      choice_of<ApprovalMode>("approval_mode"),
      positive_percent("risk_pct").required(),
      integer("max_positions").at_least(1),
      flag("enabled"),
  });
  return s;
}

const Schema& risk_policy_schema() {
  static const Schema s = mapping({
      section("account",
              {
                  text("base_currency").required().check(currency_code()),
                  number("starting_equity").above(0).required(),
              })
          .required(),
      section("trade",
              {
                  positive_percent("max_loss_per_trade_pct").required(),
                  choice_of<SizingMethod>("sizing_method").required(),
                  positive_percent("crypto_max_position_pct").required(),
                  fraction("min_data_quality"),
              })
          .required(),
      section("portfolio",
              {
                  positive_percent("max_heat_pct").required(),
                  positive_percent("max_single_underlying_pct").required(),
                  dict("max_asset_class_pct", names_of<AssetClass>(),
                       value_of(positive_percent("max_asset_class_pct"))),
                  positive_percent("max_correlated_cluster_pct"),
                  fraction("correlation_threshold"),
                  range("net_vega_range_pct").between(-100, 100),
                  range("net_delta_range_pct").between(-1000, 1000),
                  percent("min_cash_pct"),
              })
          .required()
          .rule(ordered("max_single_underlying_pct", "max_heat_pct")),
      section("circuit_breakers",
              {
                  loss_breaker("daily_loss_pct").required(),
                  loss_breaker("weekly_loss_pct"),
                  loss_breaker("drawdown_from_peak_pct").required(),
                  section("high_vol",
                          {
                              number("vix_above").above(0).required(),
                              number("sizing_multiplier").above(0).at_most(1).required(),
                          }),
                  section("crisis_halt",
                          {
                              regime_list("macro_regimes").required().non_empty(),
                              choice_of<BreakerAction>("action").required(),
                          }),
              })
          .required(),
      section("approval", {duration("timeout").above(0)}),
  });
  return s;
}

const Schema& scoring_weights_schema() {
  static const Schema s = mapping({
      section("weights",
              {
                  fraction("data_quality").required(),
                  fraction("credit_to_width").required(),
                  fraction("sr_alignment").required(),
                  fraction("dte_preference").required(),
                  fraction("spread_tightness").required(),
              })
          .required()
          .rule(sums_to_one("weights")),
      section("exclusions",
              {
                  fraction("min_data_quality"),
                  positive_percent("max_spread_pct"),
                  integer("min_open_interest").at_least(0),
                  number("min_credit_to_width").at_least(0).at_most(1),
              }),
      section("directional_weights",
              {
                  fraction("reward_risk_atr").required(),
                  fraction("trend_strength").required(),
                  fraction("regime_confidence").required(),
              })
          .required()
          .rule(sums_to_one("directional_weights")),
  });
  return s;
}

const Schema& template_schema(std::optional<AssetClass> underlying_class) {
  static const Schema options = join(common_template_fields(), option_template_fields());
  static const Schema fx = join(common_template_fields(), fx_template_fields());
  static const Schema crypto = join(common_template_fields(), crypto_template_fields());
  // Without a known class every class's sections are accepted unchecked, so
  // the only reports are about the common keys.
  static const Schema unknown = [] {
    std::vector<Field> fields = common_template_fields();
    for (const char* name :
         {"expiration", "legs", "entry", "management", "sizing", "signal", "filters", "exit"})
      fields.push_back(anything(name));
    return mapping(std::move(fields));
  }();
  if (!underlying_class) return unknown;
  switch (*underlying_class) {
    case AssetClass::EquityOptions:
      return options;
    case AssetClass::Fx:
      return fx;
    case AssetClass::Crypto:
      return crypto;
  }
  return unknown;
}

WalkOptions regime_walk(AssetClass underlying_class) {
  switch (underlying_class) {
    case AssetClass::Fx:
      return {names_of<FxRegime>(), "fx", false};
    case AssetClass::Crypto:
      return {names_of<CryptoRegime>(), "crypto", false};
    case AssetClass::EquityOptions:
      break;
  }
  return macro_walk();
}

WalkOptions macro_walk() {
  return {names_of<MacroRegime>(), "macro", false};
}

}  // namespace dorado::config
