#pragma once
// Builders shared by the risk tests: the shipped risk policy written out by
// hand (risk_policy_test checks it against config/risk_policy.yaml), option
// candidates on SPY, momentum candidates, templates and positions.
#include <chrono>
#include <string>
#include <vector>

#include "dorado/config/bot.hpp"
#include "dorado/config/risk_policy.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/candidate.hpp"
#include "dorado/domain/instrument.hpp"
#include "dorado/risk/portfolio_state.hpp"
#include "dorado/risk/position_risk.hpp"
#include "dorado/risk/trade_proposal.hpp"

namespace dorado::risk::testing {

using namespace std::chrono;

inline Money usd(std::string_view amount) {
  return Money::parse(amount, kUsd);
}

// config/risk_policy.yaml as shipped.
inline config::RiskPolicy shipped_policy() {
  config::RiskPolicy p;
  p.account = {"USD", 100000};
  p.trade.max_loss_per_trade_pct = 2.0;
  p.trade.sizing_method = config::SizingMethod::FixedRiskPct;
  p.trade.crypto_max_position_pct = 3.0;
  p.trade.min_data_quality = 0.8;
  p.portfolio.max_heat_pct = 10;
  p.portfolio.max_single_underlying_pct = 4;
  p.portfolio.max_asset_class_pct = {
      {AssetClass::EquityOptions, 8}, {AssetClass::Fx, 4}, {AssetClass::Crypto, 3}};
  p.portfolio.max_correlated_cluster_pct = 6;
  p.portfolio.correlation_threshold = 0.7;
  p.portfolio.net_vega_range_pct = {-1.0, 0.5};
  p.portfolio.net_delta_range_pct = {-30, 30};
  p.portfolio.min_cash_pct = 30;
  p.circuit_breakers.daily_loss = {3, config::BreakerAction::HaltNewTrades};
  p.circuit_breakers.weekly_loss = {5, config::BreakerAction::ReduceSizing50};
  p.circuit_breakers.drawdown_from_peak = {12, config::BreakerAction::HaltAllBots};
  p.circuit_breakers.high_vol = {30, 0.5};
  p.circuit_breakers.crisis_halt = {{"crisis"}, config::BreakerAction::HaltAllBots};
  return p;
}

inline const Date kExpiry = year{2024} / April / 19;
// 2024-03-11 20:00 UTC (after the NYSE close): 39 days to kExpiry.
inline const Timestamp kAsOf = sys_days{year{2024} / March / 11} + hours{20};

inline Leg option_leg(OptionRight right, Side side, std::string_view strike,
                      std::string_view underlying = "SPY", Date expiry = kExpiry) {
  const OptionContractId id{std::string(underlying), expiry, Price::parse(strike), right};
  return Leg{us_equity_option(id), side, 1};
}

inline Candidate candidate(std::string bot, std::string underlying, std::string strategy,
                           std::vector<Leg> legs, Money credit, Money max_loss,
                           double score = 0.5) {
  return Candidate{.bot_id = std::move(bot),
                   .underlying = std::move(underlying),
                   .strategy = std::move(strategy),
                   .legs = std::move(legs),
                   .net_credit = credit,
                   .max_loss = max_loss,
                   .score = score,
                   .score_components = {},
                   .gate_results = {},
                   .rejection = std::nullopt,
                   .config_hash = "sha256:test",
                   .as_of = kAsOf};
}

// A SPY iron condor: long put `lp`, short put `sp`, short call `sc`, long call `lc`.
inline TradeProposal iron_condor(std::string_view lp, std::string_view sp, std::string_view sc,
                                 std::string_view lc, std::string_view credit,
                                 std::string_view max_loss) {
  std::vector<Leg> legs{
      option_leg(OptionRight::Put, Side::Buy, lp), option_leg(OptionRight::Put, Side::Sell, sp),
      option_leg(OptionRight::Call, Side::Sell, sc), option_leg(OptionRight::Call, Side::Buy, lc)};
  return TradeProposal{
      .candidate =
          candidate("spy-ic-01", "SPY", "iron_condor", std::move(legs), usd(credit), usd(max_loss)),
      .asset_class = AssetClass::EquityOptions,
      .structure = config::Structure::IronCondor,
      .lot = Quantity::units(1),
      .notional_per_unit = usd("0"),
      .exposure_per_unit =
          {.delta_dollars = -20, .gamma_dollars = -3, .vega = -15, .theta = 4, .carry = 0},
      .data_quality = 0.95,
      .realized_vol = std::nullopt};
}

inline TradeProposal single_short(config::Structure structure, OptionRight right,
                                  std::string_view strike, std::string_view credit,
                                  std::string_view max_loss) {
  return TradeProposal{
      .candidate = candidate("spy-wheel-01", "SPY", std::string(name_of(structure)),
                             {option_leg(right, Side::Sell, strike)}, usd(credit), usd(max_loss)),
      .asset_class = AssetClass::EquityOptions,
      .structure = structure,
      .lot = Quantity::units(1),
      .notional_per_unit = usd("0"),
      .exposure_per_unit = {},
      .data_quality = 0.9,
      .realized_vol = std::nullopt};
}

// A momentum trade in one unit of `symbol` whose stop is `stop_loss` away
// (the max loss per unit) at `price` per unit.
inline TradeProposal momentum(std::string bot, std::string symbol, AssetClass asset_class,
                              std::string_view price, std::string_view stop_loss, Quantity lot,
                              std::optional<double> realized_vol) {
  Instrument inst{.symbol = symbol,
                  .asset_class = asset_class,
                  .currency = kUsd,
                  .multiplier = 1,
                  .tick_size = Price::parse("0.01"),
                  .pip_size = std::nullopt,
                  .option = std::nullopt};
  return TradeProposal{
      .candidate = candidate(std::move(bot), symbol,
                             asset_class == AssetClass::Crypto ? "crypto_momentum" : "fx_momentum",
                             {Leg{inst, Side::Buy, 1}}, usd("0"), usd(stop_loss)),
      .asset_class = asset_class,
      .structure = config::Structure::Momentum,
      .lot = lot,
      .notional_per_unit = usd(price),
      .exposure_per_unit = {},
      .data_quality = 0.9,
      .realized_vol = realized_vol};
}

inline config::StrategyTemplate iron_condor_template() {
  config::OptionRules rules;
  rules.expiration = {{30, 45}, 38};
  rules.sizing = {config::SizingMethod::FixedRiskPct, 10};
  return config::StrategyTemplate{
      .name = "iron_condor",
      .version = 1,
      .description = "",
      .underlying_class = AssetClass::EquityOptions,
      .structure = config::Structure::IronCondor,
      .regimes_allowed = {"goldilocks", "risk_on", "recovery", "transition", "risk_off"},
      .rules = rules,
      .file = "strategies/iron_condor.yaml",
      .regime_variants = {}};
}

inline config::StrategyTemplate option_template(std::string name, config::Structure structure,
                                                config::SizingMethod method) {
  auto t = iron_condor_template();
  t.name = std::move(name);
  t.structure = structure;
  std::get<config::OptionRules>(t.rules).sizing.method = method;
  return t;
}

inline config::StrategyTemplate momentum_template(AssetClass asset_class,
                                                  std::optional<double> max_position_pct,
                                                  std::optional<double> max_leverage) {
  config::MomentumRules rules;
  rules.sizing = {config::SizingMethod::VolAdjusted, max_leverage, max_position_pct};
  const bool crypto = asset_class == AssetClass::Crypto;
  return config::StrategyTemplate{
      .name = crypto ? "crypto_momentum" : "fx_momentum",
      .version = 1,
      .description = "",
      .underlying_class = asset_class,
      .structure = config::Structure::Momentum,
      .regimes_allowed = crypto ? std::vector<std::string>{"strong_trend", "weak_trend"}
                                : std::vector<std::string>{"momentum", "carry"},
      .rules = rules,
      .file = "",
      .regime_variants = {}};
}

inline config::BotConfig bot(std::string id, double risk_pct, int max_positions = 2) {
  config::BotConfig b;
  b.id = std::move(id);
  b.risk_pct = risk_pct;
  b.max_positions = max_positions;
  return b;
}

// An open position with only the figures a test cares about set.
inline PositionRisk position(std::string id, std::string underlying, AssetClass asset_class,
                             std::string_view max_loss, std::string_view buying_power = "0",
                             Exposure exposure = {}, std::string bot_id = "bot") {
  return PositionRisk{.id = std::move(id),
                      .bot_id = std::move(bot_id),
                      .underlying = std::move(underlying),
                      .asset_class = asset_class,
                      .quantity = Quantity::units(1),
                      .max_loss = usd(max_loss),
                      .buying_power = usd(buying_power),
                      .notional = usd("0"),
                      .shares_pledged = {},
                      .exposure = exposure};
}

}  // namespace dorado::risk::testing
