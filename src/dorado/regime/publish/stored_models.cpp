#include "dorado/regime/publish/stored_models.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/regime/macro_model_json.hpp"

namespace dorado::regime {

namespace {

template <typename Model, typename Load>
std::optional<Model> load_latest(ports::Store& store, const std::string& name, Load load) {
  const auto record = store.latest_regime_model(name);
  if (!record) return std::nullopt;
  try {
    return load(record->body);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("stored " + name + " model " + record->version +
                                " does not load: " + e.what());
  }
}

}  // namespace

void save_model(ports::Store& store, const MacroRegimeModel& model, Timestamp saved_at) {
  std::string body = save_macro_model(model);
  const auto metrics = nlohmann::json::parse(body).at("metrics").dump();
  store.save_regime_model({"macro", model.version, model.window.first, model.window.last, metrics,
                           std::move(body), saved_at});
}

void save_model(ports::Store& store, const FxRegimeModel& model, Timestamp saved_at) {
  store.save_regime_model({"fx", model.version(), model.trained_from(), model.trained_to(),
                           fx_metrics_json(model.metrics()), save_fx_model(model), saved_at});
}

void save_model(ports::Store& store, const CryptoTrendModel& model, Timestamp saved_at) {
  store.save_regime_model({"crypto", model.version, model.trained_from, model.trained_to,
                           crypto_metrics_json(model.metrics), save_crypto_model(model), saved_at});
}

std::optional<MacroRegimeModel> load_latest_macro_model(ports::Store& store) {
  return load_latest<MacroRegimeModel>(store, "macro", load_macro_model);
}

std::optional<FxRegimeModel> load_latest_fx_model(ports::Store& store) {
  return load_latest<FxRegimeModel>(store, "fx", load_fx_model);
}

std::optional<CryptoTrendModel> load_latest_crypto_model(ports::Store& store) {
  return load_latest<CryptoTrendModel>(store, "crypto", load_crypto_model);
}

}  // namespace dorado::regime
