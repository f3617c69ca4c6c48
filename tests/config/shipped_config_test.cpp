// The configuration folder `dorado init` writes must load cleanly, and mean
// what a trader reading it would expect.
#include <gtest/gtest.h>

#include "config/config_folder.hpp"
#include "dorado/config/loader.hpp"

namespace dorado::config {
namespace {

using testing::shipped_config;

class ShippedConfig : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { result_ = new LoadResult(load_config_folder(shipped_config())); }
  static void TearDownTestSuite() { delete result_; }
  static const Configuration& config() { return *result_->configuration; }
  static LoadResult* result_;
};
LoadResult* ShippedConfig::result_ = nullptr;

TEST_F(ShippedConfig, LoadsWithoutDiagnostics) {
  for (const auto& d : result_->diagnostics) ADD_FAILURE() << d.to_string();
  ASSERT_TRUE(result_->ok());
  EXPECT_EQ(result_->content_hash.size(), 64u);
  EXPECT_EQ(config().content_hash, result_->content_hash);
}

TEST_F(ShippedConfig, Settings) {
  ASSERT_TRUE(result_->ok());
  const auto folder = std::filesystem::absolute(shipped_config()).lexically_normal();
  EXPECT_EQ(config().settings.user_id, "default");
  EXPECT_EQ(config().settings.data_dir, folder / "data");
  EXPECT_EQ(config().settings.store_url, "sqlite://" + (folder / "data/dorado.db").string());
  EXPECT_EQ(config().settings.cache_url, "memory://");
  EXPECT_EQ(config().settings.market_data.source, config::MarketDataSource::Synthetic);
  EXPECT_EQ(config().settings.market_data.seed, 42u);
}

TEST_F(ShippedConfig, Universe) {
  ASSERT_TRUE(result_->ok());
  const Universe& u = config().universe;
  EXPECT_EQ(u.name, "calico-core");
  ASSERT_EQ(u.underlyings.size(), 7u);
  std::vector<std::string> symbols;
  for (const auto& m : u.underlyings) symbols.push_back(m.symbol);
  EXPECT_EQ(symbols,
            (std::vector<std::string>{"SPY", "TLT", "GLD", "USDJPY", "AUDUSD", "BTC", "ETH"}));
  const UniverseMember* jpy = u.find("USDJPY");
  ASSERT_NE(jpy, nullptr);
  EXPECT_EQ(jpy->asset_class, AssetClass::Fx);
  EXPECT_EQ(jpy->venue, VenueId::Oanda);
  EXPECT_EQ(jpy->data_symbol, "USDJPY=X");
  EXPECT_EQ(u.find("SPY")->contract_multiplier, 100);
  EXPECT_EQ(u.find("BTC")->data_symbol, "BTC-USD");
  EXPECT_EQ(u.find("BTC")->venue, VenueId::Hyperliquid);
}

TEST_F(ShippedConfig, Bots) {
  ASSERT_TRUE(result_->ok());
  ASSERT_EQ(config().bots.size(), 3u);
  const BotConfig* spy = config().bot("spy-ic-01");
  ASSERT_NE(spy, nullptr);
  EXPECT_EQ(spy->file, "bots/spy-ic-01.yaml");
  EXPECT_EQ(spy->universe, "calico-core");
  EXPECT_EQ(spy->underlying, "SPY");
  EXPECT_EQ(spy->strategy, "iron_condor");
  EXPECT_EQ(spy->venue, VenueId::Ibkr);
  EXPECT_EQ(spy->venue_mode, VenueMode::Paper);
  EXPECT_EQ(spy->signal_mode, SignalMode::Scan);
  EXPECT_EQ(spy->approval_mode, ApprovalMode::HumanRequired);
  EXPECT_EQ(spy->risk_pct, 2.0);
  EXPECT_EQ(spy->max_positions, 2);
  EXPECT_TRUE(spy->enabled);
  EXPECT_EQ(config().bot("usdjpy-fxm-01")->strategy, "fx_momentum");
  EXPECT_EQ(config().bot("btc-cm-01")->venue_mode, VenueMode::Simulation);
}

TEST_F(ShippedConfig, IronCondorTemplate) {
  ASSERT_TRUE(result_->ok());
  const StrategyTemplate* ic = config().strategy("iron_condor");
  ASSERT_NE(ic, nullptr);
  EXPECT_EQ(ic->underlying_class, AssetClass::EquityOptions);
  EXPECT_EQ(ic->structure, Structure::IronCondor);
  EXPECT_TRUE(ic->allows("transition"));
  EXPECT_FALSE(ic->allows("crisis"));
  const OptionRules* o = ic->options();
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->expiration.dte_range, (NumberRange{30, 45}));
  EXPECT_EQ(o->expiration.prefer_dte, 38);
  ASSERT_EQ(o->legs.size(), 4u);
  EXPECT_EQ(o->leg("short_put")->delta, -0.16);
  EXPECT_EQ(o->leg("short_put")->right, OptionRight::Put);
  EXPECT_EQ(o->leg("short_put")->side, LegSide::Short);
  EXPECT_EQ(o->leg("long_put")->width, 5.0);
  EXPECT_EQ(o->leg("long_put")->side, LegSide::Long);
  EXPECT_EQ(o->leg("short_call")->delta, 0.16);
  EXPECT_EQ(o->leg("long_call")->right, OptionRight::Call);
  EXPECT_EQ(o->entry.volatility.iv_rank_min, 30.0);
  EXPECT_EQ(o->entry.volatility.vix_range, (NumberRange{14, 30}));
  EXPECT_EQ(o->entry.technical.adx_max, 25.0);
  ASSERT_TRUE(o->entry.technical.atr_channel.has_value());
  EXPECT_EQ(o->entry.technical.atr_channel->width_atr, 2.0);
  EXPECT_EQ(o->management.profit_target_pct, 50);
  EXPECT_EQ(o->management.stop_loss_pct, 200);
  EXPECT_EQ(o->management.dte_exit, 21);
  EXPECT_EQ(o->management.short_strike_breach, BreachAction::CloseTestedSide);
  EXPECT_EQ(o->sizing.method, SizingMethod::FixedRiskPct);
}

TEST_F(ShippedConfig, IronCondorRegimeOverridesDeepMerge) {
  ASSERT_TRUE(result_->ok());
  const StrategyTemplate& base = *config().strategy("iron_condor");
  ASSERT_EQ(base.regime_variants.size(), 2u);

  const StrategyTemplate& transition = effective_template(base, "transition");
  const OptionRules& t = *transition.options();
  EXPECT_EQ(t.leg("short_put")->delta, -0.12);
  EXPECT_EQ(t.leg("short_call")->delta, 0.12);
  EXPECT_EQ(t.leg("long_put")->width, 5.0);                        // untouched sibling
  EXPECT_EQ(t.entry.volatility.iv_rank_min, 40.0);                 // overridden deep inside
  EXPECT_EQ(t.entry.volatility.vix_range, (NumberRange{14, 30}));  // kept beside it
  EXPECT_EQ(t.expiration.dte_range, (NumberRange{30, 45}));
  EXPECT_EQ(t.management.profit_target_pct, 50);

  const OptionRules& r = *effective_template(base, "risk_off").options();
  EXPECT_EQ(r.expiration.dte_range, (NumberRange{35, 50}));  // sequence replaced
  EXPECT_EQ(r.expiration.prefer_dte, 42);
  EXPECT_EQ(r.leg("short_put")->delta, -0.10);
  EXPECT_EQ(r.entry.min_credit_to_width, 0.20);
  EXPECT_EQ(r.entry.volatility.iv_rank_min, 50.0);
  EXPECT_EQ(r.entry.volatility.vix_range, (NumberRange{18, 35}));
  EXPECT_EQ(r.entry.technical.adx_max, 25.0);
  EXPECT_EQ(r.management.profit_target_pct, 40);
  EXPECT_EQ(r.management.stop_loss_pct, 200);
  EXPECT_EQ(r.sizing.max_contracts, 5);

  // Regimes without an override use the template as written.
  EXPECT_EQ(&effective_template(base, "goldilocks"), &base);
}

TEST_F(ShippedConfig, MomentumTemplates) {
  ASSERT_TRUE(result_->ok());
  const StrategyTemplate* fx = config().strategy("fx_momentum");
  ASSERT_NE(fx, nullptr);
  EXPECT_EQ(fx->underlying_class, AssetClass::Fx);
  const MomentumRules& m = *fx->momentum();
  EXPECT_EQ(m.signal.ema_fast, 20);
  EXPECT_EQ(m.signal.ema_slow, 50);
  EXPECT_EQ(m.entry.limit_offset_atr, 0.25);
  EXPECT_EQ(m.exit.stop_atr, 2.0);
  EXPECT_EQ(m.exit.target_atr, 4.0);
  ASSERT_TRUE(m.exit.trailing_stop.has_value());
  EXPECT_EQ(m.exit.trailing_stop->trail_atr, 1.5);
  EXPECT_EQ(m.exit.vol_z_exit, 2.5);
  EXPECT_EQ(m.sizing.method, SizingMethod::VolAdjusted);
  const MomentumRules& carry = *effective_template(*fx, "carry").momentum();
  EXPECT_EQ(carry.signal.adx_min, 20.0);
  EXPECT_EQ(carry.exit.target_atr, 3.0);
  EXPECT_EQ(carry.exit.stop_atr, 2.0);

  const StrategyTemplate* crypto = config().strategy("crypto_momentum");
  ASSERT_NE(crypto, nullptr);
  const MomentumRules& c = *crypto->momentum();
  EXPECT_EQ(c.signal.hurst_entry_min, 0.55);
  EXPECT_EQ(c.exit.hurst_exit_below, 0.45);
  ASSERT_TRUE(c.filters.funding_rate.has_value());
  EXPECT_EQ(c.filters.funding_rate->max_long_pct, 0.05);
  EXPECT_EQ(c.filters.realized_vol_range_pct, (NumberRange{30, 120}));
  EXPECT_EQ(c.sizing.max_position_pct, 3.0);
  EXPECT_EQ(effective_template(*crypto, "weak_trend").momentum()->sizing.max_position_pct, 2.0);
}

TEST_F(ShippedConfig, RiskPolicyAndScoring) {
  ASSERT_TRUE(result_->ok());
  const RiskPolicy& p = config().risk_policy;
  EXPECT_EQ(p.account.base_currency, "USD");
  EXPECT_EQ(p.account.starting_equity, 100000);
  EXPECT_EQ(p.trade.max_loss_per_trade_pct, 2.0);
  EXPECT_EQ(p.trade.crypto_max_position_pct, 3.0);
  EXPECT_EQ(p.portfolio.max_asset_class_pct.at(AssetClass::Crypto), 3.0);
  EXPECT_EQ(p.portfolio.net_vega_range_pct, (NumberRange{-1.0, 0.5}));
  EXPECT_EQ(p.circuit_breakers.daily_loss.threshold_pct, 3);
  EXPECT_EQ(p.circuit_breakers.daily_loss.action, BreakerAction::HaltNewTrades);
  EXPECT_EQ(p.circuit_breakers.weekly_loss.action, BreakerAction::ReduceSizing50);
  EXPECT_EQ(p.circuit_breakers.drawdown_from_peak.action, BreakerAction::HaltAllBots);
  EXPECT_EQ(p.circuit_breakers.high_vol.vix_above, 30);
  EXPECT_EQ(p.circuit_breakers.high_vol.sizing_multiplier, 0.5);
  EXPECT_EQ(p.circuit_breakers.crisis_halt.macro_regimes, std::vector<std::string>{"crisis"});
  EXPECT_EQ(p.approval_timeout, std::chrono::hours(4));

  const ScoringWeights& w = config().scoring_weights;
  EXPECT_EQ(w.weights.credit_to_width, 0.30);
  EXPECT_EQ(w.exclusions.min_open_interest, 100);
  EXPECT_EQ(w.directional_weights.reward_risk_atr, 0.40);
}

}  // namespace
}  // namespace dorado::config
