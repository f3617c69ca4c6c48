#pragma once
// What the daily scan persists: its candidates (with every score component,
// gate and the configuration hash), the signals it raised, and the risk
// events of the circuit breakers. Rows carry their structured parts as JSON
// text, so the store stays ignorant of the engine's types; JSON is read back
// canonically (sorted keys), as in the journal.
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/domain/time.hpp"

namespace dorado::ports {

// One candidate of one scan. A scan is identified by its scan_id (the engine
// derives it from the scan date and the configuration hash), so running the
// same scan again supersedes the rows of the earlier run instead of adding a
// second, competing list.
struct CandidateRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string scan_id;
  Date scan_date{};
  std::optional<std::string> bot_id;
  std::string symbol;
  std::string strategy;
  std::optional<int> rank;  // portfolio rank, 1-based, when it reached selection
  std::optional<double> score;
  std::string components_json = "{}";  // score components and the resolved figures
  std::string gates_json = "[]";       // every gate and check with its measured values
  std::string legs_json = "[]";
  // selected | paper | dropped | blocked | rejected (stopped before selection)
  std::string status;
  std::optional<std::string> reason_code;
  std::optional<std::string> config_hash;
  Timestamp created_at{};
  std::optional<Timestamp> expires_at;

  bool operator==(const CandidateRecord&) const = default;
};

// A request to trade as it entered the system (table signals). The pair
// (source, signal_id) is unique: a second delivery is a duplicate.
struct SignalRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string source;   // "scan" or "webhook"
  std::optional<std::string> signal_id;
  std::optional<std::string> bot_id;
  std::string symbol;
  std::string action;  // open | close | buy | sell
  Timestamp received_at{};
  std::string status;  // what became of it: the selection outcome for a scan
  std::optional<std::string> reason_code;
  std::optional<std::string> reason;
  std::string payload_json = "{}";
  std::optional<std::string> research_context_json;

  bool operator==(const SignalRecord&) const = default;
};

struct SignalWrite {
  SignalRecord record;     // as stored (the earlier one when a duplicate)
  bool duplicate = false;  // the (source, signal_id) was already stored
};

// A circuit breaker tripping or lifting (risk::RiskEvent as a row). A trip
// stays open (lifted_at empty) until the breaker lifts.
struct RiskEventRecord {
  std::int64_t id = 0;  // assigned by the store
  Timestamp at{};
  std::string kind;  // breaker_tripped | breaker_lifted
  std::optional<std::string> breaker;
  std::string action;
  std::optional<double> measured;
  std::optional<double> threshold;
  std::string reason;
  std::optional<Timestamp> lifted_at;
  std::optional<std::string> lifted_by;

  bool operator==(const RiskEventRecord&) const = default;
};

}  // namespace dorado::ports
