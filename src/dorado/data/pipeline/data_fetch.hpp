#pragma once
// Runs a fetch plan against the source clients, incrementally: each series
// asks only for the days after the last one stored (funding: the prints
// after the last stored instant); a series with nothing stored starts at its
// history start. Each series is written in one store transaction together
// with its data-quality findings (checked over the new rows plus the stored
// quarter before them, so a gap at the seam or an outlier on the first new
// day is seen). Yahoo bars that fail the bar checks are journaled and left
// out: a broken bar never reaches the store.
//
// A failing source does not stop the others: its failure is recorded (and
// journaled as fetch_failed) and the run goes on; the report lists every
// failure.
#include <optional>
#include <string>
#include <vector>

#include "dorado/data/pipeline/fetch_plan.hpp"
#include "dorado/data/pipeline/fetch_progress.hpp"
#include "dorado/data/sources/cftc_client.hpp"
#include "dorado/data/sources/fred_client.hpp"
#include "dorado/data/sources/funding_clients.hpp"
#include "dorado/data/sources/yahoo_client.hpp"
#include "dorado/ports/clock.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::data {

// The clients a fetch may use; a missing one fails its jobs with `why_missing`.
struct SourceClients {
  YahooClient* yahoo = nullptr;
  FredClient* fred = nullptr;
  CftcClient* cftc = nullptr;
  BinanceFundingClient* binance = nullptr;
  HyperliquidFundingClient* hyperliquid = nullptr;
  std::string fred_missing = "no FRED client (set FRED_API_KEY)";
};

struct FetchOptions {
  Date history_start{std::chrono::year{2000} / 1 / 1};  // bars and macro series
  Date cot_start{std::chrono::year{2010} / 1 / 1};
  Date funding_start{std::chrono::year{2019} / 9 / 1};  // Binance USD-M perpetuals began
  std::optional<std::string> config_hash;               // journaled with findings
};

struct FetchOutcome {
  FetchJob job;
  std::optional<ports::DateRange> asked;  // nothing: already up to date
  std::size_t rows_written = 0;
  std::size_t findings = 0;            // journaled
  std::optional<std::string> failure;  // the source's error, when it failed
};

struct FetchReport {
  std::vector<FetchOutcome> outcomes;  // in plan order

  std::vector<const FetchOutcome*> failures() const;
  bool ok() const { return failures().empty(); }
};

FetchReport run_fetch(ports::Store& store, const ports::Clock& clock,
                      const std::vector<FetchJob>& jobs, const SourceClients& clients,
                      const FetchOptions& options = {}, FetchProgress* progress = nullptr);

}  // namespace dorado::data
