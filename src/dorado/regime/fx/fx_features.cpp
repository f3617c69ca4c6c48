#include "dorado/regime/fx/fx_features.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "dorado/quant/ta/indicators.hpp"
#include "dorado/regime/daily_feature_columns.hpp"

namespace dorado::regime {

namespace {

namespace ta = quant::ta;
using ta::kUndefined;

const std::vector<std::string> kNames{"carry",
                                      "momentum_20d",
                                      "momentum_60d",
                                      "zscore_60d",
                                      "realized_vol_20d",
                                      "realized_vol_60d",
                                      "vol_ratio_20_60",
                                      "adx_14",
                                      "hurst_126",
                                      "vix",
                                      "vix_change_5d",
                                      "spy_return_20d",
                                      "correlation_spy_60d",
                                      "cot_positioning",
                                      "atr_pct_14",
                                      "rsi_14"};
const std::vector<std::string> kUnavailable{"carry", "cot_positioning"};

// The close of `bars` as of each of `days` (the last bar dated on or before
// the day); NaN before the first bar.
std::vector<double> closes_as_of(const std::vector<Date>& days, std::span<const Bar> bars) {
  std::vector<double> out(days.size(), kUndefined);
  std::size_t j = 0;
  double last = kUndefined;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const auto day = std::chrono::sys_days{days[i]};
    while (j < bars.size() && std::chrono::sys_days{bars[j].date()} <= day) last = bars[j++].close;
    out[i] = last;
  }
  return out;
}

std::vector<double> change(const std::vector<double>& x, std::size_t lag) {
  std::vector<double> out(x.size(), kUndefined);
  for (std::size_t i = lag; i < x.size(); ++i) out[i] = x[i] - x[i - lag];
  return out;
}

// Pearson correlation of the last `window` one-day log returns of a and b.
std::vector<double> rolling_return_correlation(const std::vector<double>& a,
                                               const std::vector<double>& b, std::size_t window) {
  const auto ra = log_change(a, 1), rb = log_change(b, 1);
  std::vector<double> out(a.size(), kUndefined);
  for (std::size_t i = window; i < a.size(); ++i) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (std::size_t k = i + 1 - window; k <= i; ++k) {
      sa += ra[k], sb += rb[k], saa += ra[k] * ra[k], sbb += rb[k] * rb[k], sab += ra[k] * rb[k];
    }
    const double n = static_cast<double>(window);
    const double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    out[i] = va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : kUndefined;
  }
  return out;
}

}  // namespace

bool FxFeatureTable::complete(Eigen::Index i) const {
  return values.row(i).array().isFinite().all();
}

const std::vector<std::string>& fx_feature_names() {
  return kNames;
}

const std::vector<std::string>& fx_unavailable_features() {
  return kUnavailable;
}

FxFeatureTable fx_features(const FxMarketInputs& inputs) {
  if (inputs.pair.size() < 2)
    throw std::invalid_argument("fx features: the pair has " + std::to_string(inputs.pair.size()) +
                                " bars; at least two are needed");
  FxFeatureTable t;
  trading_days(inputs.pair, t.dates, t.closes);
  const auto& c = t.closes;
  const auto spy = closes_as_of(t.dates, inputs.spy);
  t.vix = closes_as_of(t.dates, inputs.vix);
  const auto atr = ta::atr(inputs.pair, 14);
  const auto rv20 = ta::realized_volatility(c, 20, ta::kFxWeekdaysPerYear);
  const auto rv60 = ta::realized_volatility(c, 60, ta::kFxWeekdaysPerYear);

  std::vector<std::pair<std::string, std::vector<double>>> columns{
      {"momentum_20d", log_change(c, 20)},
      {"momentum_60d", log_change(c, 60)},
      {"zscore_60d", ta::rolling_zscore(c, 60)},
      {"realized_vol_20d", rv20},
      {"realized_vol_60d", rv60},
      {"vol_ratio_20_60", ratio(rv20, rv60)},
      {"adx_14", ta::adx(inputs.pair, 14).adx},
      {"hurst_126", ta::rolling_hurst(c, 126, {ta::HurstMethod::Dfa, 8, 0})},
      {"vix", t.vix},
      {"vix_change_5d", change(t.vix, 5)},
      {"spy_return_20d", log_change(spy, 20)},
      {"correlation_spy_60d", rolling_return_correlation(c, spy, 60)},
      {"atr_pct_14", ratio(atr, c)},
      {"rsi_14", ta::rsi(c, 14)},
  };
  fill_columns(columns, c.size(), t.values, t.names);
  return t;
}

}  // namespace dorado::regime
