#pragma once
// Rows of the stored time series and the outcome of writing a batch of them.
#include <cstddef>
#include <optional>
#include <string>

#include "dorado/domain/time.hpp"

namespace dorado::ports {

// One daily bar as stored: analytics, so double precision.
struct OhlcvBar {
  std::string symbol;
  Date bar_date;
  double open = 0, high = 0, low = 0, close = 0;
  std::optional<double> adj_close;
  double volume = 0;
  std::string source;  // "yahoo", "csv:spy.csv", "synthetic"

  bool operator==(const OhlcvBar&) const = default;
};

// One observation of a macro series (FRED id such as "DGS10", or a derived feature).
struct MacroObservation {
  std::string series;
  Date obs_date;
  double value = 0;

  bool operator==(const MacroObservation&) const = default;
};

// Inclusive on both ends.
struct DateRange {
  Date first;
  Date last;
};

struct RejectedRow {
  std::size_t index = 0;  // position in the batch
  std::string reason;     // a sentence naming the field and value
};

// A batch is written whole or not at all.
struct BatchWrite {
  std::size_t written = 0;
  std::optional<RejectedRow> rejected;

  bool ok() const { return !rejected.has_value(); }
};

}  // namespace dorado::ports
