#include "dorado/data/pipeline/iv_history_update.hpp"

#include <map>
#include <stdexcept>

#include "dorado/quant/ta/iv_rank.hpp"

namespace dorado::data {

namespace {

// Collects one observation per (underlying, trading day), the latest snapshot winning.
class IvHistoryCollector {
 public:
  IvHistoryCollector(const calendar::ExchangeCalendar& calendar, const IvHistoryOptions& options)
      : calendar_(calendar), options_(options) {}

  void add(const OptionChain& chain) {
    const auto result = thirty_day_atm_iv(chain, calendar_, options_);
    if (const auto* why = std::get_if<std::string>(&result)) {
      findings_.push_back(
          {chain.underlying,
           "iv30_unavailable",
           "no 30-day ATM implied vol for the snapshot of " + to_iso8601(chain.as_of) + ": " + *why,
           {{"as_of", to_iso8601(chain.as_of)}},
           std::nullopt});
      return;
    }
    const auto& iv = std::get<Iv30>(result);
    auto [slot, fresh] = by_day_.try_emplace({chain.underlying, iv.obs_date}, chain.as_of, iv.iv30);
    if (!fresh && slot->second.first <= chain.as_of) slot->second = {chain.as_of, iv.iv30};
  }

  IvHistoryRun store(ports::Store& store, Timestamp at,
                     const std::optional<std::string>& config_hash) {
    IvHistoryRun run;
    for (const auto& [key, value] : by_day_)
      run.stored.push_back({key.first, key.second, value.second});
    run.findings = std::move(findings_);
    store.transaction([&](ports::Store& s) {
      if (!run.stored.empty()) {
        const auto write = s.upsert_iv_history(run.stored);
        if (!write.ok()) throw std::runtime_error("the store refused " + write.rejected->reason);
      }
      journal_findings(s, run.findings, at, config_hash);
    });
    return run;
  }

 private:
  const calendar::ExchangeCalendar& calendar_;
  const IvHistoryOptions& options_;
  std::map<std::pair<std::string, Date>, std::pair<Timestamp, double>> by_day_;
  std::vector<DataFinding> findings_;
};

}  // namespace

IvHistoryRun record_iv_history(ports::Store& store, std::span<const OptionChain> chains,
                               const calendar::ExchangeCalendar& calendar,
                               const IvHistoryOptions& options, Timestamp at,
                               const std::optional<std::string>& config_hash) {
  IvHistoryCollector collector(calendar, options);
  for (const auto& chain : chains) collector.add(chain);
  return collector.store(store, at, config_hash);
}

IvHistoryRun rebuild_iv_history(ports::Store& store, const std::string& underlying,
                                ports::TimeRange range, const calendar::ExchangeCalendar& calendar,
                                const IvHistoryOptions& options, Timestamp at,
                                const std::optional<std::string>& config_hash) {
  // One snapshot in memory at a time: a year of SPY chains is millions of quotes.
  IvHistoryCollector collector(calendar, options);
  for (const auto& as_of : store.option_chain_times(underlying, range))
    if (const auto chain = store.read_option_chain(underlying, as_of)) collector.add(*chain);
  return collector.store(store, at, config_hash);
}

std::optional<IvRankReading> stored_iv_rank(ports::Store& store, const std::string& symbol,
                                            Date day, std::size_t window) {
  using namespace std::chrono;
  // Two calendar years hold far more than 252 trading days.
  const auto days_back = days{static_cast<int>(window) * 2 + 30};
  auto history = store.read_iv_history(symbol, {Date{sys_days{day} - days_back}, day});
  if (history.size() < window || history.back().obs_date != day) return std::nullopt;
  std::vector<double> iv;
  for (auto it = history.end() - static_cast<std::ptrdiff_t>(window); it != history.end(); ++it)
    iv.push_back(it->iv30);
  const auto rank = quant::ta::iv_rank(iv, window);
  const auto percentile = quant::ta::iv_percentile(iv, window);
  return IvRankReading{day, iv.back(), rank.back(), percentile.back()};
}

}  // namespace dorado::data
