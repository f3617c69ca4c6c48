// FX regime features, labels and the XGBoost classifier on the synthetic
// market's USDJPY and AUDUSD.
#include "dorado/regime/fx/fx_regime_model.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "regime/real_bars.hpp"
#include "regime/synthetic_market_fixture.hpp"

namespace dorado::regime {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;

FxFeatureTable features_of(std::string_view pair, std::size_t keep = SIZE_MAX) {
  const auto& m = testing::synthetic_market();
  std::span<const Bar> bars = m.bars(pair);
  return fx_features({bars.first(std::min(keep, bars.size())), m.bars("SPY"), m.bars("VIX")});
}

std::map<std::string, FxFeatureTable> both_pairs() {
  return {{"AUDUSD", features_of("AUDUSD")}, {"USDJPY", features_of("USDJPY")}};
}

// Trained once for the suite and freed in TearDownTestSuite: a booster must
// not outlive main (XGBoost's own statics are destroyed first).
class FxRegimeModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = std::make_unique<FxRegimeModel>(train_fx_model(both_pairs()));
  }
  static void TearDownTestSuite() { model_.reset(); }
  static const FxRegimeModel& trained() { return *model_; }
  static std::unique_ptr<FxRegimeModel> model_;
};
std::unique_ptr<FxRegimeModel> FxRegimeModelTest::model_;

Bar bar_on(Date day, double close) {
  Bar b;
  b.time = Timestamp{sys_days{day}};
  b.open = b.high = b.low = b.close = close;
  return b;
}

TEST(FxFeatures, NamesTheUnavailableFeaturesAndComputesTheRest) {
  EXPECT_EQ(fx_feature_names().size(), 16u);
  EXPECT_THAT(fx_unavailable_features(), ElementsAre("carry", "cot_positioning"));
  const auto t = features_of("USDJPY");
  EXPECT_EQ(t.names.size(), 14u);
  for (const auto& name : fx_unavailable_features())
    EXPECT_EQ(std::count(t.names.begin(), t.names.end(), name), 0) << name;
  // Warm-up: the 126-return Hurst window is the longest; after it every day is complete.
  EXPECT_FALSE(t.complete(125));
  EXPECT_TRUE(t.complete(200));
}

TEST(FxFeatures, ADayUsesNothingPublishedAfterIt) {
  const auto full = features_of("AUDUSD");
  const std::size_t day = 1500;
  const auto truncated = features_of("AUDUSD", day + 1);  // the pair's bars up to `day` only
  ASSERT_EQ(truncated.dates.back(), full.dates[day]);
  // SPY and VIX after the day are still in the inputs: features must ignore them.
  for (Eigen::Index f = 0; f < full.values.cols(); ++f)
    EXPECT_EQ(truncated.values(static_cast<Eigen::Index>(day), f),
              full.values(static_cast<Eigen::Index>(day), f))
        << full.names[static_cast<std::size_t>(f)];
}

TEST(FxFeatures, MomentumAndVixChangeByHand) {
  // Pair: close 100 for 30 days then 110; VIX 20 then 26 from day 27.
  std::vector<Bar> pair, spy, vix;
  const sys_days start{2024y / January / 1};
  for (int i = 0; i < 40; ++i) {
    const Date d{start + days{i}};
    pair.push_back(bar_on(d, i < 30 ? 100.0 : 110.0));
    spy.push_back(bar_on(d, 400.0));
    vix.push_back(bar_on(d, i < 27 ? 20.0 : 26.0));
  }
  const auto t = fx_features({pair, spy, vix});
  const auto col = [&](const std::string& n) {
    return static_cast<Eigen::Index>(std::find(t.names.begin(), t.names.end(), n) -
                                     t.names.begin());
  };
  // ln(110 / 100) once day 30 is inside the 20-day look-back, 0 before.
  EXPECT_DOUBLE_EQ(t.values(35, col("momentum_20d")), std::log(1.1));
  EXPECT_DOUBLE_EQ(t.values(29, col("momentum_20d")), 0.0);
  EXPECT_TRUE(std::isnan(t.values(19, col("momentum_20d"))));
  // VIX 26 - 20 five days after the jump at day 27, 0 once both ends are past it.
  EXPECT_DOUBLE_EQ(t.values(28, col("vix_change_5d")), 6.0);
  EXPECT_DOUBLE_EQ(t.values(33, col("vix_change_5d")), 0.0);
  EXPECT_DOUBLE_EQ(t.values(35, col("spy_return_20d")), 0.0);
}

// A hand-built table: two columns the rule reads, closes and VIX chosen so
// each label follows from the rule's arithmetic (see fx_labels.hpp).
FxFeatureTable rule_table(std::vector<double> closes, std::vector<double> vix, double momentum,
                          double zscore) {
  FxFeatureTable t;
  t.names = {"momentum_20d", "zscore_60d", "realized_vol_20d"};
  t.closes = std::move(closes);
  t.vix = std::move(vix);
  t.values = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(t.closes.size()), 3, 0.0);
  t.values.col(0).setConstant(momentum);
  t.values.col(1).setConstant(zscore);
  // Daily sigma 1 %: 0.01 * sqrt(260) annualised; over h = 2 days the scale is 0.01 * sqrt(2).
  t.values.col(2).setConstant(0.01 * std::sqrt(260.0));
  for (std::size_t i = 0; i < t.closes.size(); ++i)
    t.dates.emplace_back(sys_days{2024y / March / 1} + days{i});
  return t;
}

TEST(FxLabels, FollowTheDocumentedRule) {
  FxLabelRule rule;
  rule.horizon = 2;  // scale = 0.01 * sqrt(2) = 0.01414
  // Fall of ln(0.97) = -0.0305 <= -1 * 0.01414 with VIX 20 -> 25 (+25 % >= 20 %).
  auto unwind = fx_labels(rule_table({1.0, 0.99, 0.97}, {20, 22, 25}, 0.05, 1.0), rule);
  EXPECT_EQ(unwind[0], FxRegime::RiskOffUnwind);
  EXPECT_FALSE(unwind[1].has_value());  // horizon runs past the data
  // The same fall without the VIX spike (+10 %): fading the positive z-score earned
  // +0.0305 >= 0.5 * 0.01414, following the positive momentum lost it.
  EXPECT_EQ(fx_labels(rule_table({1.0, 0.99, 0.97}, {20, 21, 22}, 0.05, 1.0), rule)[0],
            FxRegime::MeanReversion);
  // A rise of ln(1.03) with positive momentum: momentum.
  EXPECT_EQ(fx_labels(rule_table({1.0, 1.01, 1.03}, {20, 20, 20}, 0.05, 1.0), rule)[0],
            FxRegime::Momentum);
  // A rise of ln(1.005) = 0.00499 < 0.5 * 0.01414 = 0.00707: no factor paid, carry.
  EXPECT_EQ(fx_labels(rule_table({1.0, 1.002, 1.005}, {20, 20, 20}, 0.05, 1.0), rule)[0],
            FxRegime::Carry);
}

TEST_F(FxRegimeModelTest, TrainsTimeOrderedAndReportsTestAccuracyAndConfusion) {
  const auto& model = trained();
  const auto& m = model.metrics();
  EXPECT_GT(m.train_rows, 5000u);
  EXPECT_GT(m.test_rows, 2000u);
  // Time order: the training labels end before the first test day.
  EXPECT_LT(sys_days{model.trained_to()}, sys_days{m.test_first});
  std::size_t confusion_total = 0;
  std::array<std::size_t, kFxRegimeCount> truth{};
  for (std::size_t t = 0; t < kFxRegimeCount; ++t)
    for (std::size_t p = 0; p < kFxRegimeCount; ++p) {
      confusion_total += m.confusion[t][p];
      truth[t] += m.confusion[t][p];
    }
  EXPECT_EQ(confusion_total, m.test_rows);
  const double majority = static_cast<double>(*std::max_element(truth.begin(), truth.end())) /
                          static_cast<double>(m.test_rows);
  std::printf("FX regime model %s\n  train rows %zu (accuracy %.3f), test rows %zu %s..%s\n",
              model.version().c_str(), m.train_rows, m.train_accuracy, m.test_rows,
              to_iso_date(m.test_first).c_str(), to_iso_date(m.test_last).c_str());
  std::printf(
      "  test accuracy %.3f (majority class %.3f)\n  confusion [true][predicted] "
      "carry/momentum/mean_reversion/risk_off_unwind:\n",
      m.test_accuracy, majority);
  for (std::size_t t = 0; t < kFxRegimeCount; ++t)
    std::printf("    %-16s %6zu %6zu %6zu %6zu\n",
                std::string(name_of(static_cast<FxRegime>(t))).c_str(), m.confusion[t][0],
                m.confusion[t][1], m.confusion[t][2], m.confusion[t][3]);
  // Balanced accuracy (mean recall over the four regimes) is 0.25 for any
  // constant or random answer whatever the class mix; out of sample the
  // classifier must do clearly better. (Plain accuracy barely clears the
  // majority class here: the synthetic FX returns carry little regime signal
  // beyond volatility clustering; see the report.)
  double recall_sum = 0.0;
  for (std::size_t t = 0; t < kFxRegimeCount; ++t)
    recall_sum += static_cast<double>(m.confusion[t][t]) / static_cast<double>(truth[t]);
  const double balanced = recall_sum / kFxRegimeCount;
  std::printf("  balanced accuracy %.3f (chance 0.25)\n", balanced);
  // About 3,000 test days: the standard error of the balanced accuracy is
  // about 0.01, so 0.28 is three of them above chance.
  EXPECT_GT(balanced, 0.28);
}

TEST_F(FxRegimeModelTest, SameDataSameTrees) {
  EXPECT_EQ(save_fx_model(train_fx_model(both_pairs())), save_fx_model(trained()));
}

TEST_F(FxRegimeModelTest, ReloadedModelGivesIdenticalReadings) {
  const auto reloaded = load_fx_model(save_fx_model(trained()));
  EXPECT_EQ(reloaded.version(), trained().version());
  EXPECT_EQ(reloaded.metrics().confusion, trained().metrics().confusion);
  const auto table = features_of("USDJPY");
  const auto a = trained().classify(table), b = reloaded.classify(table);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].regime, b[i].regime);
    EXPECT_EQ(a[i].probabilities, b[i].probabilities);
  }
}

TEST_F(FxRegimeModelTest, PublishedReadingCarriesEveryProbability) {
  const auto latest = trained().latest(features_of("AUDUSD"));
  ASSERT_TRUE(latest.has_value());
  const Timestamp at = sys_days{latest->date} + 22h;
  const auto p = to_published(*latest, at, trained().version());
  EXPECT_EQ(p.model, "fx");
  EXPECT_EQ(p.probabilities.size(), 4u);
  EXPECT_NEAR(p.probabilities.at("carry") + p.probabilities.at("momentum") +
                  p.probabilities.at("mean_reversion") + p.probabilities.at("risk_off_unwind"),
              1.0, 1e-6);
  EXPECT_EQ(p.confidence, p.probabilities.at(p.label));
}

TEST_F(FxRegimeModelTest, RefusesBadJsonAndBadConfig) {
  EXPECT_THROW(load_fx_model("{}"), std::invalid_argument);
  EXPECT_THROW(load_fx_model(R"({"format":"dorado.fx_regime_model","format_version":2})"),
               std::invalid_argument);
  FxModelConfig c;
  c.boosting.classes = 3;
  EXPECT_THROW(c.validate(), std::invalid_argument);
  c = {};
  c.train_share = 0.0;
  EXPECT_THROW(c.validate(), std::invalid_argument);
}

// The same model on the real USDJPY and AUDUSD history through 2018 (SPY
// and VIX as the risk inputs): prints the out-of-sample figures.
TEST(FxRegimeModelRealData, TrainsAndTestsOnRealHistoryThrough2018) {
  DORADO_REAL_DATA_OR_SKIP(dir);
  const Date last = 2018y / December / 31;
  for (const auto* s : {"USDJPY", "AUDUSD", "SPY", "VIX"})
    if (!std::filesystem::exists(dir / (std::string(s) + ".csv")))
      GTEST_SKIP() << s << ".csv not found";
  const auto spy = testing::real_bars(dir, "SPY", last);
  const auto vix = testing::real_bars(dir, "VIX", last);
  std::map<std::string, FxFeatureTable> pairs;
  std::vector<std::vector<Bar>> keep;
  for (const auto* pair : {"AUDUSD", "USDJPY"}) {
    keep.push_back(testing::real_bars(dir, pair, last));
    pairs[pair] = fx_features({keep.back(), spy, vix});
  }
  const auto model = train_fx_model(pairs);
  const auto& m = model.metrics();
  std::array<std::size_t, kFxRegimeCount> truth{};
  double recall_sum = 0.0;
  for (std::size_t t = 0; t < kFxRegimeCount; ++t) {
    for (std::size_t p = 0; p < kFxRegimeCount; ++p) truth[t] += m.confusion[t][p];
    recall_sum +=
        truth[t] ? static_cast<double>(m.confusion[t][t]) / static_cast<double>(truth[t]) : 0.0;
  }
  const double majority = static_cast<double>(*std::max_element(truth.begin(), truth.end())) /
                          static_cast<double>(m.test_rows);
  std::printf(
      "FX regime model on real history %s: train %zu rows (accuracy %.3f), test %zu rows "
      "%s..%s\n  test accuracy %.3f (majority %.3f), balanced %.3f\n",
      model.version().c_str(), m.train_rows, m.train_accuracy, m.test_rows,
      to_iso_date(m.test_first).c_str(), to_iso_date(m.test_last).c_str(), m.test_accuracy,
      majority, recall_sum / kFxRegimeCount);
  for (std::size_t t = 0; t < kFxRegimeCount; ++t)
    std::printf("    %-16s %6zu %6zu %6zu %6zu\n",
                std::string(name_of(static_cast<FxRegime>(t))).c_str(), m.confusion[t][0],
                m.confusion[t][1], m.confusion[t][2], m.confusion[t][3]);
  EXPECT_GT(m.test_rows, 500u);
  EXPECT_GT(recall_sum / kFxRegimeCount, 0.25);  // better than any constant or random answer
}

}  // namespace
}  // namespace dorado::regime
