#pragma once
// The rows a scan leaves in the store: one candidate row per resolved
// candidate (selected, paper, dropped, blocked, or rejected by scoring or
// the currency check before selection) with its components, gates, legs and
// the config hash; one signal (source "scan") per candidate that reached
// selection, id "<scan_id>:<bot_id>", so a repeated scan is a duplicate.
#include <vector>

#include "dorado/config/risk_policy.hpp"
#include "dorado/engine/scan/scanner.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::engine {

std::vector<ports::CandidateRecord> candidate_records(const ScanResult& result,
                                                      const config::RiskPolicy& policy);
std::vector<ports::SignalRecord> signal_records(const ScanResult& result);

// Journal, candidates and signals, in one store transaction. Returns the
// candidate rows as stored.
std::vector<ports::CandidateRecord> persist_scan(ports::Store& store, const ScanResult& result,
                                                 const config::RiskPolicy& policy);

}  // namespace dorado::engine
