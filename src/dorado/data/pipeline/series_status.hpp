#pragma once
// `dorado data status`: per stored series, its extent, its gaps and how far
// behind it is.
//
//   gaps    daily series (OHLCV, IV history, daily macro): expected trading
//           days of the series' calendar between its first and last day
//           with no row; weekly and monthly macro series: periods skipped
//           (a spacing of s days counts round(s / period) - 1); funding:
//           intervals skipped at the series' own cadence.
//   behind  expected observations after the last one, as of the clock's now:
//           daily series count the trading days after the last stored one up
//           to the last trading day whose session has closed; weekly and
//           monthly series count whole periods elapsed beyond one (a period
//           of publication lag is normal: ICSA for the week ending Saturday
//           is published the next Thursday); funding counts intervals.
//   stale   behind by more than one observation (a daily series fetched
//           before the source publishes the day's value is one behind).
//
// OHLCV series use the calendar of their asset class (the caller says which
// per symbol; NYSE when it does not know); macro and IV history use NYSE.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/data/pipeline/series_cadence.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::data {

struct SeriesStatus {
  ports::SeriesKind kind = ports::SeriesKind::Ohlcv;
  std::string name;
  Date first;
  Date last;
  std::int64_t rows = 0;
  std::string cadence;                // "daily (nyse)", "weekly", "8h" ...
  std::int64_t gaps = 0;              // missing expected observations inside [first, last]
  std::optional<Date> last_expected;  // daily series: the last closed trading day
  std::int64_t behind = 0;
  bool stale = false;
};

// The calendar an OHLCV symbol trades on (from the universe); nullptr: NYSE.
using CalendarOf = std::function<const calendar::ExchangeCalendar*(const std::string& symbol)>;

std::vector<SeriesStatus> data_status(ports::Store& store, Timestamp now,
                                      const CalendarOf& calendar_of = {});

// One daily series' status from its days (ascending).
SeriesStatus daily_status(ports::SeriesKind kind, const std::string& name,
                          const std::vector<Date>& days, const calendar::ExchangeCalendar& calendar,
                          Timestamp now);

// One weekly / monthly / irregular series' status from its days.
SeriesStatus periodic_status(ports::SeriesKind kind, const std::string& name,
                             const std::vector<Date>& days, const Cadence& cadence, Timestamp now);

}  // namespace dorado::data
