#include "dorado/data/pipeline/series_status.hpp"

#include <algorithm>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/pipeline/expected_days.hpp"

namespace dorado::data {

namespace {

using namespace std::chrono;

constexpr std::int64_t kAllowedBehind = 1;

const ports::DateRange kAllDays{year{1900} / 1 / 1, year{2200} / 12 / 31};

std::vector<Date> dates_of_ohlcv(ports::Store& store, const std::string& name) {
  std::vector<Date> days;
  for (const auto& b : store.read_ohlcv(name, kAllDays)) days.push_back(b.bar_date);
  return days;
}

std::vector<Date> dates_of_macro(ports::Store& store, const std::string& name) {
  std::vector<Date> days;
  for (const auto& o : store.read_macro(name, kAllDays)) days.push_back(o.obs_date);
  return days;
}

std::vector<Date> dates_of_iv(ports::Store& store, const std::string& name) {
  std::vector<Date> days;
  for (const auto& o : store.read_iv_history(name, kAllDays)) days.push_back(o.obs_date);
  return days;
}

SeriesStatus funding_status(ports::Store& store, const ports::SeriesExtent& extent, Timestamp now) {
  SeriesStatus s;
  s.kind = extent.kind;
  s.name = extent.name;
  s.first = extent.first;
  s.last = extent.last;
  s.rows = extent.rows;
  const auto colon = extent.name.find(':');
  const auto rates = store.read_funding_rates(
      extent.name.substr(0, colon), extent.name.substr(colon + 1),
      {Timestamp{sys_days{extent.first}}, Timestamp{sys_days{extent.last} + days{1}}});
  if (rates.size() < 2) {
    s.cadence = "unknown";
    return s;
  }
  std::vector<std::int64_t> spacing;
  for (std::size_t i = 1; i < rates.size(); ++i)
    spacing.push_back(
        duration_cast<minutes>(rates[i].funding_time - rates[i - 1].funding_time).count());
  auto sorted = spacing;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2),
                   sorted.end());
  const std::int64_t period = std::max<std::int64_t>(1, sorted[sorted.size() / 2]);
  s.cadence = period % 60 == 0 ? std::to_string(period / 60) + "h" : std::to_string(period) + "min";
  for (const auto gap : spacing)
    s.gaps += std::max<std::int64_t>(0, (gap + period / 2) / period - 1);
  const auto since = duration_cast<minutes>(now - rates.back().funding_time).count();
  s.behind = std::max<std::int64_t>(0, since / period - 1);
  s.stale = s.behind > kAllowedBehind;
  return s;
}

}  // namespace

SeriesStatus daily_status(ports::SeriesKind kind, const std::string& name,
                          const std::vector<Date>& days, const calendar::ExchangeCalendar& calendar,
                          Timestamp now) {
  SeriesStatus s;
  s.kind = kind;
  s.name = name;
  s.rows = static_cast<std::int64_t>(days.size());
  s.cadence = "daily (" + std::string(calendar.name()) + ")";
  if (days.empty()) return s;
  s.first = days.front();
  s.last = days.back();
  s.gaps = check_against_calendar(days, calendar).missing_days;
  s.last_expected = last_closed_trading_day(calendar, now);
  if (s.last_expected && *s.last_expected > s.last)
    s.behind = static_cast<std::int64_t>(
        covered_trading_days(calendar, Date{sys_days{s.last} + std::chrono::days{1}},
                             *s.last_expected)
            .size());
  s.stale = s.behind > kAllowedBehind;
  return s;
}

SeriesStatus periodic_status(ports::SeriesKind kind, const std::string& name,
                             const std::vector<Date>& days, const Cadence& cadence, Timestamp now) {
  SeriesStatus s;
  s.kind = kind;
  s.name = name;
  s.rows = static_cast<std::int64_t>(days.size());
  s.cadence = std::string(name_of(cadence.kind));
  if (cadence.kind == CadenceKind::Irregular)
    s.cadence += " (" + std::to_string(cadence.period_days) + "d)";
  if (days.empty()) return s;
  s.first = days.front();
  s.last = days.back();
  s.gaps = missing_periods(days, cadence);
  const auto elapsed = (floor<std::chrono::days>(now) - sys_days{s.last}).count();
  s.behind = std::max<std::int64_t>(0, elapsed / cadence.period_days - 1);
  s.stale = s.behind > kAllowedBehind;
  return s;
}

std::vector<SeriesStatus> data_status(ports::Store& store, Timestamp now,
                                      const CalendarOf& calendar_of) {
  const auto& nyse = calendar::calendar_named("nyse");
  std::vector<SeriesStatus> out;
  for (const auto& e : store.series_extents(ports::SeriesKind::Ohlcv)) {
    const auto* cal = calendar_of ? calendar_of(e.name) : nullptr;
    out.push_back(
        daily_status(e.kind, e.name, dates_of_ohlcv(store, e.name), cal ? *cal : nyse, now));
  }
  for (const auto& e : store.series_extents(ports::SeriesKind::Macro)) {
    const auto days = dates_of_macro(store, e.name);
    const auto cadence = cadence_of(days);
    out.push_back(cadence.kind == CadenceKind::Daily
                      ? daily_status(e.kind, e.name, days, nyse, now)
                      : periodic_status(e.kind, e.name, days, cadence, now));
  }
  for (const auto& e : store.series_extents(ports::SeriesKind::IvHistory))
    out.push_back(daily_status(e.kind, e.name, dates_of_iv(store, e.name), nyse, now));
  for (const auto& e : store.series_extents(ports::SeriesKind::Funding))
    out.push_back(funding_status(store, e, now));
  return out;
}

}  // namespace dorado::data
