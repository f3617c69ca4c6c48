#include "dorado/regime/publish/regime_publisher.hpp"

#include <stdexcept>

#include "dorado/cache/keys.hpp"
#include "dorado/regime/publish/published_regime_json.hpp"

namespace dorado::regime {

namespace {

void check(std::string_view model, const PublishedRegime& reading, std::string_view instrument) {
  const std::string who =
      std::string(model) + (instrument.empty() ? "" : " " + std::string(instrument));
  if (reading.model != model)
    throw std::invalid_argument("publish " + who + ": reading is of model \"" + reading.model +
                                "\"");
  if (reading.label.empty()) throw std::invalid_argument("publish " + who + ": empty label");
}

}  // namespace

RegimePublisher::RegimePublisher(ports::Cache& cache, ports::Store& store, ports::Ttl ttl)
    : cache_(cache), store_(store), ttl_(ttl) {}

RegimePublisher::RegimePublisher(ports::Cache& cache, ports::Store& store)
    : RegimePublisher(cache, store, cache::keys::kRegimeTtl) {}

void RegimePublisher::publish_macro(const PublishedRegime& reading) {
  publish_one("macro", cache::keys::macro_regime(), reading);
}

void RegimePublisher::publish_correlation(const PublishedRegime& reading) {
  publish_one("correlation", cache::keys::correlation_regime(), reading);
}

void RegimePublisher::publish_fx(const std::map<std::string, PublishedRegime>& by_pair) {
  publish_each("fx", cache::keys::fx_regime(), by_pair);
}

void RegimePublisher::publish_crypto(const std::map<std::string, PublishedRegime>& by_coin) {
  publish_each("crypto", cache::keys::crypto_regime(), by_coin);
}

void RegimePublisher::publish_one(std::string_view model, const std::string& key,
                                  const PublishedRegime& reading) {
  check(model, reading, "");
  store_.append_regime_history({"", reading});
  cache_.set(key, to_json(reading), ttl_);
}

void RegimePublisher::publish_each(std::string_view model, const std::string& key,
                                   const std::map<std::string, PublishedRegime>& readings) {
  for (const auto& [instrument, reading] : readings) {
    if (instrument.empty())
      throw std::invalid_argument("publish " + std::string(model) + ": empty instrument");
    check(model, reading, instrument);
  }
  store_.transaction([&](ports::Store& tx) {
    for (const auto& [instrument, reading] : readings)
      tx.append_regime_history({instrument, reading});
  });
  cache_.set(key, to_json(readings), ttl_);
}

}  // namespace dorado::regime
