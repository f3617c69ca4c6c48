#include "dorado/regime/macro_regime_model.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "dorado/regime/adjusted_rand_index.hpp"
#include "dorado/regime/macro_model_json.hpp"
#include "dorado/regime/macro_regime_filter.hpp"
#include "dorado/regime/state_count_comparison.hpp"
#include "dorado/regime/walk_forward.hpp"
#include "regime_test_support.hpp"

namespace dorado::regime {
namespace {

MacroModelConfig six_states() {
  MacroModelConfig c;
  c.hmm.states = 6;
  c.pca_components = 8;
  return c;
}

std::vector<MacroRegimeReading> read_all(const MacroRegimeModel& model, const FeatureHistory& h,
                                         std::size_t from = 0) {
  MacroRegimeFilter filter(model);
  std::vector<MacroRegimeReading> out;
  for (std::size_t t = 0; t < h.days(); ++t) {
    auto r = filter.update(h.dates[t], h.values.row(static_cast<Eigen::Index>(t)).transpose());
    if (t >= from) out.push_back(std::move(r));
  }
  return out;
}

std::vector<int> regime_indices(const std::vector<MacroRegimeReading>& readings) {
  std::vector<int> out;
  for (const auto& r : readings) out.push_back(static_cast<int>(r.regime));
  return out;
}

struct Trained {
  testing::KnownRegimeMarket market;
  MacroRegimeModel model;
};

const Trained& trained() {
  static const Trained t = [] {
    Trained out{testing::known_regime_market(5000, 77), {}};
    out.model = train_macro_model(out.market.history.head(3000), six_states());
    return out;
  }();
  return t;
}

TEST(MacroRegimeModel, FilteredRegimesRecoverAKnownPath) {
  const auto& [market, model] = trained();
  const auto readings = read_all(model, market.history);
  const auto found = regime_indices(readings);
  const std::vector<int> in_sample_truth(market.regimes.begin(), market.regimes.begin() + 3000);
  const std::vector<int> out_truth(market.regimes.begin() + 3000, market.regimes.end());
  const double ari_in =
      adjusted_rand_index(in_sample_truth, std::vector<int>(found.begin(), found.begin() + 3000));
  const double ari_out =
      adjusted_rand_index(out_truth, std::vector<int>(found.begin() + 3000, found.end()));
  std::printf("ARI in-sample %.3f, out-of-sample %.3f\n", ari_in, ari_out);
  EXPECT_GE(ari_in, 0.6);
  EXPECT_GE(ari_out, 0.6);
  // The names land on the right states: most days carry their true name.
  std::size_t right = 0;
  for (std::size_t t = 0; t < found.size(); ++t) right += found[t] == market.regimes[t] ? 1 : 0;
  const double share = static_cast<double>(right) / static_cast<double>(found.size());
  std::printf("named correctly on %.3f of days\n", share);
  EXPECT_GE(share, 0.8);
  for (const auto r : {MacroRegime::RiskOn, MacroRegime::Goldilocks, MacroRegime::Transition,
                       MacroRegime::RiskOff, MacroRegime::Crisis, MacroRegime::Recovery})
    EXPECT_GE(model.state_named(r), 0) << name_of(r);
}

TEST(MacroRegimeModel, ReadingsAreConsistent) {
  const auto& [market, model] = trained();
  const auto readings = read_all(model, market.history.head(400));
  std::size_t alerts = 0;
  for (std::size_t t = 0; t < readings.size(); ++t) {
    const auto& r = readings[t];
    double sum = 0.0;
    for (const double p : r.probabilities) sum += p;
    EXPECT_NEAR(sum, 1.0, 1e-12);
    EXPECT_EQ(r.confidence, probability_of(r.probabilities, r.regime));
    const auto& base = readings[t < 3 ? 0 : t - 3].probabilities;
    for (std::size_t k = 0; k < 6; ++k) EXPECT_EQ(r.trend_3d[k], r.probabilities[k] - base[k]);
    if (t > 0 && r.regime != readings[t - 1].regime) {
      EXPECT_TRUE(r.transition_alert);
      EXPECT_NE(r.alert_reason.find("leading regime changed"), std::string::npos);
    }
    alerts += r.transition_alert ? 1 : 0;
    EXPECT_EQ(r.transition_alert, !r.alert_reason.empty());
    ASSERT_EQ(r.importances.size(), 8u);
    for (std::size_t i = 1; i < r.importances.size(); ++i)
      EXPECT_GE(r.importances[i - 1].share, r.importances[i].share);
  }
  EXPECT_GT(alerts, 0u);
  EXPECT_NEAR(model.feature_importance.sum(), 1.0, 1e-12);
}

TEST(MacroRegimeModel, FilterRefusesBadDays) {
  const auto& [market, model] = trained();
  MacroRegimeFilter filter(model);
  const Eigen::VectorXd day = market.history.values.row(0).transpose();
  filter.update(market.history.dates[1], day);
  EXPECT_THROW(filter.update(market.history.dates[0], day), std::invalid_argument);
  EXPECT_THROW(filter.update(market.history.dates[2], day.head(3)), std::invalid_argument);
  EXPECT_EQ(filter.days(), 1u);
}

TEST(MacroRegimeModel, NamesSurviveARetrainWithAnotherInitialisation) {
  const auto& [market, model] = trained();
  MacroModelConfig other = six_states();
  other.hmm.seed = 99;  // different k-means++ draws: states come out in another order
  const auto retrained = train_macro_model(market.history.head(3100), other, &model);
  const auto before = regime_indices(read_all(model, market.history.head(3100)));
  const auto after = regime_indices(read_all(retrained, market.history.head(3100)));
  std::size_t same = 0;
  for (std::size_t t = 0; t < before.size(); ++t) same += before[t] == after[t] ? 1 : 0;
  EXPECT_GE(static_cast<double>(same) / static_cast<double>(before.size()), 0.95);
  // Each state's name follows its profile, not its index.
  for (Eigen::Index k = 0; k < retrained.states(); ++k) {
    const Eigen::Index old = model.state_named(retrained.state_names[static_cast<std::size_t>(k)]);
    ASSERT_GE(old, 0);
    const Eigen::VectorXd gap = (retrained.state_profiles.row(k) - model.state_profiles.row(old))
                                    .transpose()
                                    .cwiseQuotient(model.scaler.scale());
    EXPECT_LT(gap.cwiseAbs().maxCoeff(), 0.3) << k;
  }
}

TEST(MacroRegimeModel, JsonRoundTripGivesIdenticalReadings) {
  const auto& [market, model] = trained();
  const std::string text = save_macro_model(model);
  const MacroRegimeModel loaded = load_macro_model(text);
  EXPECT_EQ(save_macro_model(loaded), text);
  EXPECT_EQ(loaded.version, model.version);
  EXPECT_EQ(loaded.state_names, model.state_names);
  EXPECT_EQ(loaded.window.last, model.window.last);
  const auto a = read_all(model, market.history);
  const auto b = read_all(loaded, market.history);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t t = 0; t < a.size(); ++t) {
    EXPECT_EQ(a[t].regime, b[t].regime);
    EXPECT_EQ(a[t].probabilities, b[t].probabilities);
    EXPECT_EQ(a[t].trend_3d, b[t].trend_3d);
    EXPECT_EQ(a[t].alert_reason, b[t].alert_reason);
  }
  EXPECT_THROW(load_macro_model("{}"), std::invalid_argument);
  EXPECT_THROW(load_macro_model("not json"), std::invalid_argument);
  std::string wrong = text;
  wrong.replace(wrong.find("\"risk_on\""), 9, "\"euphoria\"");
  EXPECT_THROW(load_macro_model(wrong), std::invalid_argument);
}

TEST(WalkForward, RetrainsOnTheFirstTradingDayOfEachMonth) {
  using namespace std::chrono;
  std::vector<Date> dates{2020y / January / 30, 2020y / January / 31, 2020y / February / 3,
                          2020y / February / 4, 2020y / March / 2,    2020y / April / 1,
                          2020y / May / 1};
  EXPECT_EQ(retrain_days(dates, {1, 1}), (std::vector<std::size_t>{2, 4, 5, 6}));
  EXPECT_EQ(retrain_days(dates, {3, 1}), (std::vector<std::size_t>{4, 5, 6}));
  EXPECT_EQ(retrain_days(dates, {1, 2}), (std::vector<std::size_t>{2, 5}));
  EXPECT_THROW(retrain_days(dates, {1, 0}), std::invalid_argument);
}

TEST(WalkForward, OutOfSampleAndBlindToLaterDays) {
  const auto& market = trained().market;
  const FeatureHistory h = market.history.head(1600);
  const MacroModelConfig config = six_states();
  const RetrainSchedule schedule{1000, 6};
  const auto run = walk_forward(h, config, schedule);
  const auto days = retrain_days(h.dates, schedule);
  ASSERT_EQ(run.retrains.size(), days.size());
  ASSERT_GE(days.size(), 2u);
  EXPECT_EQ(run.readings.size(), h.days() - days.front());
  for (std::size_t i = 0; i < days.size(); ++i) {
    EXPECT_EQ(run.retrains[i].effective, h.dates[days[i]]);
    EXPECT_EQ(run.retrains[i].window.last, h.dates[days[i] - 1]);  // trained strictly before
    EXPECT_EQ(run.retrains[i].window.days, days[i]);
  }
  EXPECT_EQ(run.readings.front().date, h.dates[days.front()]);

  // Change everything after the second retrain: readings before it stay identical.
  FeatureHistory altered = h;
  altered.values.bottomRows(static_cast<Eigen::Index>(h.days() - days[1])).array() *= 1.7;
  const auto other = walk_forward(altered, config, schedule);
  const std::size_t unchanged = days[1] - days[0];
  for (std::size_t t = 0; t < unchanged; ++t)
    EXPECT_EQ(run.readings[t].probabilities, other.readings[t].probabilities) << t;
  EXPECT_NE(run.readings[unchanged].probabilities, other.readings[unchanged].probabilities);

  std::vector<int> truth(market.regimes.begin() + static_cast<long>(days.front()),
                         market.regimes.begin() + 1600);
  const double ari = adjusted_rand_index(truth, regime_indices(run.readings));
  std::printf("walk-forward ARI %.3f\n", ari);
  EXPECT_GE(ari, 0.6);
}

TEST(WalkForward, ReadingsAfterATrainToDate) {
  const auto& [market, model] = trained();
  const auto later = readings_after_training(model, market.history);
  ASSERT_EQ(later.size(), 2000u);
  EXPECT_EQ(later.front().date, market.history.dates[3000]);
  const auto all = read_all(model, market.history, 3000);
  EXPECT_EQ(later.back().probabilities, all.back().probabilities);
}

TEST(StateCountComparison, FourFiveSixStates) {
  const auto h = trained().market.history.head(2000);
  MacroModelConfig config = six_states();
  config.hmm.restarts = 2;
  const auto rows = compare_state_counts(h, config);
  ASSERT_EQ(rows.size(), 3u);
  std::size_t best = 0;
  for (const auto& r : rows) {
    const auto k = static_cast<std::size_t>(r.states);
    EXPECT_EQ(r.free_parameters, (k - 1) + k * (k - 1) + k * 8 + k * 8 * 9 / 2);
    EXPECT_NEAR(r.bic,
                -2.0 * r.log_likelihood + static_cast<double>(r.free_parameters) * std::log(2000.0),
                1e-6);
    EXPECT_EQ(r.state_names.size(), k);
    EXPECT_GT(r.mean_regime_duration_days, 1.0);
    best += r.lowest_bic ? 1 : 0;
  }
  EXPECT_EQ(best, 1u);
  const std::string table = format_state_count_table(rows);
  std::printf("%s", table.c_str());
  EXPECT_NE(table.find("BIC"), std::string::npos);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 4);
  EXPECT_THROW(compare_state_counts(h, config, {7}), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::regime
