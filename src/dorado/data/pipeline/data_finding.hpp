#pragma once
// A data-quality finding: something in a series a trader should know about
// before trusting it (a gap, a spike, a broken bar). Findings are journaled
// (stage "data") and never stop an import or a fetch by themselves.
//
// reason_code names, stable like the domain's ReasonCode names:
//   data_gap            expected trading days with no observation, as one run
//   off_calendar        an observation on a day the series' calendar is closed
//   non_positive_price  a bar with a zero or negative price
//   ohlc_inconsistent   high/low not bracketing open/close, high below low
//   price_spike         a one-day jump that reverses the next day: a bad tick
//   return_outlier      a daily log return beyond k robust sigmas
//   missing_value       days a source lists without a value (FRED's ".")
//   crossed_quote       an option quote whose bid is above its ask
//   fetch_failed        a source could not deliver a series
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/time.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::data {

struct DataFinding {
  std::string subject;  // "SPY", "DGS10", "binance:BTCUSDT"
  std::string reason_code;
  std::string message;
  nlohmann::json detail = nlohmann::json::object();
  std::optional<Date> date;  // the day it is about, when it is about one

  bool operator==(const DataFinding&) const = default;
};

// Appends each finding to the journal (stage "data") at `at`.
void journal_findings(ports::Store& store, const std::vector<DataFinding>& findings, Timestamp at,
                      const std::optional<std::string>& config_hash);

}  // namespace dorado::data
