#pragma once
// The statistics the calibration compares between the synthetic market and
// the real files: annualised volatility of daily log returns, maximum
// drawdown of the close path, and the correlation of daily log returns on the
// dates both series share.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::data::synthetic::testing {

// (date, close), ascending.
struct CloseSeries {
  std::vector<std::string> dates;  // ISO dates, so real and synthetic align as text
  std::vector<double> closes;
};

inline std::vector<double> log_returns(const std::vector<double>& closes, std::size_t from,
                                       std::size_t to) {  // closes[from..to]
  std::vector<double> out;
  for (std::size_t i = from + 1; i <= to; ++i) out.push_back(std::log(closes[i] / closes[i - 1]));
  return out;
}

inline double annualised_volatility(const std::vector<double>& returns, double periods_per_year) {
  double mean = 0.0;
  for (const double r : returns) mean += r;
  mean /= static_cast<double>(returns.size());
  double ss = 0.0;
  for (const double r : returns) ss += (r - mean) * (r - mean);
  return std::sqrt(ss / static_cast<double>(returns.size() - 1) * periods_per_year);
}

inline double max_drawdown(const std::vector<double>& closes, std::size_t from, std::size_t to) {
  double peak = closes[from];
  double worst = 0.0;
  for (std::size_t i = from; i <= to; ++i) {
    peak = std::max(peak, closes[i]);
    worst = std::max(worst, 1.0 - closes[i] / peak);
  }
  return worst;
}

inline double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

// Daily log returns of a and b over the dates both have (consecutive common
// dates), as real-data comparisons of differently-calendared series do.
inline std::pair<std::vector<double>, std::vector<double>> common_returns(const CloseSeries& a,
                                                                          const CloseSeries& b) {
  std::map<std::string, double> in_b;
  for (std::size_t i = 0; i < b.dates.size(); ++i) in_b[b.dates[i]] = b.closes[i];
  std::vector<double> ca, cb;
  for (std::size_t i = 0; i < a.dates.size(); ++i) {
    const auto it = in_b.find(a.dates[i]);
    if (it == in_b.end()) continue;
    ca.push_back(a.closes[i]);
    cb.push_back(it->second);
  }
  std::pair<std::vector<double>, std::vector<double>> out;
  if (ca.size() < 2) return out;
  out.first = log_returns(ca, 0, ca.size() - 1);
  out.second = log_returns(cb, 0, cb.size() - 1);
  return out;
}

}  // namespace dorado::data::synthetic::testing
