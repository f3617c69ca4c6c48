#pragma once
// `dorado data import FILE.csv --symbol X [--kind ohlcv|macro|chain]`:
// reads a downloaded file, checks every row, and writes all of it or none of
// it in one store transaction. Bad rows refuse the whole file and are all
// reported as file:line: message; data-quality findings (gaps, outliers,
// crossed quotes, FRED's missing days) are journaled beside the rows and
// never refuse the file. A chain import also stores the day's 30-day ATM
// implied vol in iv_history when it can be computed (a finding says why not).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/data/import/csv_kind.hpp"
#include "dorado/data/pipeline/data_finding.hpp"
#include "dorado/data/pipeline/iv_history.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::data {

struct ImportRequest {
  std::string symbol;           // the series' name in the store: SPY, VIXCLS, USDJPY
  std::optional<CsvKind> kind;  // detected from the first lines when absent
  // The calendar gaps are counted against; when absent, bars with a weekend
  // day among them use crypto's, everything else NYSE's.
  const calendar::ExchangeCalendar* calendar = nullptr;
  Timestamp at;                            // journal time
  std::optional<std::string> config_hash;  // journaled with the findings
  IvHistoryOptions iv;                     // for chains
};

struct ImportReport {
  std::optional<CsvKind> kind;
  std::size_t rows_written = 0;    // bars, observations or option contracts
  std::size_t missing_values = 0;  // macro days without a value, not stored
  std::optional<Date> first, last;
  std::vector<std::string> problems;  // "file:line: message"; non-empty: nothing was written
  std::vector<DataFinding> findings;  // journaled
  std::optional<Iv30> iv30;           // chains: stored in iv_history

  bool ok() const { return problems.empty(); }
};

// `label` names the file in messages ("spy.csv") and in the rows' source ("csv:spy.csv").
ImportReport import_csv_text(ports::Store& store, std::string_view text, const std::string& label,
                             const ImportRequest& request);

// Reads `file` (a problem, not an exception, when it cannot be read).
ImportReport import_csv_file(ports::Store& store, const std::filesystem::path& file,
                             const ImportRequest& request);

}  // namespace dorado::data
