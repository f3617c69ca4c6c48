#include "dorado/regime/fx/fx_regime_model.hpp"

#include <algorithm>
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

struct LabelledRow {
  Eigen::VectorXd features;
  double label;
  Date date;
  Date label_end;  // the last day whose close the label used
};

std::vector<LabelledRow> labelled_rows(const std::map<std::string, FxFeatureTable>& pairs,
                                       const FxLabelRule& rule) {
  std::vector<LabelledRow> rows;
  for (const auto& [pair, table] : pairs) {
    const auto labels = fx_labels(table, rule);
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const auto r = static_cast<Eigen::Index>(i);
      if (!labels[i] || !table.complete(r)) continue;
      rows.push_back({table.values.row(r).transpose(), static_cast<double>(*labels[i]),
                      table.dates[i], table.dates[i + rule.horizon]});
    }
  }
  return rows;
}

std::size_t argmax(const Eigen::RowVectorXd& p) {
  Eigen::Index best = 0;
  p.maxCoeff(&best);  // the first of equal maxima
  return static_cast<std::size_t>(best);
}

double accuracy_of(const BoostedTrees& trees, const std::vector<const LabelledRow*>& rows,
                   FxConfusion* confusion) {
  if (rows.empty()) return 0.0;
  const Eigen::MatrixXd p = trees.predict(stack_features(rows, rows.front()->features.size()));
  std::size_t hits = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto truth = static_cast<std::size_t>(rows[i]->label);
    const auto guess = argmax(p.row(static_cast<Eigen::Index>(i)));
    hits += truth == guess;
    if (confusion) ++(*confusion)[truth][guess];
  }
  return static_cast<double>(hits) / static_cast<double>(rows.size());
}

// --- JSON ---

json config_json(const FxModelConfig& c) {
  auto boosting = boosting_params_json(c.boosting);
  boosting["classes"] = c.boosting.classes;
  return {{"boosting", boosting},
          {"labels",
           {{"horizon", c.labels.horizon},
            {"fall_sigmas", c.labels.fall_sigmas},
            {"vix_spike", c.labels.vix_spike},
            {"edge_sigmas", c.labels.edge_sigmas}}},
          {"train_share", c.train_share}};
}

FxModelConfig config_from(const json& j) {
  FxModelConfig c;
  c.boosting = boosting_params_from(j.at("boosting"));
  c.boosting.classes = j.at("boosting").at("classes").get<int>();
  const auto& l = j.at("labels");
  c.labels = {l.at("horizon").get<std::size_t>(), l.at("fall_sigmas").get<double>(),
              l.at("vix_spike").get<double>(), l.at("edge_sigmas").get<double>()};
  c.train_share = j.at("train_share").get<double>();
  c.validate();
  return c;
}

json metrics_json(const FxModelMetrics& m) {
  json confusion = json::array();
  for (const auto& row : m.confusion) confusion.push_back(row);
  return {{"train_rows", m.train_rows},
          {"test_rows", m.test_rows},
          {"train_accuracy", m.train_accuracy},
          {"test_accuracy", m.test_accuracy},
          {"confusion", confusion},
          {"labels", {"carry", "momentum", "mean_reversion", "risk_off_unwind"}},
          {"test_first", to_iso_date(m.test_first)},
          {"test_last", to_iso_date(m.test_last)}};
}

FxModelMetrics metrics_from(const json& j) {
  FxModelMetrics m;
  m.train_rows = j.at("train_rows").get<std::size_t>();
  m.test_rows = j.at("test_rows").get<std::size_t>();
  m.train_accuracy = j.at("train_accuracy").get<double>();
  m.test_accuracy = j.at("test_accuracy").get<double>();
  const auto& confusion = j.at("confusion");
  for (std::size_t t = 0; t < kFxRegimeCount; ++t)
    for (std::size_t p = 0; p < kFxRegimeCount; ++p)
      m.confusion[t][p] = confusion.at(t).at(p).get<std::size_t>();
  m.test_first = parse_iso_date(j.at("test_first").get<std::string>());
  m.test_last = parse_iso_date(j.at("test_last").get<std::string>());
  return m;
}

}  // namespace

void FxModelConfig::validate() const {
  boosting.validate();
  labels.validate();
  if (boosting.objective != "multi:softprob" || boosting.classes != int(kFxRegimeCount))
    throw std::invalid_argument("fx model: the booster must be multi:softprob over 4 regimes");
  if (!(train_share > 0 && train_share <= 1))
    throw std::invalid_argument("fx model: train_share must be in (0, 1]");
}

FxRegimeModel::FxRegimeModel(std::string version, FxModelConfig config,
                             std::vector<std::string> features, BoostedTrees trees,
                             Date trained_from, Date trained_to, FxModelMetrics metrics)
    : version_(std::move(version)),
      config_(std::move(config)),
      features_(std::move(features)),
      trees_(std::move(trees)),
      trained_from_(trained_from),
      trained_to_(trained_to),
      metrics_(metrics) {
  if (trees_.features() != features_.size())
    throw std::invalid_argument("fx model: the booster has " + std::to_string(trees_.features()) +
                                " features, the model names " + std::to_string(features_.size()));
}

std::vector<FxRegimeReading> FxRegimeModel::classify(const FxFeatureTable& table) const {
  require_model_columns(table.names, features_, "fx model " + version_);
  const auto [rows, x] = complete_days(table);
  const Eigen::MatrixXd p = trees_.predict(x);
  std::vector<FxRegimeReading> out;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    FxRegimeReading r;
    r.date = table.dates[static_cast<std::size_t>(rows[k])];
    for (std::size_t c = 0; c < kFxRegimeCount; ++c)
      r.probabilities[c] = p(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(c));
    const auto best = argmax(p.row(static_cast<Eigen::Index>(k)));
    r.regime = static_cast<FxRegime>(best);
    r.confidence = r.probabilities[best];
    out.push_back(r);
  }
  return out;
}

std::optional<FxRegimeReading> FxRegimeModel::latest(const FxFeatureTable& table) const {
  auto all = classify(table);
  if (all.empty()) return std::nullopt;
  return all.back();
}

FxRegimeModel train_fx_model(const std::map<std::string, FxFeatureTable>& pairs,
                             const FxModelConfig& config) {
  config.validate();
  const auto& names = shared_columns(pairs, "fx model", "pair");
  const auto rows = labelled_rows(pairs, config.labels);
  if (rows.empty()) throw std::invalid_argument("fx model: no labelled day with complete features");
  const auto [train, test] = split_at_cut(rows, config.train_share);
  if (train.size() < 50)
    throw std::invalid_argument("fx model: only " + std::to_string(train.size()) +
                                " training rows; at least 50 are needed");
  std::vector<double> labels;
  for (const auto* r : train) labels.push_back(r->label);
  auto trees = BoostedTrees::train(stack_features(train, static_cast<Eigen::Index>(names.size())),
                                   labels, config.boosting);

  FxModelMetrics metrics;
  metrics.train_rows = train.size();
  metrics.test_rows = test.size();
  metrics.train_accuracy = accuracy_of(trees, train, nullptr);
  metrics.test_accuracy = accuracy_of(trees, test, &metrics.confusion);
  const auto [first, last] = training_window(train);
  metrics.test_first = test.empty() ? last : test.front()->date;
  metrics.test_last = test.empty() ? last : test.front()->date;
  for (const auto* r : test) {
    if (!before_or_on(metrics.test_first, r->date)) metrics.test_first = r->date;
    if (before_or_on(metrics.test_last, r->date)) metrics.test_last = r->date;
  }
  const std::string version = "fx-xgb/" + to_iso_date(first) + ".." + to_iso_date(last);
  return {version, config, names, std::move(trees), first, last, metrics};
}

PublishedRegime to_published(const FxRegimeReading& reading, Timestamp as_of,
                             const std::string& model_version) {
  PublishedRegime p;
  p.model = "fx";
  p.label = std::string(name_of(reading.regime));
  p.confidence = reading.confidence;
  for (std::size_t c = 0; c < kFxRegimeCount; ++c)
    p.probabilities[std::string(name_of(static_cast<FxRegime>(c)))] = reading.probabilities[c];
  p.as_of = as_of;
  p.model_version = model_version;
  return p;
}

std::string fx_metrics_json(const FxModelMetrics& metrics) {
  return metrics_json(metrics).dump();
}

std::string save_fx_model(const FxRegimeModel& model) {
  const json j = {
      {"format", "dorado.fx_regime_model"},
      {"format_version", 1},
      {"version", model.version()},
      {"config", config_json(model.config())},
      {"features", model.features()},
      {"unavailable_features", fx_unavailable_features()},
      {"window",
       {{"first", to_iso_date(model.trained_from())}, {"last", to_iso_date(model.trained_to())}}},
      {"metrics", metrics_json(model.metrics())},
      {"booster", model.trees().to_json()}};
  return j.dump();
}

FxRegimeModel load_fx_model(std::string_view text) {
  try {
    const json j = json::parse(text);
    if (j.at("format") != "dorado.fx_regime_model" || j.at("format_version") != 1)
      throw std::invalid_argument("not a dorado.fx_regime_model of format_version 1");
    return {j.at("version").get<std::string>(),
            config_from(j.at("config")),
            j.at("features").get<std::vector<std::string>>(),
            BoostedTrees::from_json(j.at("booster").get<std::string>()),
            parse_iso_date(j.at("window").at("first").get<std::string>()),
            parse_iso_date(j.at("window").at("last").get<std::string>()),
            metrics_from(j.at("metrics"))};
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("fx model JSON: ") + e.what());
  } catch (const std::runtime_error& e) {  // XGBoost refused the booster
    throw std::invalid_argument(std::string("fx model JSON: booster: ") + e.what());
  }
}

}  // namespace dorado::regime
