#include "dorado/regime/crypto/crypto_features.hpp"

#include <cmath>
#include <stdexcept>

#include "dorado/quant/ta/indicators.hpp"
#include "dorado/regime/daily_feature_columns.hpp"

namespace dorado::regime {

namespace {

namespace ta = quant::ta;
using ta::kUndefined;

const std::vector<std::string> kNames{
    "return_20d",         "return_60d",       "adx_14",
    "hurst_100",          "realized_vol_20d", "vol_ratio_20_60",
    "efficiency_20d",     "funding_7d",       "open_interest_change_7d",
    "exchange_netflow_7d"};
const std::vector<std::string> kUnavailable{"open_interest_change_7d", "exchange_netflow_7d"};

std::vector<double> efficiency_ratio(const std::vector<double>& x, std::size_t window) {
  std::vector<double> out(x.size(), kUndefined);
  for (std::size_t i = window; i < x.size(); ++i) {
    double path = 0.0;
    for (std::size_t k = i + 1 - window; k <= i; ++k) path += std::fabs(std::log(x[k] / x[k - 1]));
    out[i] = path > 0 ? std::fabs(std::log(x[i] / x[i - window])) / path : 0.0;
  }
  return out;
}

// Mean rate of the prints in (close - 7 days, close]; the daily bar of day d
// closes at d + 1 day 00:00 UTC.
std::vector<double> funding_mean(const std::vector<Date>& days,
                                 std::span<const ports::FundingRate> funding) {
  std::vector<double> out(days.size(), kUndefined);
  std::size_t begin = 0, end = 0;
  double sum = 0.0;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Timestamp close{std::chrono::sys_days{days[i]} + std::chrono::days{1}};
    const Timestamp open = close - std::chrono::days{7};
    while (end < funding.size() && funding[end].funding_time <= close) sum += funding[end++].rate;
    while (begin < end && funding[begin].funding_time <= open) sum -= funding[begin++].rate;
    if (end > begin) out[i] = sum / static_cast<double>(end - begin);
  }
  return out;
}

}  // namespace

bool CryptoFeatureTable::complete(Eigen::Index i) const {
  return values.row(i).array().isFinite().all();
}

const std::vector<std::string>& crypto_feature_names() {
  return kNames;
}

const std::vector<std::string>& crypto_unavailable_features() {
  return kUnavailable;
}

CryptoFeatureTable crypto_features(std::span<const Bar> bars,
                                   std::span<const ports::FundingRate> funding) {
  if (bars.size() < 2)
    throw std::invalid_argument("crypto features: " + std::to_string(bars.size()) +
                                " bars; at least two are needed");
  CryptoFeatureTable t;
  trading_days(bars, t.dates, t.closes);
  const auto& c = t.closes;
  const auto rv20 = ta::realized_volatility(c, 20, ta::kCryptoDaysPerYear);
  const auto rv60 = ta::realized_volatility(c, 60, ta::kCryptoDaysPerYear);
  const std::vector<std::pair<std::string, std::vector<double>>> columns{
      {"return_20d", log_change(c, 20)},
      {"return_60d", log_change(c, 60)},
      {"adx_14", ta::adx(bars, 14).adx},
      {"hurst_100", ta::rolling_hurst(c, 100, {ta::HurstMethod::Dfa, 8, 0})},
      {"realized_vol_20d", rv20},
      {"vol_ratio_20_60", ratio(rv20, rv60)},
      {"efficiency_20d", efficiency_ratio(c, 20)},
      {"funding_7d", funding_mean(t.dates, funding)},
  };
  fill_columns(columns, c.size(), t.values, t.names);
  return t;
}

}  // namespace dorado::regime
