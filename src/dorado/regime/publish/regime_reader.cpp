#include "dorado/regime/publish/regime_reader.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "dorado/cache/keys.hpp"
#include "dorado/regime/publish/published_regime_json.hpp"

namespace dorado::regime {

namespace {

double hours_between(Timestamp earlier, Timestamp later) {
  return std::chrono::duration<double, std::ratio<3600>>(later - earlier).count();
}

}  // namespace

RegimeReader::RegimeReader(ports::Cache& cache, ports::Store& store, RegimeReaderConfig config)
    : cache_(cache), store_(store), config_(std::move(config)) {
  if (config_.max_age.count() <= 0)
    throw std::invalid_argument("regime reader: max_age must be positive, got " +
                                std::to_string(config_.max_age.count()) + " us");
}

RegimeView RegimeReader::read(Timestamp now) {
  RegimeView view;
  view.macro = read_single("macro", cache::keys::macro_regime(), now);
  view.correlation = read_single("correlation", cache::keys::correlation_regime(), now);
  view.fx = read_per_instrument("fx", cache::keys::fx_regime(), config_.fx_pairs, now);
  view.crypto =
      read_per_instrument("crypto", cache::keys::crypto_regime(), config_.crypto_coins, now);
  return view;
}

bool RegimeReader::fresh(const PublishedRegime& reading, Timestamp now) const {
  // A reading from after `now` (a replay restarted on an earlier day) is not
  // knowable yet, so it is no more usable than a stale one.
  return reading.as_of <= now && now - reading.as_of <= config_.max_age;
}

std::optional<std::string> RegimeReader::cached(const std::string& key) {
  try {
    return cache_.get(key);
  } catch (const ports::CacheError&) {  // the cache is disposable: fall back to the store
    return std::nullopt;
  }
}

std::vector<ports::RegimeHistoryEntry> RegimeReader::stored(const std::string& model,
                                                            std::optional<std::string> subject,
                                                            Timestamp now) {
  const Timestamp first = now - config_.max_age;
  return store_.read_regime_history({model, std::move(subject), first, now});
}

std::optional<PublishedRegime> RegimeReader::read_single(const std::string& model,
                                                         const std::string& key, Timestamp now) {
  std::optional<PublishedRegime> stale;
  if (const auto text = cached(key)) {
    try {
      auto reading = published_regime_from_json(*text);
      if (fresh(reading, now)) return reading;
      stale = std::move(reading);
    } catch (const std::invalid_argument&) {  // unreadable: as if absent
    }
  }
  const auto history = stored(model, "", now);
  if (!history.empty()) return history.back().regime;  // ordered by as_of: the newest
  journal_absent(now, model, stale);
  return std::nullopt;
}

std::map<std::string, PublishedRegime> RegimeReader::read_per_instrument(
    const std::string& model, const std::string& key, const std::vector<std::string>& expected,
    Timestamp now) {
  std::map<std::string, PublishedRegime> view;
  std::map<std::string, PublishedRegime> stale;
  if (const auto text = cached(key)) {
    try {
      for (auto& [instrument, reading] : published_regimes_from_json(*text))
        (fresh(reading, now) ? view : stale)[instrument] = std::move(reading);
    } catch (const std::invalid_argument&) {  // unreadable: as if absent
    }
  }
  std::set<std::string> wanted(expected.begin(), expected.end());
  for (const auto& [instrument, reading] : stale) wanted.insert(instrument);
  const bool incomplete =
      view.empty() || std::any_of(wanted.begin(), wanted.end(),
                                  [&](const std::string& i) { return !view.contains(i); });
  if (incomplete)
    for (auto& entry : stored(model, std::nullopt, now))
      if (!view.contains(entry.subject) || view[entry.subject].as_of < entry.regime.as_of)
        view[entry.subject] = std::move(entry.regime);
  if (view.empty() && wanted.empty()) journal_absent(now, model, std::nullopt);
  for (const auto& instrument : wanted) {
    if (view.contains(instrument)) continue;
    const auto it = stale.find(instrument);
    journal_absent(now, model + ":" + instrument,
                   it == stale.end() ? std::nullopt : std::optional{it->second});
  }
  return view;
}

void RegimeReader::journal_absent(Timestamp now, const std::string& subject,
                                  const std::optional<PublishedRegime>& stale) {
  nlohmann::json detail = {{"max_age_hours", hours_between(now - config_.max_age, now)},
                           {"fallback", "allow_all"}};
  std::string message;
  if (stale) {
    detail["as_of"] = to_iso8601(stale->as_of);
    detail["label"] = stale->label;
    detail["age_hours"] = hours_between(stale->as_of, now);
    message = "The " + subject + " regime (" + stale->label + " as of " + to_iso8601(stale->as_of) +
              ") is too old to use; the gates treat the regime as neutral and allow all.";
  } else {
    message = "No " + subject +
              " regime is published; the gates treat the regime as neutral and allow all.";
  }
  store_.append_journal({now, "regime", subject, stale ? "regime_stale" : "regime_missing", message,
                         detail.dump(), std::nullopt});
}

}  // namespace dorado::regime
