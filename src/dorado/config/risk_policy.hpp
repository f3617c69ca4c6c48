#pragma once
// risk_policy.yaml: the limits every trade and the whole book respect.
// Every *_pct is percent of account equity.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "dorado/config/number_range.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/enum_names.hpp"

namespace dorado::config {

enum class BreakerAction { HaltNewTrades, HaltAllBots, ReduceSizing50 };

struct LossBreaker {
  double threshold_pct = 0;
  BreakerAction action = BreakerAction::HaltNewTrades;
};

struct HighVolBreaker {
  double vix_above = 0;
  double sizing_multiplier = 1;
};

struct CrisisHalt {
  std::vector<std::string> macro_regimes;
  BreakerAction action = BreakerAction::HaltAllBots;
};

struct RiskPolicy {
  struct Account {
    std::string base_currency = "USD";
    double starting_equity = 0;
  } account;

  struct Trade {
    double max_loss_per_trade_pct = 0;
    SizingMethod sizing_method = SizingMethod::FixedRiskPct;
    double crypto_max_position_pct = 3;
    double min_data_quality = 0;  // 0..1
  } trade;

  struct Portfolio {
    double max_heat_pct = 0;
    double max_single_underlying_pct = 0;
    std::map<AssetClass, double> max_asset_class_pct;
    double max_correlated_cluster_pct = 0;
    double correlation_threshold = 0;
    NumberRange net_vega_range_pct;
    NumberRange net_delta_range_pct;
    double min_cash_pct = 0;
  } portfolio;

  struct CircuitBreakers {
    LossBreaker daily_loss;
    LossBreaker weekly_loss;
    LossBreaker drawdown_from_peak;
    HighVolBreaker high_vol;
    CrisisHalt crisis_halt;
  } circuit_breakers;

  std::chrono::seconds approval_timeout = std::chrono::hours(4);
};

}  // namespace dorado::config

namespace dorado {

template <>
struct EnumNames<config::BreakerAction> {
  static constexpr std::array<std::pair<config::BreakerAction, std::string_view>, 3> table{{
      {config::BreakerAction::HaltNewTrades, "halt_new_trades"},
      {config::BreakerAction::HaltAllBots, "halt_all_bots"},
      {config::BreakerAction::ReduceSizing50, "reduce_sizing_50"},
  }};
};

}  // namespace dorado
