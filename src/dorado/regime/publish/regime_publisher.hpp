#pragma once
// Writes each model's current output where the engine reads it: the cache
// key of the PRD (cache/keys.hpp, with the regime TTL) and one row per
// reading in the store's regime_history, which stays the durable truth when
// the cache is lost. Both writes happen on every publish; the store write
// comes first so a cache failure never leaves a reading that only the
// disposable cache knows. A cache failure (ports::CacheError) propagates to
// the caller after the history row is written; RegimeReader then finds the
// reading in the store.
//
// FX and crypto readings are per instrument: their cache key holds one
// object keyed by instrument and is replaced whole, so an instrument no
// longer published disappears from the cache instead of lingering.
#include <chrono>
#include <map>
#include <string>

#include "dorado/domain/published_regime.hpp"
#include "dorado/ports/cache.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::regime {

class RegimePublisher {
 public:
  // Both must outlive the publisher. `ttl` is the cache TTL of each key.
  RegimePublisher(ports::Cache& cache, ports::Store& store, ports::Ttl ttl);
  RegimePublisher(ports::Cache& cache, ports::Store& store);  // cache::keys::kRegimeTtl

  // Throw std::invalid_argument when a reading's model is not the one the
  // call names ("macro", "correlation", "fx", "crypto") or it has no label.
  void publish_macro(const PublishedRegime& reading);
  void publish_correlation(const PublishedRegime& reading);
  void publish_fx(const std::map<std::string, PublishedRegime>& by_pair);
  void publish_crypto(const std::map<std::string, PublishedRegime>& by_coin);

 private:
  void publish_one(std::string_view model, const std::string& key, const PublishedRegime& reading);
  void publish_each(std::string_view model, const std::string& key,
                    const std::map<std::string, PublishedRegime>& readings);

  ports::Cache& cache_;
  ports::Store& store_;
  ports::Ttl ttl_;
};

}  // namespace dorado::regime
