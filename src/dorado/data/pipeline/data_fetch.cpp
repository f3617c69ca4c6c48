#include "dorado/data/pipeline/data_fetch.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/pipeline/bar_rounding.hpp"
#include "dorado/data/pipeline/series_quality.hpp"
#include "dorado/data/sources/cot_positioning.hpp"
#include "dorado/domain/bar.hpp"

namespace dorado::data {

namespace {

using namespace std::chrono;

// How far back stored rows are read to check the new ones in context: more
// than the outlier window (63 trading days).
constexpr days kContext{120};

Date day_after(Date d) {
  return Date{sys_days{d} + days{1}};
}
Date utc_date(Timestamp t) {
  return Date{floor<days>(t)};
}

std::optional<Date> last_stored(const std::map<std::string, ports::SeriesExtent>& extents,
                                const std::string& name) {
  const auto it = extents.find(name);
  if (it == extents.end()) return std::nullopt;
  return it->second.last;
}

std::map<std::string, ports::SeriesExtent> extents_by_name(ports::Store& store,
                                                           ports::SeriesKind kind) {
  std::map<std::string, ports::SeriesExtent> out;
  for (auto& e : store.series_extents(kind)) out.emplace(e.name, e);
  return out;
}

void refuse_unless(const ports::BatchWrite& write) {
  if (!write.ok()) throw std::runtime_error("the store refused " + write.rejected->reason);
}

// Findings about days before `from` were journaled by an earlier run.
std::vector<DataFinding> new_only(std::vector<DataFinding> findings, Date from) {
  std::erase_if(findings, [&](const DataFinding& f) { return f.date && *f.date < from; });
  return findings;
}

class Fetcher {
 public:
  Fetcher(ports::Store& store, const SourceClients& clients, const FetchOptions& options,
          Timestamp now)
      : store_(store), clients_(clients), options_(options), now_(now), today_(utc_date(now)) {
    ohlcv_ = extents_by_name(store, ports::SeriesKind::Ohlcv);
    macro_ = extents_by_name(store, ports::SeriesKind::Macro);
  }

  void run(FetchOutcome& outcome) {
    switch (outcome.job.source) {
      case FetchSource::Yahoo:
        return bars(outcome);
      case FetchSource::Fred:
        return fred(outcome);
      case FetchSource::Cftc:
        return cot(outcome);
      case FetchSource::Binance:
      case FetchSource::Hyperliquid:
        return funding(outcome);
    }
  }

 private:
  // The days to ask for, or nothing when the series is up to date.
  std::optional<ports::DateRange> missing_days(std::optional<Date> last, Date start) const {
    const Date from = last ? day_after(*last) : start;
    if (from > today_) return std::nullopt;
    return ports::DateRange{from, today_};
  }

  void write(const std::function<void(ports::Store&)>& rows, FetchOutcome& outcome,
             const std::vector<DataFinding>& findings) {
    store_.transaction([&](ports::Store& s) {
      rows(s);
      journal_findings(s, findings, now_, options_.config_hash);
    });
    outcome.findings = findings.size();
  }

  void bars(FetchOutcome& outcome) {
    const auto& job = outcome.job;
    if (!clients_.yahoo) throw std::runtime_error("no Yahoo client");
    const auto last = last_stored(ohlcv_, job.series);
    outcome.asked = missing_days(last, options_.history_start);
    if (!outcome.asked) return;
    const auto chart = clients_.yahoo->daily_bars(job.remote, *outcome.asked);
    std::vector<ports::OhlcvBar> fresh, good;
    for (const Bar& b : chart.bars) {
      ports::OhlcvBar bar{job.series, b.date(),         b.open,   b.high, b.low,
                          b.close,    b.adjusted_close, b.volume, "yahoo"};
      snap_rounding_noise(bar);
      fresh.push_back(bar);
      const Bar checked{sys_days{bar.bar_date}, bar.open, bar.high, bar.low, bar.close, bar.volume,
                        bar.adj_close};
      if (checked.is_valid()) good.push_back(bar);
    }
    auto context = last ? store_.read_ohlcv(job.series, {Date{sys_days{*last} - kContext}, *last})
                        : std::vector<ports::OhlcvBar>{};
    context.insert(context.end(), fresh.begin(), fresh.end());
    const auto findings =
        new_only(check_bars(job.series, context, calendar::calendar_for(job.asset_class)),
                 outcome.asked->first);
    write(
        [&](ports::Store& s) {
          if (!good.empty()) refuse_unless(s.upsert_ohlcv(good));
        },
        outcome, findings);
    outcome.rows_written = good.size();
  }

  void fred(FetchOutcome& outcome) {
    const auto& job = outcome.job;
    if (!clients_.fred) throw std::runtime_error(clients_.fred_missing);
    const auto last = last_stored(macro_, job.series);
    outcome.asked = missing_days(last, options_.history_start);
    if (!outcome.asked) return;
    std::vector<ports::MacroObservation> fresh;
    std::vector<Date> missing;
    for (const auto& o : clients_.fred->observations(job.remote, *outcome.asked)) {
      if (o.value)
        fresh.push_back({job.series, o.date, *o.value});
      else
        missing.push_back(o.date);
    }
    auto context = last ? store_.read_macro(job.series, {Date{sys_days{*last} - kContext}, *last})
                        : std::vector<ports::MacroObservation>{};
    context.insert(context.end(), fresh.begin(), fresh.end());
    const auto findings =
        new_only(check_macro(job.series, context, missing, calendar::calendar_named("nyse")),
                 outcome.asked->first);
    write(
        [&](ports::Store& s) {
          if (!fresh.empty()) refuse_unless(s.upsert_macro(fresh));
        },
        outcome, findings);
    outcome.rows_written = fresh.size();
  }

  void cot(FetchOutcome& outcome) {
    const auto& job = outcome.job;
    if (!clients_.cftc) throw std::runtime_error("no CFTC client");
    const auto names = cot_series(job.remote);
    outcome.asked = missing_days(last_stored(macro_, names[0]), options_.cot_start);
    if (!outcome.asked) return;
    std::vector<ports::MacroObservation> rows;
    for (const auto& r : clients_.cftc->tff_positioning(cot_market(job.remote), *outcome.asked)) {
      rows.push_back({names[0], r.report_date, static_cast<double>(r.leveraged_net())});
      rows.push_back({names[1], r.report_date,
                      static_cast<double>(r.asset_manager_long - r.asset_manager_short)});
      rows.push_back(
          {names[2], r.report_date, static_cast<double>(r.dealer_long - r.dealer_short)});
      rows.push_back({names[3], r.report_date, static_cast<double>(r.open_interest)});
    }
    write(
        [&](ports::Store& s) {
          if (!rows.empty()) refuse_unless(s.upsert_macro(rows));
        },
        outcome, {});
    outcome.rows_written = rows.size();
  }

  void funding(FetchOutcome& outcome) {
    const auto& job = outcome.job;
    const bool binance = job.source == FetchSource::Binance;
    if (binance ? !clients_.binance : !clients_.hyperliquid)
      throw std::runtime_error("no " + std::string(name_of(job.source)) + " client");
    const std::string venue(name_of(job.source));
    const auto stored = store_.read_funding_rates(
        venue, job.series, {Timestamp{sys_days{options_.funding_start}}, now_});
    const std::optional<Timestamp> last_time =
        stored.empty() ? std::nullopt : std::optional(stored.back().funding_time);
    const Date from = last_time ? utc_date(*last_time) : options_.funding_start;
    if (from > today_) return;
    outcome.asked = ports::DateRange{from, today_};
    auto rates = binance ? clients_.binance->funding_history(job.remote, *outcome.asked)
                         : clients_.hyperliquid->funding_history(job.remote, *outcome.asked);
    std::erase_if(rates, [&](const ports::FundingRate& r) {
      return last_time && r.funding_time <= *last_time;
    });
    for (auto& r : rates) r.symbol = job.series;
    write(
        [&](ports::Store& s) {
          if (!rates.empty()) refuse_unless(s.upsert_funding_rates(rates));
        },
        outcome, {});
    outcome.rows_written = rates.size();
  }

  ports::Store& store_;
  const SourceClients& clients_;
  const FetchOptions& options_;
  Timestamp now_;
  Date today_;
  std::map<std::string, ports::SeriesExtent> ohlcv_, macro_;
};

}  // namespace

std::vector<const FetchOutcome*> FetchReport::failures() const {
  std::vector<const FetchOutcome*> out;
  for (const auto& o : outcomes)
    if (o.failure) out.push_back(&o);
  return out;
}

FetchReport run_fetch(ports::Store& store, const ports::Clock& clock,
                      const std::vector<FetchJob>& jobs, const SourceClients& clients,
                      const FetchOptions& options, FetchProgress* progress) {
  const Timestamp now = clock.now();
  Fetcher fetcher(store, clients, options, now);
  FetchReport report;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (progress) progress->step(i, jobs.size(), jobs[i].label());
    FetchOutcome outcome{jobs[i], std::nullopt, 0, 0, std::nullopt};
    try {
      fetcher.run(outcome);
    } catch (const std::exception& e) {  // SourceError, PayloadError, a refused write
      outcome.failure = e.what();
      outcome.rows_written = 0;
      store.append_journal({now, "data", jobs[i].series, "fetch_failed",
                            jobs[i].label() + ": " + e.what(), "{}", options.config_hash});
    }
    report.outcomes.push_back(std::move(outcome));
  }
  if (progress) progress->finish(jobs.size());
  return report;
}

}  // namespace dorado::data
