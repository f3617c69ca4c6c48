#pragma once
// The decision journal: why data was flagged and, later, why the engine did
// what it did. Findings are facts to look back on, not errors: appending one
// never refuses work elsewhere.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/domain/time.hpp"

namespace dorado::ports {

struct JournalEntry {
  Timestamp at;
  std::string stage;                       // "data", "gate", "selection" ...
  std::string subject;                     // what it is about: "SPY", "DGS10", "binance:BTCUSDT"
  std::string reason_code;                 // stable snake_case name: "data_gap", "return_outlier"
  std::string message;                     // one sentence for a human
  std::string detail_json = "{}";          // any JSON value; read back canonically (sorted keys)
  std::optional<std::string> config_hash;  // the configuration that produced the decision

  bool operator==(const JournalEntry&) const = default;
};

struct JournalRecord {
  std::int64_t id = 0;  // increasing in append order
  JournalEntry entry;

  bool operator==(const JournalRecord&) const = default;
};

// Records with id > after_id, oldest first, at most `limit`; stage and subject
// narrow the selection when given.
struct JournalQuery {
  std::optional<std::string> stage;
  std::optional<std::string> subject;
  std::int64_t after_id = 0;
  std::size_t limit = 1000;
};

}  // namespace dorado::ports
