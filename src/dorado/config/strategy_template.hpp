#pragma once
// strategies/*.yaml: what to trade and how to manage it, independent of the
// underlying. Options templates describe legs and management rules; FX and
// crypto templates describe a directional momentum trade with ATR exits.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dorado/config/number_range.hpp"
#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/option_right.hpp"

namespace dorado::config {

enum class Structure { IronCondor, ShortPut, PutVertical, CoveredCall, Wheel, Momentum };
enum class SizingMethod { FixedRiskPct, VolAdjusted, AdaptiveRules };
enum class BreachAction { CloseTestedSide, CloseAll, AlertOnly };
enum class TradeDirection { Long, Short, Both };
enum class EntryOrderType { Limit, Market };
enum class LegSide { Long, Short };
// Covered call and the wheel's call phase: whether the short call may be
// struck below what the shares cost (assignment would then lock in a loss).
enum class CallStrikeFloor { None, CostBasis };

// ---- options -----------------------------------------------------------

struct ExpirationRule {
  NumberRange dte_range;  // days to expiration at entry
  std::optional<int> prefer_dte;
};

// A short leg is chosen by delta; a long (wing) leg by its width in strike
// points beyond the short leg of the same right.
struct LegRule {
  std::string role;  // short_put, long_put, short_call, long_call
  OptionRight right = OptionRight::Put;
  LegSide side = LegSide::Short;
  std::optional<double> delta;
  std::optional<double> width;
  int quantity = 1;
};

struct VolatilityGate {
  std::optional<double> iv_rank_min;
  std::optional<double> term_structure_contango_min;  // VIX3M / VIX
  std::optional<NumberRange> vix_range;
};

struct AtrChannel {
  int ma_period = 20;
  int atr_period = 14;
  double width_atr = 2;
  int lookback_days = 10;
};

struct TechnicalGate {
  std::optional<double> adx_max;
  std::optional<AtrChannel> atr_channel;
  std::optional<double> hurst_max;
  std::optional<double> sr_buffer_atr;
};

struct OptionEntry {
  std::optional<double> min_credit_to_width;
  std::optional<double> max_spread_pct;
  VolatilityGate volatility;
  TechnicalGate technical;
};

struct OptionManagement {
  double profit_target_pct = 50;
  double stop_loss_pct = 200;
  std::optional<int> dte_exit;
  BreachAction short_strike_breach = BreachAction::CloseTestedSide;
  std::optional<double> iv_rank_spike_exit;  // IV-rank points above entry
};

struct OptionSizing {
  SizingMethod method = SizingMethod::FixedRiskPct;
  std::optional<int> max_contracts;
};

struct OptionRules {
  ExpirationRule expiration;
  std::vector<LegRule> legs;
  OptionEntry entry;
  OptionManagement management;
  OptionSizing sizing;
  CallStrikeFloor call_strike_floor = CallStrikeFloor::None;

  const LegRule* leg(std::string_view role) const {
    for (const auto& l : legs)
      if (l.role == role) return &l;
    return nullptr;
  }
};

// ---- FX and crypto momentum -------------------------------------------------

struct MomentumSignal {
  std::optional<int> ema_fast, ema_slow;
  std::optional<int> adx_period;
  std::optional<double> adx_min;
  std::optional<int> hurst_window;
  std::optional<double> hurst_entry_min;
  TradeDirection direction = TradeDirection::Both;
};

struct FundingFilter {  // percent per 8 hours
  double max_long_pct = 0;
  double min_short_pct = 0;
};

struct MomentumFilters {
  std::optional<FundingFilter> funding_rate;
  std::optional<NumberRange> realized_vol_range_pct;
};

struct MomentumEntry {
  EntryOrderType order_type = EntryOrderType::Limit;
  double limit_offset_atr = 0;
  int atr_period = 14;
  std::optional<double> expire_after_hours;
};

struct TrailingStop {
  double activation_atr = 0;
  double trail_atr = 0;
};

struct MomentumExit {
  double stop_atr = 0;
  std::optional<double> target_atr;
  std::optional<TrailingStop> trailing_stop;
  std::optional<int> time_exit_days;
  std::optional<double> vol_z_exit;
  std::optional<double> hurst_exit_below;
};

struct MomentumSizing {
  SizingMethod method = SizingMethod::VolAdjusted;
  std::optional<double> max_leverage;
  std::optional<double> max_position_pct;  // notional cap, % of equity
};

struct MomentumRules {
  MomentumSignal signal;
  MomentumFilters filters;
  MomentumEntry entry;
  MomentumExit exit;
  MomentumSizing sizing;
};

// ---- the template -------------------------------------------------------------

struct RegimeVariant;

struct StrategyTemplate {
  std::string name;
  int version = 1;
  std::string description;
  AssetClass underlying_class = AssetClass::EquityOptions;
  Structure structure = Structure::IronCondor;
  std::vector<std::string> regimes_allowed;  // names of the class's regime family
  std::variant<OptionRules, MomentumRules> rules;
  std::string file;  // relative path of the file it came from

  // The template with each regime override deep-merged in, validated at load.
  std::vector<RegimeVariant> regime_variants;

  bool allows(std::string_view regime) const;
  const OptionRules* options() const { return std::get_if<OptionRules>(&rules); }
  const MomentumRules* momentum() const { return std::get_if<MomentumRules>(&rules); }
};

struct RegimeVariant {
  std::string regime;
  StrategyTemplate effective;
};

// The template as it applies in `regime`: its override merged in, or the
// template itself when it has no override for that regime.
const StrategyTemplate& effective_template(const StrategyTemplate& base, std::string_view regime);

}  // namespace dorado::config

namespace dorado {

template <>
struct EnumNames<config::Structure> {
  static constexpr std::array<std::pair<config::Structure, std::string_view>, 6> table{{
      {config::Structure::IronCondor, "iron_condor"},
      {config::Structure::ShortPut, "short_put"},
      {config::Structure::PutVertical, "put_vertical"},
      {config::Structure::CoveredCall, "covered_call"},
      {config::Structure::Wheel, "wheel"},
      {config::Structure::Momentum, "momentum"},
  }};
};

template <>
struct EnumNames<config::SizingMethod> {
  static constexpr std::array<std::pair<config::SizingMethod, std::string_view>, 3> table{{
      {config::SizingMethod::FixedRiskPct, "fixed_risk_pct"},
      {config::SizingMethod::VolAdjusted, "vol_adjusted"},
      {config::SizingMethod::AdaptiveRules, "adaptive_rules"},
  }};
};

template <>
struct EnumNames<config::BreachAction> {
  static constexpr std::array<std::pair<config::BreachAction, std::string_view>, 3> table{{
      {config::BreachAction::CloseTestedSide, "close_tested_side"},
      {config::BreachAction::CloseAll, "close_all"},
      {config::BreachAction::AlertOnly, "alert_only"},
  }};
};

template <>
struct EnumNames<config::TradeDirection> {
  static constexpr std::array<std::pair<config::TradeDirection, std::string_view>, 3> table{{
      {config::TradeDirection::Long, "long"},
      {config::TradeDirection::Short, "short"},
      {config::TradeDirection::Both, "both"},
  }};
};

template <>
struct EnumNames<config::CallStrikeFloor> {
  static constexpr std::array<std::pair<config::CallStrikeFloor, std::string_view>, 2> table{{
      {config::CallStrikeFloor::None, "none"},
      {config::CallStrikeFloor::CostBasis, "cost_basis"},
  }};
};

template <>
struct EnumNames<config::EntryOrderType> {
  static constexpr std::array<std::pair<config::EntryOrderType, std::string_view>, 2> table{{
      {config::EntryOrderType::Limit, "limit"},
      {config::EntryOrderType::Market, "market"},
  }};
};

}  // namespace dorado
