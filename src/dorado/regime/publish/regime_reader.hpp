#pragma once
// Reads the published regimes back for the gate cascade, as a RegimeView.
//
// Where a reading comes from, in order: the cache key; when the cache has no
// usable value (key missing, cache unreachable, value not the published JSON),
// the newest regime_history row within the age limit. A reading older than
// `max_age` at `now`, or found nowhere, is left out of the view: an absent
// regime means neutral / allow-all for the gates (published_regime.hpp). Each
// such fallback is journaled (stage "regime", subject the model or
// "model:instrument", reason "regime_stale" or "regime_missing"), so a trade
// taken without a regime check can be traced to why.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/published_regime.hpp"
#include "dorado/ports/cache.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::regime {

struct RegimeReaderConfig {
  // Older than this at the reading instant counts as stale: a day and a bit,
  // the same reasoning as the cache TTL (one late run passes, a missed day
  // does not).
  std::chrono::microseconds max_age = std::chrono::hours{26};
  // FX pairs and coins the gates expect a regime for: one of them missing is
  // journaled too (an instrument never published cannot be missed otherwise).
  std::vector<std::string> fx_pairs;
  std::vector<std::string> crypto_coins;
};

class RegimeReader {
 public:
  // Both must outlive the reader. Throws std::invalid_argument for a
  // non-positive max_age.
  RegimeReader(ports::Cache& cache, ports::Store& store, RegimeReaderConfig config);

  RegimeView read(Timestamp now);

 private:
  std::optional<PublishedRegime> read_single(const std::string& model, const std::string& key,
                                             Timestamp now);
  std::map<std::string, PublishedRegime> read_per_instrument(
      const std::string& model, const std::string& key, const std::vector<std::string>& expected,
      Timestamp now);
  std::optional<std::string> cached(const std::string& key);
  std::vector<ports::RegimeHistoryEntry> stored(const std::string& model,
                                                std::optional<std::string> subject, Timestamp now);
  bool fresh(const PublishedRegime& reading, Timestamp now) const;
  void journal_absent(Timestamp now, const std::string& subject,
                      const std::optional<PublishedRegime>& stale);

  ports::Cache& cache_;
  ports::Store& store_;
  RegimeReaderConfig config_;
};

}  // namespace dorado::regime
