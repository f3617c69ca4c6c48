#pragma once
// Filling iv_history from option chains: imported snapshots already in the
// store, or chains handed over directly (the synthetic market's chain of the
// day). One observation per underlying and trading day; when several
// snapshots fall on the same trading day, the latest one wins. A chain that
// yields no 30-day ATM vol is journaled (iv30_unavailable) and skipped.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dorado/data/pipeline/data_finding.hpp"
#include "dorado/data/pipeline/iv_history.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::data {

struct IvHistoryRun {
  std::vector<ports::IvObservation> stored;  // by underlying, then day
  std::vector<DataFinding> findings;         // journaled
};

// Computes and stores, in one transaction.
IvHistoryRun record_iv_history(ports::Store& store, std::span<const OptionChain> chains,
                               const calendar::ExchangeCalendar& calendar,
                               const IvHistoryOptions& options, Timestamp at,
                               const std::optional<std::string>& config_hash = std::nullopt);

// The same over every snapshot of `underlying` stored within `range`.
IvHistoryRun rebuild_iv_history(ports::Store& store, const std::string& underlying,
                                ports::TimeRange range, const calendar::ExchangeCalendar& calendar,
                                const IvHistoryOptions& options, Timestamp at,
                                const std::optional<std::string>& config_hash = std::nullopt);

// IV rank and IV percentile (0-100, quant/ta/iv_rank.hpp) of `symbol` on
// `day` from the stored iv_history: the last `window` observations up to and
// including `day`, which must be the last of them. Nothing when fewer than
// `window` are stored or `day` has no observation.
struct IvRankReading {
  Date day;
  double iv30 = 0;
  double rank = 0;
  double percentile = 0;
};
std::optional<IvRankReading> stored_iv_rank(ports::Store& store, const std::string& symbol,
                                            Date day, std::size_t window = 252);

}  // namespace dorado::data
