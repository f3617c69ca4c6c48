#include "dorado/engine/scan/return_correlations.hpp"

#include <algorithm>
#include <cmath>

namespace dorado::engine {
namespace {

// Log return of each date against the previous bar's close, by date.
std::map<std::chrono::sys_days, double> daily_returns(const std::vector<Bar>& bars,
                                                      std::size_t keep) {
  std::map<std::chrono::sys_days, double> out;
  const std::size_t first = bars.size() > keep + 1 ? bars.size() - keep - 1 : 0;
  for (std::size_t i = first + 1; i < bars.size(); ++i)
    if (bars[i - 1].close > 0.0 && bars[i].close > 0.0)
      out.emplace(std::chrono::sys_days{bars[i].date()},
                  std::log(bars[i].close / bars[i - 1].close));
  return out;
}

std::optional<double> pearson(const std::map<std::chrono::sys_days, double>& a,
                              const std::map<std::chrono::sys_days, double>& b,
                              std::size_t window) {
  std::vector<std::pair<double, double>> common;
  // Walk both from the newest date back until the window is full.
  auto ia = a.rbegin();
  auto ib = b.rbegin();
  while (ia != a.rend() && ib != b.rend() && common.size() < window) {
    if (ia->first == ib->first) {
      common.emplace_back(ia->second, ib->second);
      ++ia;
      ++ib;
    } else if (ia->first > ib->first) {
      ++ia;
    } else {
      ++ib;
    }
  }
  if (common.size() < std::max<std::size_t>(window / 2, 3)) return std::nullopt;
  const double n = static_cast<double>(common.size());
  double mean_a = 0.0, mean_b = 0.0;
  for (const auto& [x, y] : common) {
    mean_a += x;
    mean_b += y;
  }
  mean_a /= n;
  mean_b /= n;
  double sab = 0.0, saa = 0.0, sbb = 0.0;
  for (const auto& [x, y] : common) {
    sab += (x - mean_a) * (y - mean_b);
    saa += (x - mean_a) * (x - mean_a);
    sbb += (y - mean_b) * (y - mean_b);
  }
  if (!(saa > 0.0) || !(sbb > 0.0)) return std::nullopt;
  return std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
}

}  // namespace

risk::CorrelationMatrix return_correlations(const std::map<std::string, std::vector<Bar>>& bars,
                                            std::size_t window) {
  // Twice the window of bars per series leaves room for non-common days.
  std::vector<std::pair<std::string, std::map<std::chrono::sys_days, double>>> returns;
  for (const auto& [symbol, series] : bars)
    returns.emplace_back(symbol, daily_returns(series, 2 * window));
  risk::CorrelationMatrix matrix;
  for (std::size_t i = 0; i < returns.size(); ++i)
    for (std::size_t j = i + 1; j < returns.size(); ++j)
      if (const auto rho = pearson(returns[i].second, returns[j].second, window))
        matrix.set(returns[i].first, returns[j].first, *rho);
  return matrix;
}

}  // namespace dorado::engine
