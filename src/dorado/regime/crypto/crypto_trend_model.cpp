#include "dorado/regime/crypto/crypto_trend_model.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "dorado/regime/boosting/boosting_params_json.hpp"
#include "dorado/regime/complete_days.hpp"
#include "dorado/regime/publish/published_regime_json.hpp"
#include "dorado/regime/training_rows.hpp"

namespace dorado::regime {

namespace {

using nlohmann::json;

struct TrendRow {
  Eigen::VectorXd features;
  bool trend;
  double strength;
  Date date;
  Date label_end;
};

Eigen::Index column(const CryptoFeatureTable& t, const std::string& name) {
  const auto it = std::find(t.names.begin(), t.names.end(), name);
  if (it == t.names.end()) throw std::invalid_argument("crypto labels: no feature column " + name);
  return static_cast<Eigen::Index>(it - t.names.begin());
}

std::vector<TrendRow> trend_rows(const std::map<std::string, CryptoFeatureTable>& coins,
                                 const CryptoTrendRule& rule) {
  std::vector<TrendRow> rows;
  const std::size_t h = rule.horizon;
  for (const auto& [coin, t] : coins) {
    const auto vol = column(t, "realized_vol_20d");
    for (std::size_t i = 0; i + h < t.closes.size(); ++i) {
      const auto r = static_cast<Eigen::Index>(i);
      if (!t.complete(r)) continue;
      const double sigma = t.values(r, vol) / std::sqrt(365.0);
      const double move = std::fabs(std::log(t.closes[i + h] / t.closes[i]));
      double path = 0.0;
      for (std::size_t k = i + 1; k <= i + h; ++k)
        path += std::fabs(std::log(t.closes[k] / t.closes[k - 1]));
      const double strength = move / (sigma * std::sqrt(static_cast<double>(h)));
      const double efficiency = path > 0 ? move / path : 0.0;
      rows.push_back({t.values.row(r).transpose(),
                      strength >= rule.min_sigmas && efficiency >= rule.min_efficiency, strength,
                      t.dates[i], t.dates[i + h]});
    }
  }
  return rows;
}

CryptoRegime truth_of(const TrendRow& r, double strong_threshold) {
  if (!r.trend) return CryptoRegime::NoTrend;
  return r.strength >= strong_threshold ? CryptoRegime::StrongTrend : CryptoRegime::WeakTrend;
}

CryptoRegime reading_of(double p, double strength, const CryptoTrendModel& model) {
  if (p < model.trend_threshold) return CryptoRegime::NoTrend;
  return strength >= model.strong_threshold ? CryptoRegime::StrongTrend : CryptoRegime::WeakTrend;
}

// Mann-Whitney: the share of (trend, no-trend) pairs ranked correctly, ties half.
double auc(const Eigen::VectorXd& p, const std::vector<const TrendRow*>& rows) {
  std::vector<std::pair<double, bool>> ranked;
  for (std::size_t i = 0; i < rows.size(); ++i)
    ranked.emplace_back(p[static_cast<Eigen::Index>(i)], rows[i]->trend);
  std::sort(ranked.begin(), ranked.end());
  double positives = 0, negatives = 0, rank_sum = 0;
  for (std::size_t i = 0; i < ranked.size();) {
    std::size_t j = i;
    while (j < ranked.size() && ranked[j].first == ranked[i].first) ++j;
    const double mean_rank = 0.5 * static_cast<double>(i + 1 + j);  // ranks i+1..j
    for (std::size_t k = i; k < j; ++k) {
      if (ranked[k].second) {
        rank_sum += mean_rank;
        ++positives;
      } else {
        ++negatives;
      }
    }
    i = j;
  }
  if (positives == 0 || negatives == 0) return 0.5;
  return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void evaluate(const CryptoTrendModel& model, const std::vector<const TrendRow*>& test,
              CryptoModelMetrics& m) {
  m.test_rows = test.size();
  if (test.empty()) return;
  const Eigen::MatrixXd x = stack_features(test, static_cast<Eigen::Index>(model.features.size()));
  const Eigen::MatrixXd z = model.scaler.transform(x);
  const Eigen::VectorXd p = model.stage1.probabilities(z);
  const Eigen::MatrixXd s = model.stage2.predict(x);
  std::size_t trend_days = 0, stage1_hits = 0, hits = 0;
  double squared = 0.0;
  for (std::size_t i = 0; i < test.size(); ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    const auto& r = *test[i];
    trend_days += r.trend;
    stage1_hits += (p[k] >= model.trend_threshold) == r.trend;
    if (r.trend) squared += (s(k, 0) - r.strength) * (s(k, 0) - r.strength);
    const auto truth = truth_of(r, model.strong_threshold);
    const auto guess = reading_of(p[k], s(k, 0), model);
    hits += truth == guess;
    ++m.confusion[static_cast<std::size_t>(truth)][static_cast<std::size_t>(guess)];
  }
  const double n = static_cast<double>(test.size());
  m.trend_base_rate = static_cast<double>(trend_days) / n;
  m.stage1_test_accuracy = static_cast<double>(stage1_hits) / n;
  m.stage1_test_auc = auc(p, test);
  m.stage2_test_rmse = trend_days ? std::sqrt(squared / static_cast<double>(trend_days)) : 0.0;
  m.test_accuracy = static_cast<double>(hits) / n;
}

// --- JSON ---

json vector_json(const Eigen::VectorXd& v) {
  return std::vector<double>(v.data(), v.data() + v.size());
}

Eigen::VectorXd vector_from(const json& j) {
  const auto v = j.get<std::vector<double>>();
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

json config_json(const CryptoModelConfig& c) {
  return {{"stage1",
           {{"c", c.stage1.c},
            {"max_iterations", c.stage1.max_iterations},
            {"tolerance", c.stage1.tolerance}}},
          {"stage2", boosting_params_json(c.stage2)},
          {"labels",
           {{"horizon", c.labels.horizon},
            {"min_sigmas", c.labels.min_sigmas},
            {"min_efficiency", c.labels.min_efficiency}}},
          {"trend_probability", c.trend_probability},
          {"train_share", c.train_share}};
}

CryptoModelConfig config_from(const json& j) {
  CryptoModelConfig c;
  const auto& s1 = j.at("stage1");
  c.stage1 = {s1.at("c").get<double>(), s1.at("max_iterations").get<std::size_t>(),
              s1.at("tolerance").get<double>()};
  c.stage2 = boosting_params_from(j.at("stage2"));
  const auto& l = j.at("labels");
  c.labels = {l.at("horizon").get<std::size_t>(), l.at("min_sigmas").get<double>(),
              l.at("min_efficiency").get<double>()};
  c.trend_probability = j.at("trend_probability").get<double>();
  c.train_share = j.at("train_share").get<double>();
  c.validate();
  return c;
}

json metrics_json(const CryptoModelMetrics& m) {
  json confusion = json::array();
  for (const auto& row : m.confusion) confusion.push_back(row);
  return {{"train_rows", m.train_rows},
          {"train_trend_rows", m.train_trend_rows},
          {"test_rows", m.test_rows},
          {"trend_base_rate", m.trend_base_rate},
          {"stage1_test_accuracy", m.stage1_test_accuracy},
          {"stage1_test_auc", m.stage1_test_auc},
          {"stage2_test_rmse", m.stage2_test_rmse},
          {"test_accuracy", m.test_accuracy},
          {"confusion", confusion},
          {"labels", {"strong_trend", "weak_trend", "no_trend"}},
          {"stage1_iterations", m.stage1_iterations},
          {"stage1_converged", m.stage1_converged},
          {"selected_features", m.selected_features}};
}

CryptoModelMetrics metrics_from(const json& j) {
  CryptoModelMetrics m;
  m.train_rows = j.at("train_rows").get<std::size_t>();
  m.train_trend_rows = j.at("train_trend_rows").get<std::size_t>();
  m.test_rows = j.at("test_rows").get<std::size_t>();
  m.trend_base_rate = j.at("trend_base_rate").get<double>();
  m.stage1_test_accuracy = j.at("stage1_test_accuracy").get<double>();
  m.stage1_test_auc = j.at("stage1_test_auc").get<double>();
  m.stage2_test_rmse = j.at("stage2_test_rmse").get<double>();
  m.test_accuracy = j.at("test_accuracy").get<double>();
  for (std::size_t t = 0; t < 3; ++t)
    for (std::size_t p = 0; p < 3; ++p)
      m.confusion[t][p] = j.at("confusion").at(t).at(p).get<std::size_t>();
  m.stage1_iterations = j.at("stage1_iterations").get<std::size_t>();
  m.stage1_converged = j.at("stage1_converged").get<bool>();
  m.selected_features = j.at("selected_features").get<std::vector<std::string>>();
  return m;
}

}  // namespace

void CryptoTrendRule::validate() const {
  if (horizon == 0) throw std::invalid_argument("crypto trend rule: horizon must be positive");
  if (!(min_sigmas >= 0) || !(min_efficiency >= 0 && min_efficiency <= 1))
    throw std::invalid_argument("crypto trend rule: thresholds out of range");
}

void CryptoModelConfig::validate() const {
  stage1.validate();
  stage2.validate();
  labels.validate();
  if (stage2.objective.starts_with("multi:"))
    throw std::invalid_argument("crypto model: stage 2 is a regressor");
  if (!(trend_probability >= 0 && trend_probability < 1))
    throw std::invalid_argument("crypto model: trend_probability must be in [0, 1)");
  if (!(train_share > 0 && train_share <= 1))
    throw std::invalid_argument("crypto model: train_share must be in (0, 1]");
}

std::vector<CryptoTrendReading> CryptoTrendModel::classify(const CryptoFeatureTable& table) const {
  require_model_columns(table.names, features, "crypto model " + version);
  const auto [rows, x] = complete_days(table);
  std::vector<CryptoTrendReading> out;
  if (rows.empty()) return out;
  const Eigen::VectorXd p = stage1.probabilities(scaler.transform(x));
  const Eigen::MatrixXd s = stage2.predict(x);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(k);
    CryptoTrendReading r;
    r.date = table.dates[static_cast<std::size_t>(rows[k])];
    r.trend_probability = p[i];
    r.strength = s(i, 0);
    r.regime = reading_of(p[i], s(i, 0), *this);
    r.confidence = r.regime == CryptoRegime::NoTrend ? 1.0 - p[i] : p[i];
    out.push_back(r);
  }
  return out;
}

std::optional<CryptoTrendReading> CryptoTrendModel::latest(const CryptoFeatureTable& table) const {
  auto all = classify(table);
  if (all.empty()) return std::nullopt;
  return all.back();
}

CryptoTrendModel train_crypto_model(const std::map<std::string, CryptoFeatureTable>& coins,
                                    const CryptoModelConfig& config) {
  config.validate();
  const auto& names = shared_columns(coins, "crypto model", "coin");
  const auto rows = trend_rows(coins, config.labels);
  if (rows.empty())
    throw std::invalid_argument("crypto model: no labelled day with complete features");
  const auto [train, test] = split_at_cut(rows, config.train_share);
  std::vector<const TrendRow*> train_trend;
  for (const auto* r : train)
    if (r->trend) train_trend.push_back(r);
  if (train.size() < 50 || train_trend.size() < 10)
    throw std::invalid_argument("crypto model: " + std::to_string(train.size()) +
                                " training days, " + std::to_string(train_trend.size()) +
                                " with a trend; at least 50 and 10 are needed");
  const auto width = static_cast<Eigen::Index>(names.size());
  const Eigen::MatrixXd x = stack_features(train, width);
  auto scaler = StandardScaler::fit(x);
  std::vector<int> trend_labels;
  for (const auto* r : train) trend_labels.push_back(r->trend ? 1 : 0);
  auto stage1 = fit_l1_logistic(scaler.transform(x), trend_labels, config.stage1);
  std::vector<double> strengths;
  for (const auto* r : train_trend) strengths.push_back(r->strength);
  auto stage2 = BoostedTrees::train(stack_features(train_trend, width), strengths, config.stage2);

  const auto [first, last] = training_window(train);
  CryptoTrendModel model{"crypto-l1xgb/" + to_iso_date(first) + ".." + to_iso_date(last),
                         config,
                         names,
                         std::move(scaler),
                         std::move(stage1),
                         std::move(stage2),
                         0.0,
                         median(strengths),
                         first,
                         last,
                         {}};
  model.trend_threshold = config.trend_probability > 0 ? config.trend_probability
                                                       : static_cast<double>(train_trend.size()) /
                                                             static_cast<double>(train.size());
  auto& m = model.metrics;
  m.train_rows = train.size();
  m.train_trend_rows = train_trend.size();
  m.stage1_iterations = model.stage1.iterations;
  m.stage1_converged = model.stage1.converged;
  for (std::size_t f = 0; f < names.size(); ++f)
    if (model.stage1.weights[static_cast<Eigen::Index>(f)] != 0.0)
      m.selected_features.push_back(names[f]);
  evaluate(model, test, m);
  return model;
}

PublishedRegime to_published(const CryptoTrendReading& reading, Timestamp as_of,
                             const std::string& model_version) {
  PublishedRegime p;
  p.model = "crypto";
  p.label = std::string(name_of(reading.regime));
  p.confidence = reading.confidence;
  p.probabilities["no_trend"] = 1.0 - reading.trend_probability;
  if (reading.regime != CryptoRegime::NoTrend) p.probabilities[p.label] = reading.trend_probability;
  p.as_of = as_of;
  p.model_version = model_version;
  return p;
}

std::string crypto_metrics_json(const CryptoModelMetrics& metrics) {
  return metrics_json(metrics).dump();
}

std::string save_crypto_model(const CryptoTrendModel& model) {
  const json j = {
      {"format", "dorado.crypto_trend_model"},
      {"format_version", 1},
      {"version", model.version},
      {"config", config_json(model.config)},
      {"features", model.features},
      {"unavailable_features", crypto_unavailable_features()},
      {"scaler",
       {{"mean", vector_json(model.scaler.mean())}, {"scale", vector_json(model.scaler.scale())}}},
      {"stage1",
       {{"weights", vector_json(model.stage1.weights)},
        {"intercept", model.stage1.intercept},
        {"iterations", model.stage1.iterations},
        {"converged", model.stage1.converged}}},
      {"stage2", model.stage2.to_json()},
      {"trend_threshold", model.trend_threshold},
      {"strong_threshold", model.strong_threshold},
      {"window",
       {{"first", to_iso_date(model.trained_from)}, {"last", to_iso_date(model.trained_to)}}},
      {"metrics", metrics_json(model.metrics)}};
  return j.dump();
}

CryptoTrendModel load_crypto_model(std::string_view text) {
  try {
    const json j = json::parse(text);
    if (j.at("format") != "dorado.crypto_trend_model" || j.at("format_version") != 1)
      throw std::invalid_argument(
          "crypto model JSON: not a dorado.crypto_trend_model of format_version 1");
    const auto& s1 = j.at("stage1");
    L1LogisticRegression stage1{vector_from(s1.at("weights")), s1.at("intercept").get<double>(),
                                s1.at("iterations").get<std::size_t>(),
                                s1.at("converged").get<bool>()};
    CryptoTrendModel model{j.at("version").get<std::string>(),
                           config_from(j.at("config")),
                           j.at("features").get<std::vector<std::string>>(),
                           StandardScaler(vector_from(j.at("scaler").at("mean")),
                                          vector_from(j.at("scaler").at("scale"))),
                           std::move(stage1),
                           BoostedTrees::from_json(j.at("stage2").get<std::string>()),
                           j.at("trend_threshold").get<double>(),
                           j.at("strong_threshold").get<double>(),
                           parse_iso_date(j.at("window").at("first").get<std::string>()),
                           parse_iso_date(j.at("window").at("last").get<std::string>()),
                           metrics_from(j.at("metrics"))};
    const auto width = static_cast<Eigen::Index>(model.features.size());
    if (model.scaler.features() != width || model.stage1.weights.size() != width ||
        static_cast<Eigen::Index>(model.stage2.features()) != width)
      throw std::invalid_argument(
          "crypto model JSON: scaler, stage 1 and stage 2 disagree on the feature count");
    return model;
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("crypto model JSON: ") + e.what());
  } catch (const std::runtime_error& e) {
    throw std::invalid_argument(std::string("crypto model JSON: stage 2: ") + e.what());
  }
}

}  // namespace dorado::regime
