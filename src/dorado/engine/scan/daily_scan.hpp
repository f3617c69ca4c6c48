#pragma once
// `dorado scan` end to end, around the pure scanner: the snapshots of every
// enabled universe underlying (in parallel when the source allows it), the
// book, the return correlations, the circuit breakers (rebuilt from the
// store's open risk events, evaluated, changes written), the scan itself,
// and the persistence of its journal, candidates and signals.
//
// Snapshots are built for the underlyings a scanning bot trades (the others
// have nothing to gate or resolve). The book: the account's starting equity,
// flat, until the store holds positions (the lifecycle issue adds them).
// Correlations: 60-day returns of the snapshots' bars, which covers every
// underlying a candidate of this scan can be on.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/configuration.hpp"
#include "dorado/engine/scan/market_snapshots.hpp"
#include "dorado/engine/scan/scan_json.hpp"
#include "dorado/engine/scan/scanner.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::engine {

struct DailyScanOptions {
  std::optional<Date> as_of;  // default: the source's default_as_of()
  ScanSettings settings{};
  // Reads the published regimes as of the scan instant (the caller knows the
  // cache); absent: no regimes, every gate falls back to allow-all.
  std::function<RegimeView(Timestamp)> read_regimes;
  std::function<void(const std::string&)> progress;  // one line per step
};

struct DailyScan {
  ScanResult result;
  ScanHeader header;
  std::vector<ports::RiskEventRecord> risk_events;  // written by this run
  std::vector<ports::CandidateRecord> candidates;   // as stored
};

// Throws std::invalid_argument when a given as_of is outside what the source
// can serve (e.g. outside the synthetic market's range).
DailyScan run_daily_scan(const config::Configuration& configuration, const MarketSnapshots& market,
                         ports::Store& store, const DailyScanOptions& options);

// The source dorado.yaml's market_data names. `today` is the clock's date
// (the store source's default scan date is bounded by it).
std::unique_ptr<MarketSnapshots> market_snapshots_for(const config::Configuration& configuration,
                                                      ports::Store& store, Date today);

// The symbols the enabled bots in scan mode trade, sorted.
std::vector<std::string> scanned_symbols(const config::Configuration& configuration);

// The snapshots of the enabled universe underlyings (of `only` when given), by symbol.
std::map<std::string, strategy::UnderlyingSnapshot> universe_snapshots(
    const config::Universe& universe, const MarketSnapshots& market, Date as_of,
    std::size_t threads = 0, const std::optional<std::vector<std::string>>& only = std::nullopt);

}  // namespace dorado::engine
