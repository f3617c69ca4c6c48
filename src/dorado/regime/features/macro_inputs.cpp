#include "dorado/regime/features/macro_inputs.hpp"

#include <algorithm>
#include <stdexcept>

namespace dorado::regime::features {
namespace {

bool earlier(const Observation& a, const Observation& b) {
  return a.observed < b.observed;
}

InputSeries closes_of(const std::vector<ports::OhlcvBar>& bars) {
  InputSeries s{Publication::AtClose, {}};
  for (const auto& b : bars) s.observations.push_back({b.bar_date, b.close});
  std::sort(s.observations.begin(), s.observations.end(), earlier);
  return s;
}

InputSeries values_of(const std::vector<ports::MacroObservation>& rows, Publication rule) {
  InputSeries s{rule, {}};
  for (const auto& o : rows) s.observations.push_back({o.obs_date, o.value});
  std::sort(s.observations.begin(), s.observations.end(), earlier);
  return s;
}

// a[d] op b[d] on the dates both series have.
InputSeries combine(const std::vector<ports::MacroObservation>& a,
                    const std::vector<ports::MacroObservation>& b, Publication rule,
                    const std::function<double(double, double)>& op) {
  std::map<Date, double> right;
  for (const auto& o : b) right[o.obs_date] = o.value;
  InputSeries s{rule, {}};
  for (const auto& o : a)
    if (const auto it = right.find(o.obs_date); it != right.end())
      s.observations.push_back({o.obs_date, op(o.value, it->second)});
  std::sort(s.observations.begin(), s.observations.end(), earlier);
  return s;
}

void keep(MacroInputs& in, const std::string& name, InputSeries s) {
  if (!s.observations.empty()) in.series[name] = std::move(s);
}

std::vector<ports::OhlcvBar> first_found(const BarReader& bars,
                                         std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (auto rows = bars(n); !rows.empty()) return rows;
  return {};
}

}  // namespace

const InputSeries* MacroInputs::find(std::string_view name) const {
  const auto it = series.find(name);
  return it == series.end() ? nullptr : &it->second;
}

MacroInputs gather_macro_inputs(const BarReader& bars, const MacroReader& macro) {
  MacroInputs in;
  for (const char* symbol : {"SPY", "XLK", "XLU", "LQD", "TLT"})
    keep(in, symbol, closes_of(bars(symbol)));
  keep(in, "VIX", closes_of(first_found(bars, {"VIX", "^VIX"})));
  keep(in, "VIX3M", closes_of(first_found(bars, {"VIX3M", "^VIX3M"})));
  const auto* spy = in.find("SPY");
  if (spy == nullptr)
    throw std::invalid_argument(
        "macro features: no SPY bars (they set the trading days); run `dorado data fetch` or "
        "import SPY first");
  for (const auto& o : spy->observations) in.trading_days.push_back(o.observed);

  keep(in, "T10Y2Y", values_of(macro("T10Y2Y"), Publication::NextDay));
  if (auto spread = macro("BAA_AAA"); !spread.empty())
    keep(in, "BAA_AAA", values_of(spread, Publication::NextDay));
  else
    keep(in, "BAA_AAA",
         combine(macro("DBAA"), macro("DAAA"), Publication::NextDay, std::minus<double>()));
  keep(in, "T10YIE", values_of(macro("T10YIE"), Publication::NextDay));
  keep(in, "NFCI", values_of(macro("NFCI"), Publication::NfciWednesday));
  keep(in, "ICSA", values_of(macro("ICSA"), Publication::ClaimsThursday));
  keep(in, "COT_ES_NET",
       combine(macro("COT:ES:lev_money_net"), macro("COT:ES:open_interest"), Publication::CotFriday,
               [](double net, double oi) { return oi > 0.0 ? net / oi : 0.0; }));
  return in;
}

MacroInputs read_macro_inputs(ports::Store& store, ports::DateRange range) {
  return gather_macro_inputs([&](const std::string& s) { return store.read_ohlcv(s, range); },
                             [&](const std::string& s) { return store.read_macro(s, range); });
}

}  // namespace dorado::regime::features
