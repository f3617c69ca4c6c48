#include "dorado/regime/features/macro_features.hpp"

#include <cmath>
#include <limits>
#include <span>

#include "dorado/quant/ta/realized_volatility.hpp"
#include "dorado/quant/ta/sma.hpp"
#include "dorado/quant/ta/zscore.hpp"

namespace dorado::regime::features {
namespace {

using Column = std::vector<double>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kChangeDays = 21;
constexpr std::size_t kClaimsWeeks = 52;

// The latest observation released on or before each trading day.
Column as_of(const std::vector<Date>& days, const InputSeries* input) {
  Column out(days.size(), kNaN);
  if (input == nullptr) return out;
  // Release dates rise with observation dates under every rule, so one pass
  // with a cursor finds each day's latest released observation.
  std::size_t next = 0;
  double latest = kNaN;
  const auto& obs = input->observations;
  for (std::size_t t = 0; t < days.size(); ++t) {
    while (next < obs.size() && release_date(input->publication, obs[next].observed) <= days[t])
      latest = obs[next++].value;
    out[t] = latest;
  }
  return out;
}

// Applies a windowed indicator to the finite tail of `x` (as-of columns are
// NaN only before their first release), NaN before it.
template <typename Indicator>
Column on_finite_tail(const Column& x, Indicator indicator) {
  std::size_t first = 0;
  while (first < x.size() && !std::isfinite(x[first])) ++first;
  Column out(x.size(), kNaN);
  if (first == x.size()) return out;
  const auto tail = indicator(std::span<const double>(x).subspan(first));
  std::copy(tail.begin(), tail.end(), out.begin() + static_cast<std::ptrdiff_t>(first));
  return out;
}

Column ratio(const Column& a, const Column& b, bool in_logs) {
  Column out(a.size(), kNaN);
  for (std::size_t t = 0; t < a.size(); ++t) out[t] = in_logs ? std::log(a[t] / b[t]) : a[t] / b[t];
  return out;
}

Column log_of(Column x) {
  for (double& v : x) v = std::log(v);
  return x;
}

Column change(const Column& x, std::size_t lag) {
  Column out(x.size(), kNaN);
  for (std::size_t t = lag; t < x.size(); ++t) out[t] = x[t] - x[t - lag];
  return out;
}

Column product(const Column& a, const Column& b) {
  Column out(a.size(), kNaN);
  for (std::size_t t = 0; t < a.size(); ++t) out[t] = a[t] * b[t];
  return out;
}

// Claims z-score on the weekly series itself (52 weeks before each week,
// that week excluded), released with the week's claims.
InputSeries claims_zscore(const InputSeries* claims) {
  InputSeries out{Publication::ClaimsThursday, {}};
  if (claims == nullptr) return out;
  const auto& obs = claims->observations;
  for (std::size_t w = kClaimsWeeks; w < obs.size(); ++w) {
    double mean = 0.0, ss = 0.0;
    for (std::size_t k = w - kClaimsWeeks; k < w; ++k) mean += std::log(obs[k].value);
    mean /= static_cast<double>(kClaimsWeeks);
    for (std::size_t k = w - kClaimsWeeks; k < w; ++k)
      ss += (std::log(obs[k].value) - mean) * (std::log(obs[k].value) - mean);
    const double variance = ss / static_cast<double>(kClaimsWeeks - 1);
    out.observations.push_back(
        {obs[w].observed, quant::ta::zscore(std::log(obs[w].value), mean, variance)});
  }
  return out;
}

struct Frame {
  std::vector<std::string> names;
  std::vector<Column> columns;
  void add(std::string name, Column c) {
    names.push_back(std::move(name));
    columns.push_back(std::move(c));
  }
  const Column& operator[](const std::string& name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return columns[i];
    throw std::logic_error("macro features: no column " + name);
  }
};

Frame base_features(const MacroInputs& in) {
  const auto& days = in.trading_days;
  const Column spy = as_of(days, in.find("SPY"));
  const Column vix = as_of(days, in.find("VIX"));
  const InputSeries claims_z = claims_zscore(in.find("ICSA"));
  Frame f;
  f.add("T10Y2Y", as_of(days, in.find("T10Y2Y")));
  f.add("BAA_AAA", as_of(days, in.find("BAA_AAA")));
  f.add("T10YIE", as_of(days, in.find("T10YIE")));
  f.add("NFCI", as_of(days, in.find("NFCI")));
  f.add("ICSA_Z", as_of(days, claims_z.observations.empty() ? nullptr : &claims_z));
  f.add("ICSA_LOG", log_of(as_of(days, in.find("ICSA"))));
  f.add("VIX", vix);
  f.add("VIX_VIX3M", ratio(vix, as_of(days, in.find("VIX3M")), false));
  f.add("SPY_MA50_200",
        ratio(on_finite_tail(spy, [](auto x) { return quant::ta::sma(x, 50); }),
              on_finite_tail(spy, [](auto x) { return quant::ta::sma(x, 200); }), false));
  f.add("SPY_RV21", on_finite_tail(spy, [](auto x) {
          return quant::ta::realized_volatility(x, kChangeDays,
                                                quant::ta::kEquityTradingDaysPerYear);
        }));
  f.add("XLK_XLU", ratio(as_of(days, in.find("XLK")), as_of(days, in.find("XLU")), true));
  f.add("LQD_TLT", ratio(as_of(days, in.find("LQD")), as_of(days, in.find("TLT")), true));
  f.add("COT_ES_NET", as_of(days, in.find("COT_ES_NET")));
  return f;
}

}  // namespace

const std::vector<std::string>& base_feature_names() {
  static const std::vector<std::string> names{
      "T10Y2Y",    "BAA_AAA",      "T10YIE",   "NFCI",    "ICSA_Z",  "ICSA_LOG",  "VIX",
      "VIX_VIX3M", "SPY_MA50_200", "SPY_RV21", "XLK_XLU", "LQD_TLT", "COT_ES_NET"};
  return names;
}

FeatureFrame build_macro_features(const MacroInputs& inputs) {
  Frame f = base_features(inputs);
  const std::size_t base_count = f.names.size();
  for (std::size_t i = 0; i < base_count; ++i) {
    const std::string name = f.names[i];
    const Column x = f.columns[i];
    for (const std::size_t window : quant::ta::kZScoreWindows)
      f.add(name + "_z" + std::to_string(window),
            on_finite_tail(x, [window](auto v) { return quant::ta::rolling_zscore(v, window); }));
    f.add(name + "_chg21", change(x, kChangeDays));
  }
  f.add("STRESS", product(f["VIX_z252"], f["BAA_AAA_z252"]));
  f.add("CURVE_TREND", product(f["T10Y2Y_z252"], f["SPY_MA50_200_z252"]));
  f.add("TERM_TREND", product(f["VIX_VIX3M_z252"], f["SPY_MA50_200_z252"]));

  FeatureFrame out;
  out.dates = inputs.trading_days;
  out.names = f.names;
  out.values.resize(static_cast<Eigen::Index>(out.dates.size()),
                    static_cast<Eigen::Index>(f.names.size()));
  for (std::size_t c = 0; c < f.columns.size(); ++c)
    for (std::size_t t = 0; t < out.dates.size(); ++t)
      out.values(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(c)) = f.columns[c][t];
  return out;
}

const std::vector<std::string>& default_model_features() {
  static const std::vector<std::string> names{"VIX",          "BAA_AAA",  "T10Y2Y",
                                              "SPY_MA50_200", "SPY_RV21", "NFCI",
                                              "ICSA_LOG",     "T10YIE",   "VIX_VIX3M"};
  return names;
}

}  // namespace dorado::regime::features
