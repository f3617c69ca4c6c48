#include "dorado/data/pipeline/return_outliers.hpp"

#include <algorithm>
#include <cmath>

namespace dorado::data {

namespace {

constexpr double kMadToSigma = 1.4826;
constexpr double kFlatSigma = 1e-9;  // log-return scale below which a series is flat

double median(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  return (*mid + *std::max_element(v.begin(), mid)) / 2.0;
}

struct DailyReturn {
  Date date;
  double r;
};

}  // namespace

std::vector<ReturnOutlier> find_return_outliers(std::span<const Date> dates,
                                                std::span<const double> prices,
                                                const OutlierThresholds& t) {
  std::vector<DailyReturn> returns;
  for (std::size_t i = 1; i < prices.size() && i < dates.size(); ++i)
    if (prices[i] > 0 && prices[i - 1] > 0)
      returns.push_back({dates[i], std::log(prices[i] / prices[i - 1])});

  std::vector<ReturnOutlier> out;
  std::vector<double> sigma_at(returns.size(), 0.0), median_at(returns.size(), 0.0);
  std::vector<double> window, deviations;
  for (std::size_t i = 0; i < returns.size(); ++i) {
    if (i < t.min_window) continue;
    const std::size_t from = i > t.window ? i - t.window : 0;
    window.clear();
    for (std::size_t j = from; j < i; ++j) window.push_back(returns[j].r);
    const double m = median(window);
    deviations.clear();
    for (const double r : window) deviations.push_back(std::abs(r - m));
    const double sigma = kMadToSigma * median(deviations);
    median_at[i] = m;
    sigma_at[i] = sigma;
    // A flat stretch (stale prices) has no scale to judge by.
    if (!(sigma > kFlatSigma)) continue;
    const double z = (returns[i].r - m) / sigma;
    if (std::abs(z) > t.sigmas) out.push_back({returns[i].date, returns[i].r, z, false});
  }
  // A spike: this outlier and the next day's, of opposite sign, nearly cancel.
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    const auto it = std::find_if(returns.begin(), returns.end(),
                                 [&](const DailyReturn& d) { return d.date == out[k].date; });
    const auto i = static_cast<std::size_t>(it - returns.begin());
    if (i + 1 >= returns.size() || out[k + 1].date != returns[i + 1].date) continue;
    const bool opposite = (out[k].log_return > 0) != (out[k + 1].log_return > 0);
    const double net = std::abs(out[k].log_return + out[k + 1].log_return);
    if (opposite && net <= t.sigmas * sigma_at[i]) {
      out[k].spike = true;
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k + 1));  // the reversal is the same tick
    }
  }
  return out;
}

}  // namespace dorado::data
