#include "dorado/config/decode.hpp"

#include "dorado/config/schema.hpp"

namespace dorado::config {
namespace {

// The child `key` of `map`, or a null node when absent (yaml-cpp's const
// operator[] yields an invalid node that throws when indexed further).
YAML::Node child(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return YAML::Node();
  const YAML::Node v = map[key];
  return v ? v : YAML::Node();
}

bool has(const YAML::Node& map, const char* key) {
  return !child(map, key).IsNull();
}

std::string str(const YAML::Node& map, const char* key, std::string fallback = "") {
  const YAML::Node v = child(map, key);
  return v.IsScalar() ? v.Scalar() : fallback;
}

std::optional<double> opt_num(const YAML::Node& map, const char* key) {
  const YAML::Node v = child(map, key);
  return v.IsScalar() ? parse_number(v.Scalar()) : std::nullopt;
}

double num(const YAML::Node& map, const char* key, double fallback = 0) {
  return opt_num(map, key).value_or(fallback);
}

std::optional<int> opt_int(const YAML::Node& map, const char* key) {
  const YAML::Node v = child(map, key);
  if (!v.IsScalar()) return std::nullopt;
  const auto i = parse_integer(v.Scalar());
  return i ? std::optional<int>(static_cast<int>(*i)) : std::nullopt;
}

std::optional<long long> opt_int64(const YAML::Node& map, const char* key) {
  const YAML::Node v = child(map, key);
  return v.IsScalar() ? parse_integer(v.Scalar()) : std::nullopt;
}

int whole(const YAML::Node& map, const char* key, int fallback) {
  return opt_int(map, key).value_or(fallback);
}

bool flag_or(const YAML::Node& map, const char* key, bool fallback) {
  const YAML::Node v = child(map, key);
  return v.IsScalar() ? parse_flag(v.Scalar()).value_or(fallback) : fallback;
}

template <typename E>
E enum_or(const YAML::Node& map, const char* key, E fallback) {
  const YAML::Node v = child(map, key);
  return v.IsScalar() ? parse_name<E>(v.Scalar()).value_or(fallback) : fallback;
}

std::optional<NumberRange> opt_range(const YAML::Node& map, const char* key) {
  const YAML::Node v = child(map, key);
  if (!v.IsSequence() || v.size() != 2) return std::nullopt;
  const auto lo = parse_number(v[0].Scalar());
  const auto hi = parse_number(v[1].Scalar());
  if (!lo || !hi) return std::nullopt;
  return NumberRange{*lo, *hi};
}

std::vector<std::string> strings(const YAML::Node& map, const char* key) {
  std::vector<std::string> out;
  const YAML::Node v = child(map, key);
  if (v.IsSequence())
    for (const auto& item : v) out.push_back(item.Scalar());
  return out;
}

std::string resolve_sqlite(const std::string& url, const std::filesystem::path& folder) {
  constexpr std::string_view scheme = "sqlite://";
  if (url.compare(0, scheme.size(), scheme) != 0) return url;
  const std::filesystem::path path = url.substr(scheme.size());
  if (path == ":memory:" || path.is_absolute()) return url;
  return std::string(scheme) + (folder / path).lexically_normal().string();
}

// ---- options ---------------------------------------------------------------

OptionRules decode_option_rules(const YAML::Node& root) {
  OptionRules o;
  const YAML::Node expiration = child(root, "expiration");
  o.expiration.dte_range = opt_range(expiration, "dte_range").value_or(NumberRange{});
  o.expiration.prefer_dte = opt_int(expiration, "prefer_dte");

  const YAML::Node legs = child(root, "legs");
  if (legs.IsMap()) {
    for (const auto& entry : legs) {
      LegRule leg;
      leg.role = entry.first.Scalar();
      leg.right = leg.role.ends_with("_put") ? OptionRight::Put : OptionRight::Call;
      leg.side = leg.role.starts_with("short_") ? LegSide::Short : LegSide::Long;
      leg.delta = opt_num(entry.second, "delta");
      leg.width = opt_num(entry.second, "width");
      leg.quantity = whole(entry.second, "quantity", 1);
      o.legs.push_back(leg);
    }
  }

  const YAML::Node entry = child(root, "entry");
  o.entry.min_credit_to_width = opt_num(entry, "min_credit_to_width");
  o.entry.max_spread_pct = opt_num(entry, "max_spread_pct");
  const YAML::Node gates = child(entry, "gates");
  const YAML::Node vol = child(gates, "volatility");
  o.entry.volatility.iv_rank_min = opt_num(vol, "iv_rank_min");
  o.entry.volatility.term_structure_contango_min = opt_num(vol, "term_structure_contango_min");
  o.entry.volatility.vix_range = opt_range(vol, "vix_range");
  const YAML::Node tech = child(gates, "technical");
  o.entry.technical.adx_max = opt_num(tech, "adx_max");
  if (has(tech, "atr_channel")) {
    const YAML::Node ch = child(tech, "atr_channel");
    o.entry.technical.atr_channel =
        AtrChannel{whole(ch, "ma_period", 20), whole(ch, "atr_period", 14), num(ch, "width_atr", 2),
                   whole(ch, "lookback_days", 10)};
  }
  o.entry.technical.hurst_max = opt_num(tech, "hurst_max");
  o.entry.technical.sr_buffer_atr = opt_num(tech, "sr_buffer_atr");

  const YAML::Node m = child(root, "management");
  o.management.profit_target_pct = num(m, "profit_target_pct", 50);
  o.management.stop_loss_pct = num(m, "stop_loss_pct", 200);
  o.management.dte_exit = opt_int(m, "dte_exit");
  o.management.short_strike_breach =
      enum_or(m, "short_strike_breach", BreachAction::CloseTestedSide);
  o.management.iv_rank_spike_exit = opt_num(m, "iv_rank_spike_exit");

  const YAML::Node sizing = child(root, "sizing");
  o.sizing.method = enum_or(sizing, "method", SizingMethod::FixedRiskPct);
  o.sizing.max_contracts = opt_int(sizing, "max_contracts");
  o.call_strike_floor = enum_or(child(root, "covered_call"), "strike_floor", CallStrikeFloor::None);
  return o;
}

// ---- momentum ----------------------------------------------------------------

MomentumRules decode_momentum_rules(const YAML::Node& root) {
  MomentumRules r;
  const YAML::Node signal = child(root, "signal");
  r.signal.ema_fast = opt_int(signal, "ema_fast");
  r.signal.ema_slow = opt_int(signal, "ema_slow");
  r.signal.adx_period = opt_int(signal, "adx_period");
  r.signal.adx_min = opt_num(signal, "adx_min");
  r.signal.hurst_window = opt_int(signal, "hurst_window");
  r.signal.hurst_entry_min = opt_num(signal, "hurst_entry_min");
  r.signal.direction = enum_or(signal, "direction", TradeDirection::Both);

  const YAML::Node filters = child(root, "filters");
  if (has(filters, "funding_rate")) {
    const YAML::Node f = child(filters, "funding_rate");
    r.filters.funding_rate = FundingFilter{num(f, "max_long_pct"), num(f, "min_short_pct")};
  }
  r.filters.realized_vol_range_pct = opt_range(filters, "realized_vol_range_pct");

  const YAML::Node entry = child(root, "entry");
  r.entry.order_type = enum_or(entry, "order_type", EntryOrderType::Limit);
  r.entry.limit_offset_atr = num(entry, "limit_offset_atr", 0);
  r.entry.atr_period = whole(entry, "atr_period", 14);
  r.entry.expire_after_hours = opt_num(entry, "expire_after_hours");

  const YAML::Node exit = child(root, "exit");
  r.exit.stop_atr = num(exit, "stop_atr");
  r.exit.target_atr = opt_num(exit, "target_atr");
  if (has(exit, "trailing_stop")) {
    const YAML::Node t = child(exit, "trailing_stop");
    r.exit.trailing_stop = TrailingStop{num(t, "activation_atr"), num(t, "trail_atr")};
  }
  r.exit.time_exit_days = opt_int(exit, "time_exit_days");
  r.exit.vol_z_exit = opt_num(exit, "vol_z_exit");
  r.exit.hurst_exit_below = opt_num(exit, "hurst_exit_below");

  const YAML::Node sizing = child(root, "sizing");
  r.sizing.method = enum_or(sizing, "method", SizingMethod::VolAdjusted);
  r.sizing.max_leverage = opt_num(sizing, "max_leverage");
  r.sizing.max_position_pct = opt_num(sizing, "max_position_pct");
  return r;
}

LossBreaker decode_loss_breaker(const YAML::Node& map) {
  return LossBreaker{num(map, "threshold"), enum_or(map, "action", BreakerAction::HaltNewTrades)};
}

}  // namespace

Settings decode_settings(const YAML::Node& root, const std::filesystem::path& folder) {
  const std::filesystem::path base = std::filesystem::absolute(folder).lexically_normal();
  Settings s;
  s.user_id = str(root, "user_id", "default");
  const std::filesystem::path data = str(root, "data_dir", "data");
  s.data_dir = (data.is_absolute() ? data : base / data).lexically_normal();
  s.store_url = resolve_sqlite(str(child(root, "store"), "url", "sqlite://data/dorado.db"), base);
  s.cache_url = str(child(root, "cache"), "url", "memory://");
  const YAML::Node market = child(root, "market_data");
  s.market_data.source = enum_or(market, "source", MarketDataSource::Synthetic);
  s.market_data.seed = static_cast<std::uint64_t>(opt_int64(market, "seed").value_or(42));
  return s;
}

Universe decode_universe(const YAML::Node& root) {
  const YAML::Node u = child(root, "universe");
  Universe out;
  out.name = str(u, "name");
  out.description = str(u, "description");
  const YAML::Node items = child(u, "underlyings");
  if (items.IsSequence()) {
    for (const auto& item : items) {
      UniverseMember m;
      m.symbol = str(item, "symbol");
      m.asset_class = enum_or(item, "asset_class", AssetClass::EquityOptions);
      m.venue = enum_or(item, "venue", VenueId::Paper);
      m.data_symbol = str(item, "data_symbol", m.symbol);
      m.description = str(item, "description");
      m.cluster = str(item, "cluster", m.symbol);
      m.contract_multiplier =
          num(item, "contract_multiplier", m.asset_class == AssetClass::EquityOptions ? 100 : 1);
      m.enabled = flag_or(item, "enabled", true);
      out.underlyings.push_back(m);
    }
  }
  return out;
}

BotConfig decode_bot(const YAML::Node& root) {
  BotConfig b;
  b.id = str(root, "id");
  b.name = str(root, "name", b.id);
  b.universe = str(root, "universe");
  b.underlying = str(root, "underlying");
  b.strategy = str(root, "strategy");
  b.venue = enum_or(root, "venue", VenueId::Paper);
  b.venue_mode = enum_or(root, "venue_mode", VenueMode::Simulation);
  b.signal_mode = enum_or(root, "signal_mode", SignalMode::Scan);
  b.approval_mode = enum_or(root, "approval_mode", ApprovalMode::HumanRequired);
  b.risk_pct = num(root, "risk_pct");
  b.max_positions = whole(root, "max_positions", 1);
  b.enabled = flag_or(root, "enabled", true);
  return b;
}

StrategyTemplate decode_template(const YAML::Node& root) {
  StrategyTemplate t;
  t.name = str(root, "name");
  t.version = whole(root, "version", 1);
  t.description = str(root, "description");
  t.underlying_class = enum_or(root, "underlying_class", AssetClass::EquityOptions);
  t.structure = enum_or(root, "structure", Structure::IronCondor);
  t.regimes_allowed = strings(root, "regimes_allowed");
  if (t.underlying_class == AssetClass::EquityOptions)
    t.rules = decode_option_rules(root);
  else
    t.rules = decode_momentum_rules(root);
  return t;
}

RiskPolicy decode_risk_policy(const YAML::Node& root) {
  RiskPolicy p;
  const YAML::Node account = child(root, "account");
  p.account.base_currency = str(account, "base_currency", "USD");
  p.account.starting_equity = num(account, "starting_equity");

  const YAML::Node trade = child(root, "trade");
  p.trade.max_loss_per_trade_pct = num(trade, "max_loss_per_trade_pct");
  p.trade.sizing_method = enum_or(trade, "sizing_method", SizingMethod::FixedRiskPct);
  p.trade.crypto_max_position_pct = num(trade, "crypto_max_position_pct", 3);
  p.trade.min_data_quality = num(trade, "min_data_quality", 0);

  const YAML::Node pf = child(root, "portfolio");
  p.portfolio.max_heat_pct = num(pf, "max_heat_pct");
  p.portfolio.max_single_underlying_pct = num(pf, "max_single_underlying_pct");
  const YAML::Node classes = child(pf, "max_asset_class_pct");
  if (classes.IsMap())
    for (const auto& entry : classes)
      if (auto c = parse_name<AssetClass>(entry.first.Scalar()))
        p.portfolio.max_asset_class_pct[*c] = parse_number(entry.second.Scalar()).value_or(0);
  p.portfolio.max_correlated_cluster_pct =
      num(pf, "max_correlated_cluster_pct", p.portfolio.max_heat_pct);
  p.portfolio.correlation_threshold = num(pf, "correlation_threshold", 0.7);
  p.portfolio.net_vega_range_pct = opt_range(pf, "net_vega_range_pct").value_or(NumberRange{});
  p.portfolio.net_delta_range_pct = opt_range(pf, "net_delta_range_pct").value_or(NumberRange{});
  p.portfolio.min_cash_pct = num(pf, "min_cash_pct", 0);

  const YAML::Node cb = child(root, "circuit_breakers");
  p.circuit_breakers.daily_loss = decode_loss_breaker(child(cb, "daily_loss_pct"));
  p.circuit_breakers.weekly_loss = decode_loss_breaker(child(cb, "weekly_loss_pct"));
  p.circuit_breakers.drawdown_from_peak = decode_loss_breaker(child(cb, "drawdown_from_peak_pct"));
  const YAML::Node hv = child(cb, "high_vol");
  p.circuit_breakers.high_vol =
      HighVolBreaker{num(hv, "vix_above"), num(hv, "sizing_multiplier", 1)};
  const YAML::Node crisis = child(cb, "crisis_halt");
  p.circuit_breakers.crisis_halt.macro_regimes = strings(crisis, "macro_regimes");
  p.circuit_breakers.crisis_halt.action = enum_or(crisis, "action", BreakerAction::HaltAllBots);

  const YAML::Node approval = child(root, "approval");
  if (const YAML::Node t = child(approval, "timeout"); t.IsScalar())
    if (auto seconds = parse_duration_seconds(t.Scalar()))
      p.approval_timeout = std::chrono::seconds(*seconds);
  return p;
}

ScoringWeights decode_scoring_weights(const YAML::Node& root) {
  ScoringWeights w;
  const YAML::Node o = child(root, "weights");
  w.weights = {num(o, "data_quality"), num(o, "credit_to_width"), num(o, "sr_alignment"),
               num(o, "dte_preference"), num(o, "spread_tightness")};
  const YAML::Node x = child(root, "exclusions");
  w.exclusions = {opt_num(x, "min_data_quality"), opt_num(x, "max_spread_pct"),
                  opt_int(x, "min_open_interest"), opt_num(x, "min_credit_to_width")};
  const YAML::Node d = child(root, "directional_weights");
  w.directional_weights = {num(d, "reward_risk_atr"), num(d, "trend_strength"),
                           num(d, "regime_confidence")};
  return w;
}

}  // namespace dorado::config
