// The tests' hand-written policy is the one the repository ships, and the sentence
// formatting the checks rely on.
#include <gtest/gtest.h>

#include "dorado/config/loader.hpp"
#include "dorado/risk/amount_text.hpp"
#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;

TEST(ShippedPolicy, MatchesConfigRiskPolicyYaml) {
  const auto loaded = config::load_config_folder(std::string(DORADO_SOURCE_DIR) + "/config");
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.front().message;
  const auto& a = loaded.configuration->risk_policy;
  const auto b = shipped_policy();
  EXPECT_EQ(a.trade.max_loss_per_trade_pct, b.trade.max_loss_per_trade_pct);
  EXPECT_EQ(a.trade.sizing_method, b.trade.sizing_method);
  EXPECT_EQ(a.trade.crypto_max_position_pct, b.trade.crypto_max_position_pct);
  EXPECT_EQ(a.trade.min_data_quality, b.trade.min_data_quality);
  EXPECT_EQ(a.portfolio.max_heat_pct, b.portfolio.max_heat_pct);
  EXPECT_EQ(a.portfolio.max_single_underlying_pct, b.portfolio.max_single_underlying_pct);
  EXPECT_EQ(a.portfolio.max_asset_class_pct, b.portfolio.max_asset_class_pct);
  EXPECT_EQ(a.portfolio.max_correlated_cluster_pct, b.portfolio.max_correlated_cluster_pct);
  EXPECT_EQ(a.portfolio.correlation_threshold, b.portfolio.correlation_threshold);
  EXPECT_EQ(a.portfolio.net_vega_range_pct, b.portfolio.net_vega_range_pct);
  EXPECT_EQ(a.portfolio.net_delta_range_pct, b.portfolio.net_delta_range_pct);
  EXPECT_EQ(a.portfolio.min_cash_pct, b.portfolio.min_cash_pct);
  const auto& ca = a.circuit_breakers;
  const auto& cb = b.circuit_breakers;
  EXPECT_EQ(ca.daily_loss.threshold_pct, cb.daily_loss.threshold_pct);
  EXPECT_EQ(ca.daily_loss.action, cb.daily_loss.action);
  EXPECT_EQ(ca.weekly_loss.threshold_pct, cb.weekly_loss.threshold_pct);
  EXPECT_EQ(ca.weekly_loss.action, cb.weekly_loss.action);
  EXPECT_EQ(ca.drawdown_from_peak.threshold_pct, cb.drawdown_from_peak.threshold_pct);
  EXPECT_EQ(ca.drawdown_from_peak.action, cb.drawdown_from_peak.action);
  EXPECT_EQ(ca.high_vol.vix_above, cb.high_vol.vix_above);
  EXPECT_EQ(ca.high_vol.sizing_multiplier, cb.high_vol.sizing_multiplier);
  EXPECT_EQ(ca.crisis_halt.macro_regimes, cb.crisis_halt.macro_regimes);
  EXPECT_EQ(ca.crisis_halt.action, cb.crisis_halt.action);
}

TEST(AmountText, ThousandsAndDecimals) {
  EXPECT_EQ(format_amount(2450), "2,450");
  EXPECT_EQ(format_amount(2450.5), "2,450.50");
  EXPECT_EQ(format_amount(-1000), "-1,000");
  EXPECT_EQ(format_amount(0.004), "0");
  EXPECT_EQ(format_amount(1234567.891), "1,234,567.89");
  EXPECT_EQ(format_amount(999.999), "1,000");
  EXPECT_EQ(format_money(Money::parse("100000", kUsd)), "100,000 USD");
  EXPECT_EQ(format_money(Money::parse("-0.5", kEur)), "-0.50 EUR");
}

TEST(AmountText, Percentages) {
  EXPECT_EQ(format_pct(2), "2");
  EXPECT_EQ(format_pct(10.45), "10.45");
  EXPECT_EQ(format_pct(10.5), "10.5");
  EXPECT_EQ(format_pct(0.05), "0.05");
  EXPECT_EQ(format_pct(12.7272), "12.73");
  EXPECT_EQ(format_pct(-1.05), "-1.05");
  EXPECT_EQ(format_limit(usd("2000"), 2, usd("100000")), "2,000 USD (2 % of 100,000)");
}

}  // namespace
}  // namespace dorado::risk
