#include "dorado/data/pipeline/series_quality.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dorado/data/pipeline/expected_days.hpp"
#include "dorado/data/pipeline/series_cadence.hpp"
#include "dorado/domain/bar.hpp"

namespace dorado::data {

namespace {

using namespace std::chrono;

// "%+.1f"-style formatting without a formatting library.
std::string printed(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string calendar_note(const calendar::ExchangeCalendar& calendar) {
  return " (" + std::string(calendar.name()) + " calendar)";
}

void add_gap_findings(const std::string& subject, const CalendarCheck& check,
                      const calendar::ExchangeCalendar& calendar, std::vector<DataFinding>& out,
                      bool report_off_calendar = true) {
  for (const auto& gap : check.gaps) {
    const auto message =
        gap.days == 1
            ? "no observation on trading day " + to_iso_date(gap.first) + calendar_note(calendar)
            : std::to_string(gap.days) + " trading days without an observation from " +
                  to_iso_date(gap.first) + " to " + to_iso_date(gap.last) + calendar_note(calendar);
    out.push_back({subject,
                   "data_gap",
                   message,
                   {{"from", to_iso_date(gap.first)},
                    {"to", to_iso_date(gap.last)},
                    {"trading_days", gap.days},
                    {"calendar", std::string(calendar.name())}},
                   gap.first});
  }
  if (!report_off_calendar) return;
  for (const auto& day : check.off_calendar)
    out.push_back({subject,
                   "off_calendar",
                   "an observation on " + to_iso_date(day) + ", when the " +
                       std::string(calendar.name()) + " calendar is closed",
                   {{"calendar", std::string(calendar.name())}},
                   day});
}

}  // namespace

std::vector<DataFinding> check_bars(const std::string& subject,
                                    std::span<const ports::OhlcvBar> bars,
                                    const calendar::ExchangeCalendar& calendar,
                                    const OutlierThresholds& thresholds) {
  std::vector<DataFinding> out;
  std::vector<Date> days;
  std::vector<double> prices;
  for (const auto& b : bars) {
    days.push_back(b.bar_date);
    prices.push_back(b.adj_close.value_or(b.close));
    const Bar bar{sys_days{b.bar_date}, b.open, b.high, b.low, b.close, b.volume, b.adj_close};
    const auto problems = bar.problems();
    if (problems.empty()) continue;
    const bool non_positive = std::any_of(problems.begin(), problems.end(), [](const auto& p) {
      return p.defect == BarDefect::NonPositivePrice ||
             p.defect == BarDefect::NonPositiveAdjustedClose;
    });
    nlohmann::json defects = nlohmann::json::array();
    std::string message;
    for (const auto& p : problems) {
      defects.push_back(name_of(p.defect));
      message += (message.empty() ? "" : "; ") + p.message;
    }
    out.push_back({subject,
                   non_positive ? "non_positive_price" : "ohlc_inconsistent",
                   to_iso_date(b.bar_date) + ": " + message,
                   {{"defects", defects},
                    {"open", b.open},
                    {"high", b.high},
                    {"low", b.low},
                    {"close", b.close}},
                   b.bar_date});
  }
  add_gap_findings(subject, check_against_calendar(days, calendar), calendar, out);
  for (const auto& o : find_return_outliers(days, prices, thresholds)) {
    const double pct = 100.0 * std::expm1(o.log_return);
    out.push_back({subject,
                   o.spike ? "price_spike" : "return_outlier",
                   o.spike ? to_iso_date(o.date) + ": a " + printed("%+.1f", pct) +
                                 " % one-day spike, undone the next day (robust z " +
                                 printed("%.1f", o.robust_z) + ")"
                           : to_iso_date(o.date) + ": a " + printed("%+.1f", pct) +
                                 " % daily move, " + printed("%.1f", o.robust_z) + " robust sigmas",
                   {{"log_return", o.log_return},
                    {"robust_z", o.robust_z},
                    {"sigmas", thresholds.sigmas},
                    {"window", thresholds.window}},
                   o.date});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DataFinding& a, const DataFinding& b) { return a.date < b.date; });
  return out;
}

std::vector<DataFinding> check_macro(const std::string& subject,
                                     std::span<const ports::MacroObservation> observations,
                                     std::span<const Date> missing_values,
                                     const calendar::ExchangeCalendar& calendar) {
  std::vector<DataFinding> out;
  if (!missing_values.empty()) {
    nlohmann::json listed = nlohmann::json::array();
    for (const auto& d : missing_values) listed.push_back(to_iso_date(d));
    out.push_back({subject,
                   "missing_value",
                   std::to_string(missing_values.size()) +
                       " days listed without a value (kept as missing), first " +
                       to_iso_date(missing_values.front()),
                   {{"days", listed}},
                   missing_values.front()});
  }
  std::vector<Date> days;
  for (const auto& o : observations) days.push_back(o.obs_date);
  if (cadence_of(days).kind != CadenceKind::Daily) return out;
  days.insert(days.end(), missing_values.begin(), missing_values.end());
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  // Macro series follow their own publisher's holidays (the bond market's,
  // not NYSE's): a value on an NYSE holiday is normal, not a finding.
  add_gap_findings(subject, check_against_calendar(days, calendar), calendar, out, false);
  return out;
}

std::vector<DataFinding> check_chain(const OptionChain& chain) {
  std::vector<DataFinding> out;
  for (const auto& c : chain.contracts)
    if (c.ask > 0 && c.bid > c.ask)
      out.push_back({chain.underlying,
                     "crossed_quote",
                     to_iso_date(c.expiration) + " " + printed("%g", c.strike) + " " +
                         std::string(name_of(c.right)) + ": bid " + printed("%g", c.bid) +
                         " above ask " + printed("%g", c.ask),
                     {{"expiration", to_iso_date(c.expiration)},
                      {"strike", c.strike},
                      {"right", name_of(c.right)},
                      {"bid", c.bid},
                      {"ask", c.ask}},
                     chain.as_of_date()});
  return out;
}

}  // namespace dorado::data
