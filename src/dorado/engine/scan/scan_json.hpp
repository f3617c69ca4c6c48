#pragma once
// The scan as JSON: what `dorado scan --json` prints and what the store's
// candidate rows carry (components, gates, legs). Keys are fixed and arrays
// are in rank or configuration order, so the same scan gives the same bytes.
//
// Risk confidence (shown per candidate): how much the risk layer can trust
// the inputs it sized the trade on, in [0, 1]: min(data quality, regime
// confidence), where data quality is the score's data_quality component (1
// when the score has none) and regime confidence is the published regime's
// probability, or 0.5 when the regime was unknown or stale (allow-all, the
// same half-confidence adaptive sizing assumes). Labels: high >= 0.75,
// medium >= 0.5, low below.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "dorado/engine/scan/scanner.hpp"

namespace dorado::engine {

double risk_confidence(const BotScan& bot);
std::string_view risk_confidence_label(double confidence);

nlohmann::json gate_json(const GateResult& gate);
// Gates, then the trade-level risk checks, as evaluated.
nlohmann::json gates_json(const BotScan& bot);
nlohmann::json legs_json(const strategy::ResolutionDetail& detail);
// Score components, money, tier-2 and tier-3 figures, marks and sizing.
nlohmann::json components_json(const BotScan& bot);

struct ScanHeader {
  std::string market_data;  // the snapshot source's description
  RegimeView regimes;
};

nlohmann::json scan_json(const ScanResult& result, const ScanHeader& header);

}  // namespace dorado::engine
