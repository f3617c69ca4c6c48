#include "dorado/data/import/csv_import.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/import/cboe_chain_csv.hpp"
#include "dorado/data/import/macro_csv.hpp"
#include "dorado/data/import/ohlcv_csv.hpp"
#include "dorado/data/pipeline/series_quality.hpp"

namespace dorado::data {

namespace {

using namespace std::chrono;

// The store refused a batch the parser accepted: a rule the parser does not
// know. Carried out of the transaction so it rolls back.
struct StoreRefusal : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void refuse_unless(const ports::BatchWrite& write) {
  if (!write.ok()) throw StoreRefusal("the store refused " + write.rejected->reason);
}

const calendar::ExchangeCalendar& calendar_of(const ImportRequest& request,
                                              std::span<const ports::OhlcvBar> bars) {
  if (request.calendar) return *request.calendar;
  const bool weekend = std::any_of(bars.begin(), bars.end(), [](const ports::OhlcvBar& b) {
    const weekday w{sys_days{b.bar_date}};
    return w == Saturday || w == Sunday;
  });
  return calendar::calendar_for(weekend ? AssetClass::Crypto : AssetClass::EquityOptions);
}

void add_problems(ImportReport& report, const std::string& label,
                  const std::vector<ImportProblem>& problems) {
  for (const auto& p : problems) report.problems.push_back(format_problem(label, p));
}

void import_bars(ports::Store& store, std::string_view text, const std::string& label,
                 const ImportRequest& request, ImportReport& report) {
  auto file = parse_ohlcv_csv(text, request.symbol, "csv:" + label);
  add_problems(report, label, file.problems);
  if (!file.ok()) return;
  std::sort(file.bars.begin(), file.bars.end(),
            [](const auto& a, const auto& b) { return a.bar_date < b.bar_date; });
  report.findings = check_bars(request.symbol, file.bars, calendar_of(request, file.bars));
  store.transaction([&](ports::Store& s) {
    refuse_unless(s.upsert_ohlcv(file.bars));
    journal_findings(s, report.findings, request.at, request.config_hash);
  });
  report.rows_written = file.bars.size();
  report.first = file.bars.front().bar_date;
  report.last = file.bars.back().bar_date;
}

void import_macro(ports::Store& store, std::string_view text, const std::string& label,
                  const ImportRequest& request, ImportReport& report) {
  auto file = parse_macro_csv(text, request.symbol);
  add_problems(report, label, file.problems);
  if (!file.ok()) return;
  std::sort(file.observations.begin(), file.observations.end(),
            [](const auto& a, const auto& b) { return a.obs_date < b.obs_date; });
  std::sort(file.missing.begin(), file.missing.end());
  const auto& cal = request.calendar ? *request.calendar : calendar::calendar_named("nyse");
  report.findings = check_macro(request.symbol, file.observations, file.missing, cal);
  store.transaction([&](ports::Store& s) {
    if (!file.observations.empty()) refuse_unless(s.upsert_macro(file.observations));
    journal_findings(s, report.findings, request.at, request.config_hash);
  });
  report.rows_written = file.observations.size();
  report.missing_values = file.missing.size();
  if (!file.observations.empty()) {
    report.first = file.observations.front().obs_date;
    report.last = file.observations.back().obs_date;
  }
}

void import_chain(ports::Store& store, std::string_view text, const std::string& label,
                  const ImportRequest& request, ImportReport& report) {
  const auto file = parse_cboe_chain_csv(text, request.symbol);
  add_problems(report, label, file.problems);
  if (!file.ok()) return;
  report.findings = check_chain(file.chain);
  const auto& nyse = calendar::calendar_named("nyse");
  auto iv = thirty_day_atm_iv(file.chain, nyse, request.iv);
  if (auto* why = std::get_if<std::string>(&iv))
    report.findings.push_back({request.symbol,
                               "iv30_unavailable",
                               "no 30-day ATM implied vol: " + *why,
                               {},
                               std::nullopt});
  else
    report.iv30 = std::get<Iv30>(iv);
  store.transaction([&](ports::Store& s) {
    refuse_unless(s.save_option_chain(file.chain, "csv:" + label));
    if (report.iv30)
      refuse_unless(s.upsert_iv_history(std::vector<ports::IvObservation>{
          {request.symbol, report.iv30->obs_date, report.iv30->iv30}}));
    journal_findings(s, report.findings, request.at, request.config_hash);
  });
  report.rows_written = file.chain.size();
  // The trading day the snapshot belongs to (an export on Saturday is Friday's chain).
  const auto day = snapshot_day(nyse, file.chain.as_of);
  report.first = report.last = day ? day->first : file.chain.as_of_date();
}

}  // namespace

ImportReport import_csv_text(ports::Store& store, std::string_view text, const std::string& label,
                             const ImportRequest& request) {
  ImportReport report;
  if (request.symbol.empty()) {
    report.problems.push_back(label + ": no symbol given for the series (--symbol)");
    return report;
  }
  report.kind = request.kind ? request.kind : detect_csv_kind(text);
  if (!report.kind) {
    report.problems.push_back(label +
                              ":1: cannot tell what the file holds from its header; say "
                              "--kind ohlcv, macro or chain");
    return report;
  }
  try {
    switch (*report.kind) {
      case CsvKind::Ohlcv:
        import_bars(store, text, label, request, report);
        break;
      case CsvKind::Macro:
        import_macro(store, text, label, request, report);
        break;
      case CsvKind::Chain:
        import_chain(store, text, label, request, report);
        break;
    }
  } catch (const StoreRefusal& e) {
    report = ImportReport{
        report.kind, 0, 0, std::nullopt, std::nullopt, {label + ": " + e.what()}, {}, std::nullopt};
  }
  return report;
}

ImportReport import_csv_file(ports::Store& store, const std::filesystem::path& file,
                             const ImportRequest& request) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ImportReport report;
    report.problems.push_back(file.string() + ": cannot be read");
    return report;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return import_csv_text(store, text.str(), file.filename().string(), request);
}

}  // namespace dorado::data
