// The reload acceptance test: models saved to the store and loaded by a new
// store connection (a restart) give the same outputs without retraining.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dorado/regime/macro_regime_filter.hpp"
#include "dorado/regime/publish/current_regimes.hpp"
#include "dorado/regime/publish/stored_models.hpp"
#include "regime/regime_store_fixture.hpp"
#include "regime/regime_test_support.hpp"
#include "regime/synthetic_market_fixture.hpp"

namespace dorado::regime {
namespace {

using namespace std::chrono;

const Timestamp kSavedAt = sys_days{2024y / June / 3} + 22h;

FxFeatureTable fx_table(std::string_view pair) {
  const auto& m = testing::synthetic_market();
  return fx_features({m.bars(pair), m.bars("SPY"), m.bars("VIX")});
}

CryptoFeatureTable crypto_table(std::string_view coin) {
  const auto& m = testing::synthetic_market();
  return crypto_features(m.bars(coin), m.funding_rates(coin));
}

std::vector<MacroRegimeReading> macro_readings(const MacroRegimeModel& model,
                                               const FeatureHistory& history) {
  MacroRegimeFilter filter(model);
  std::vector<MacroRegimeReading> out;
  for (std::size_t t = 0; t < history.days(); ++t)
    out.push_back(filter.update(history.dates[t],
                                history.values.row(static_cast<Eigen::Index>(t)).transpose()));
  return out;
}

TEST(ModelReload, SameOutputsAfterRestart) {
  testing::TemporaryStore files;
  const auto macro_market = testing::known_regime_market(1500, 5);
  const auto usdjpy = fx_table("USDJPY");
  const auto eth = crypto_table("ETH");

  std::vector<FxRegimeReading> fx_before;
  std::vector<CryptoTrendReading> crypto_before;
  std::vector<MacroRegimeReading> macro_before;
  {  // the first process: train, infer, save
    const auto fx = train_fx_model({{"AUDUSD", fx_table("AUDUSD")}, {"USDJPY", usdjpy}});
    const auto crypto = train_crypto_model({{"BTC", crypto_table("BTC")}, {"ETH", eth}});
    const auto macro = train_macro_model(macro_market.history.head(1000), MacroModelConfig{});
    fx_before = fx.classify(usdjpy);
    crypto_before = crypto.classify(eth);
    macro_before = macro_readings(macro, macro_market.history);
    auto store = files.open();
    save_model(*store, fx, kSavedAt);
    save_model(*store, crypto, kSavedAt);
    save_model(*store, macro, kSavedAt);
  }

  auto store = files.open();  // the restart: a new connection, nothing trained
  const auto fx = load_latest_fx_model(*store);
  const auto crypto = load_latest_crypto_model(*store);
  const auto macro = load_latest_macro_model(*store);
  ASSERT_TRUE(fx && crypto && macro);

  const auto fx_after = fx->classify(usdjpy);
  ASSERT_EQ(fx_after.size(), fx_before.size());
  for (std::size_t i = 0; i < fx_after.size(); ++i) {
    ASSERT_EQ(fx_after[i].probabilities, fx_before[i].probabilities) << i;
    ASSERT_EQ(fx_after[i].regime, fx_before[i].regime) << i;
  }
  const auto crypto_after = crypto->classify(eth);
  ASSERT_EQ(crypto_after.size(), crypto_before.size());
  for (std::size_t i = 0; i < crypto_after.size(); ++i) {
    ASSERT_EQ(crypto_after[i].trend_probability, crypto_before[i].trend_probability) << i;
    ASSERT_EQ(crypto_after[i].strength, crypto_before[i].strength) << i;
    ASSERT_EQ(crypto_after[i].regime, crypto_before[i].regime) << i;
  }
  const auto macro_after = macro_readings(*macro, macro_market.history);
  ASSERT_EQ(macro_after.size(), macro_before.size());
  for (std::size_t i = 0; i < macro_after.size(); ++i) {
    ASSERT_EQ(macro_after[i].probabilities, macro_before[i].probabilities) << i;
    ASSERT_EQ(macro_after[i].regime, macro_before[i].regime) << i;
  }

  // The store's record says what was trained when, and how well.
  const auto record = store->latest_regime_model("fx");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->version, fx->version());
  EXPECT_EQ(record->trained_to, fx->trained_to());
  EXPECT_EQ(record->saved_at, kSavedAt);
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(record->metrics_json).at("test_accuracy").get<double>(),
                   fx->metrics().test_accuracy);
  EXPECT_EQ(store->latest_regime_model("macro")->version, macro->version);
}

TEST(CurrentRegimes, LatestReadingPerInstrumentInPublishedForm) {
  const auto fx = train_fx_model({{"AUDUSD", fx_table("AUDUSD")}, {"USDJPY", fx_table("USDJPY")}});
  const Timestamp at = sys_days{2024y / December / 31} + 22h;
  const auto published = current_fx_regimes(fx, {{"USDJPY", fx_table("USDJPY")}}, at);
  ASSERT_EQ(published.size(), 1u);
  const auto latest = fx.latest(fx_table("USDJPY"));
  EXPECT_EQ(published.at("USDJPY"), to_published(*latest, at, fx.version()));

  const auto& m = testing::synthetic_market();
  std::map<std::string, std::span<const Bar>> bars{{"SPY", m.bars("SPY")}, {"TLT", m.bars("TLT")}};
  const auto universe = universe_returns(bars);
  const auto correlation = current_correlation_regime(universe, {}, at);
  ASSERT_TRUE(correlation.has_value());
  EXPECT_EQ(correlation->label, name_of(correlation_regimes(universe, {}).back().regime));
  EXPECT_FALSE(current_correlation_regime({universe.symbols, {}, Eigen::MatrixXd(0, 2)}, {}, at)
                   .has_value());
}

TEST(ModelReload, NothingSavedLoadsNothingAndABrokenBodyIsNamed) {
  testing::TemporaryStore files;
  auto store = files.open();
  EXPECT_FALSE(load_latest_fx_model(*store).has_value());
  EXPECT_FALSE(load_latest_crypto_model(*store).has_value());
  EXPECT_FALSE(load_latest_macro_model(*store).has_value());
  store->save_regime_model({"fx", "fx-xgb/broken", 2020y / January / 1, 2020y / June / 1, "{}",
                            R"({"format":"dorado.fx_regime_model"})", kSavedAt});
  try {
    load_latest_fx_model(*store);
    FAIL() << "loaded a broken model";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("fx-xgb/broken"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace dorado::regime
