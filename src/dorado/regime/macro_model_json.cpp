#include "dorado/regime/macro_model_json.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace dorado::regime {

namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "dorado.macro_regime_model";
constexpr int kFormatVersion = 1;

json vector_json(const Eigen::VectorXd& v) {
  json out = json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(v[i]);
  return out;
}

json matrix_json(const Eigen::MatrixXd& m) {
  json out = json::array();
  for (Eigen::Index r = 0; r < m.rows(); ++r) out.push_back(vector_json(m.row(r).transpose()));
  return out;
}

Eigen::VectorXd vector_from(const json& j, const std::string& what) {
  if (!j.is_array()) throw std::invalid_argument("macro model JSON: " + what + " must be an array");
  Eigen::VectorXd v(static_cast<Eigen::Index>(j.size()));
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_number())
      throw std::invalid_argument("macro model JSON: " + what + " must hold numbers");
    v[static_cast<Eigen::Index>(i)] = j[i].get<double>();
  }
  return v;
}

Eigen::MatrixXd matrix_from(const json& j, const std::string& what) {
  if (!j.is_array())
    throw std::invalid_argument("macro model JSON: " + what + " must be an array of rows");
  if (j.empty()) return {};
  const auto cols = j[0].is_array() ? j[0].size() : 0;
  Eigen::MatrixXd m(static_cast<Eigen::Index>(j.size()), static_cast<Eigen::Index>(cols));
  for (std::size_t r = 0; r < j.size(); ++r) {
    const Eigen::VectorXd row = vector_from(j[r], what + " row " + std::to_string(r));
    if (static_cast<std::size_t>(row.size()) != cols)
      throw std::invalid_argument("macro model JSON: " + what + " rows differ in length");
    m.row(static_cast<Eigen::Index>(r)) = row.transpose();
  }
  return m;
}

Date date_from(const json& j, const std::string& what) {
  const auto text = j.get<std::string>();
  int y = 0;
  unsigned m = 0, d = 0;
  const char* p = text.data();
  const char* end = p + text.size();
  auto r1 = std::from_chars(p, end, y);
  bool ok = r1.ec == std::errc{} && r1.ptr != end && *r1.ptr == '-';
  if (ok) {
    auto r2 = std::from_chars(r1.ptr + 1, end, m);
    ok = r2.ec == std::errc{} && r2.ptr != end && *r2.ptr == '-';
    if (ok) {
      auto r3 = std::from_chars(r2.ptr + 1, end, d);
      ok = r3.ec == std::errc{} && r3.ptr == end;
    }
  }
  const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ok || !date.ok())
    throw std::invalid_argument("macro model JSON: " + what + " must be a YYYY-MM-DD date, got '" +
                                text + "'");
  return date;
}

MacroRegime regime_from(const json& j) {
  const auto text = j.get<std::string>();
  const auto regime = parse_name<MacroRegime>(text);
  if (!regime) throw std::invalid_argument("macro model JSON: unknown regime '" + text + "'");
  return *regime;
}

json config_json(const MacroModelConfig& c) {
  return {{"pca_components", c.pca_components},
          {"hmm",
           {{"states", c.hmm.states},
            {"restarts", c.hmm.restarts},
            {"seed", c.hmm.seed},
            {"covariance_regularisation", c.hmm.covariance_regularisation},
            {"tolerance", c.hmm.tolerance},
            {"max_iterations", c.hmm.max_iterations},
            {"screening_iterations", c.hmm.screening_iterations},
            {"initialisation",
             c.hmm.initialisation == HmmInitialisation::Quantile ? "quantile" : "kmeans++"},
            {"initial_persistence", c.hmm.initial_persistence}}},
          {"naming",
           {{"volatility", c.naming.volatility},
            {"credit_spread", c.naming.credit_spread},
            {"curve", c.naming.curve},
            {"trend", c.naming.trend}}},
          {"name_continuity_weight", c.name_continuity_weight},
          {"alert", {{"confidence_floor", c.alert.confidence_floor}, {"rise", c.alert.rise}}}};
}

MacroModelConfig config_from(const json& j) {
  MacroModelConfig c;
  c.pca_components = j.at("pca_components").get<Eigen::Index>();
  const json& h = j.at("hmm");
  c.hmm.states = h.at("states").get<Eigen::Index>();
  c.hmm.restarts = h.at("restarts").get<std::size_t>();
  c.hmm.seed = h.at("seed").get<std::uint64_t>();
  c.hmm.covariance_regularisation = h.at("covariance_regularisation").get<double>();
  c.hmm.tolerance = h.at("tolerance").get<double>();
  c.hmm.max_iterations = h.at("max_iterations").get<std::size_t>();
  c.hmm.screening_iterations = h.at("screening_iterations").get<std::size_t>();
  const auto init = h.at("initialisation").get<std::string>();
  if (init != "quantile" && init != "kmeans++")
    throw std::invalid_argument("macro model JSON: unknown initialisation '" + init + "'");
  c.hmm.initialisation =
      init == "quantile" ? HmmInitialisation::Quantile : HmmInitialisation::KMeansPlusPlus;
  c.hmm.initial_persistence = h.at("initial_persistence").get<double>();
  const json& n = j.at("naming");
  c.naming = {n.at("volatility").get<std::string>(), n.at("credit_spread").get<std::string>(),
              n.at("curve").get<std::string>(), n.at("trend").get<std::string>()};
  c.name_continuity_weight = j.at("name_continuity_weight").get<double>();
  c.alert = {j.at("alert").at("confidence_floor").get<double>(),
             j.at("alert").at("rise").get<double>()};
  c.validate();
  return c;
}

json metrics_json(const ModelMetrics& m) {
  return {{"log_likelihood", m.log_likelihood},
          {"free_parameters", m.free_parameters},
          {"bic", m.bic},
          {"iterations", m.iterations},
          {"converged", m.converged},
          {"best_restart", m.best_restart},
          {"mean_regime_duration_days", m.mean_regime_duration_days},
          {"expected_durations", vector_json(m.expected_durations)},
          {"state_occupancy", vector_json(m.state_occupancy)},
          {"explained_variance", m.explained_variance}};
}

ModelMetrics metrics_from(const json& j) {
  ModelMetrics m;
  m.log_likelihood = j.at("log_likelihood").get<double>();
  m.free_parameters = j.at("free_parameters").get<std::size_t>();
  m.bic = j.at("bic").get<double>();
  m.iterations = j.at("iterations").get<std::size_t>();
  m.converged = j.at("converged").get<bool>();
  m.best_restart = j.at("best_restart").get<std::size_t>();
  m.mean_regime_duration_days = j.at("mean_regime_duration_days").get<double>();
  m.expected_durations = vector_from(j.at("expected_durations"), "metrics.expected_durations");
  m.state_occupancy = vector_from(j.at("state_occupancy"), "metrics.state_occupancy");
  m.explained_variance = j.at("explained_variance").get<double>();
  return m;
}

MacroRegimeModel model_from(const json& j) {
  if (j.at("format").get<std::string>() != kFormat)
    throw std::invalid_argument("macro model JSON: not a " + std::string(kFormat));
  if (j.at("format_version").get<int>() != kFormatVersion)
    throw std::invalid_argument("macro model JSON: format_version " +
                                std::to_string(j.at("format_version").get<int>()) +
                                " is not supported (expected 1)");
  MacroRegimeModel model;
  model.version = j.at("version").get<std::string>();
  model.config = config_from(j.at("config"));
  model.feature_names = j.at("feature_names").get<std::vector<std::string>>();
  model.scaler = StandardScaler(vector_from(j.at("scaler").at("mean"), "scaler.mean"),
                                vector_from(j.at("scaler").at("scale"), "scaler.scale"));
  const json& p = j.at("pca");
  model.pca = Pca(vector_from(p.at("mean"), "pca.mean"),
                  matrix_from(p.at("components"), "pca.components").transpose(),
                  vector_from(p.at("explained_variance"), "pca.explained_variance"),
                  vector_from(p.at("explained_variance_ratio"), "pca.explained_variance_ratio"));
  const json& h = j.at("hmm");
  model.hmm.initial = vector_from(h.at("initial"), "hmm.initial");
  model.hmm.transition = matrix_from(h.at("transition"), "hmm.transition");
  model.hmm.means = matrix_from(h.at("means"), "hmm.means");
  for (const auto& c : h.at("covariances"))
    model.hmm.covariances.push_back(matrix_from(c, "hmm.covariances"));
  model.hmm.validate();
  for (const auto& n : j.at("state_names")) model.state_names.push_back(regime_from(n));
  model.state_profiles = matrix_from(j.at("state_profiles"), "state_profiles");
  model.feature_importance = vector_from(j.at("feature_importance"), "feature_importance");
  model.window = {date_from(j.at("window").at("first"), "window.first"),
                  date_from(j.at("window").at("last"), "window.last"),
                  j.at("window").at("days").get<std::size_t>()};
  model.metrics = metrics_from(j.at("metrics"));

  const auto features = static_cast<Eigen::Index>(model.feature_names.size());
  const Eigen::Index k = model.hmm.states();
  if (model.scaler.features() != features || model.pca.features() != features ||
      model.pca.components() != model.hmm.dimensions() ||
      static_cast<Eigen::Index>(model.state_names.size()) != k ||
      model.state_profiles.rows() != k || model.state_profiles.cols() != features ||
      model.feature_importance.size() != features)
    throw std::invalid_argument(
        "macro model JSON: feature names, scaler, PCA, HMM, state names and profiles do not fit "
        "together");
  return model;
}

}  // namespace

std::string save_macro_model(const MacroRegimeModel& model) {
  json covariances = json::array();
  for (const auto& c : model.hmm.covariances) covariances.push_back(matrix_json(c));
  json names = json::array();
  for (const auto r : model.state_names) names.push_back(std::string(name_of(r)));
  const json j = {
      {"format", kFormat},
      {"format_version", kFormatVersion},
      {"version", model.version},
      {"config", config_json(model.config)},
      {"feature_names", model.feature_names},
      {"scaler",
       {{"mean", vector_json(model.scaler.mean())}, {"scale", vector_json(model.scaler.scale())}}},
      {"pca",
       {{"mean", vector_json(model.pca.mean())},
        {"components", matrix_json(model.pca.loadings().transpose())},
        {"explained_variance", vector_json(model.pca.explained_variance())},
        {"explained_variance_ratio", vector_json(model.pca.explained_variance_ratio())}}},
      {"hmm",
       {{"initial", vector_json(model.hmm.initial)},
        {"transition", matrix_json(model.hmm.transition)},
        {"means", matrix_json(model.hmm.means)},
        {"covariances", covariances}}},
      {"state_names", names},
      {"state_profiles", matrix_json(model.state_profiles)},
      {"feature_importance", vector_json(model.feature_importance)},
      {"window",
       {{"first", to_iso_date(model.window.first)},
        {"last", to_iso_date(model.window.last)},
        {"days", model.window.days}}},
      {"metrics", metrics_json(model.metrics)}};
  return j.dump();
}

MacroRegimeModel load_macro_model(std::string_view json_text) {
  try {
    return model_from(json::parse(json_text));
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("macro model JSON: ") + e.what());
  }
}

}  // namespace dorado::regime
