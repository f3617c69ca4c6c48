#pragma once
#include "support/real_data.hpp"
// Shared helpers of the TA tests: bars from numbers, deterministic random
// markets, series comparison, and the real-data folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta::testing {

inline Bar bar(double high, double low, double close, double open = kUndefined) {
  Bar b;
  b.open = std::isnan(open) ? close : open;
  b.high = high;
  b.low = low;
  b.close = close;
  return b;
}

inline std::vector<double> closes_of(const std::vector<Bar>& bars) {
  std::vector<double> out;
  out.reserve(bars.size());
  for (const Bar& b : bars) out.push_back(b.close);
  return out;
}

// A geometric random walk with intraday ranges: `days` bars from a seed.
inline std::vector<Bar> random_market(std::size_t days, unsigned seed, double daily_vol = 0.012,
                                      double start = 100.0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> shock(0.0, daily_vol);
  std::uniform_real_distribution<double> wick(0.0, daily_vol);
  std::vector<Bar> bars;
  double close = start;
  for (std::size_t i = 0; i < days; ++i) {
    const double open = close * std::exp(shock(rng) * 0.3);
    close = open * std::exp(shock(rng));
    const double high = std::max(open, close) * (1.0 + wick(rng));
    const double low = std::min(open, close) * (1.0 - wick(rng));
    bars.push_back(bar(high, low, close, open));
  }
  return bars;
}

inline std::vector<double> white_noise(std::size_t n, unsigned seed, double sd = 1.0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, sd);
  std::vector<double> out(n);
  for (double& x : out) x = normal(rng);
  return out;
}

// Equal where both are NaN (warm-up); otherwise |a - b| <= tol * max(1, |a|, |b|).
inline ::testing::AssertionResult same_value(double a, double b, double tol) {
  if (std::isnan(a) && std::isnan(b)) return ::testing::AssertionSuccess();
  if (std::isnan(a) != std::isnan(b))
    return ::testing::AssertionFailure() << a << " vs " << b << " (warm-up differs)";
  const double scale = std::max({1.0, std::abs(a), std::abs(b)});
  if (std::abs(a - b) <= tol * scale) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs " << b << " differ by " << std::abs(a - b);
}

// Both NaN, or within an absolute tolerance (for published, rounded tables).
inline ::testing::AssertionResult near_or_undefined(double a, double b, double abs_tol) {
  if (std::isnan(a) && std::isnan(b)) return ::testing::AssertionSuccess();
  if (!std::isnan(a) && !std::isnan(b) && std::abs(a - b) <= abs_tol)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs " << b;
}

inline ::testing::AssertionResult same_series(const std::vector<double>& a,
                                              const std::vector<double>& b, double tol = 1e-12) {
  if (a.size() != b.size())
    return ::testing::AssertionFailure() << "sizes " << a.size() << " and " << b.size();
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto r = same_value(a[i], b[i], tol);
    if (!r) return r << " at index " << i;
  }
  return ::testing::AssertionSuccess();
}

// Runs a streaming object over `inputs`, collecting what update() returns.
template <typename Indicator, typename Input>
std::vector<double> stream(Indicator indicator, const std::vector<Input>& inputs) {
  std::vector<double> out;
  out.reserve(inputs.size());
  for (const Input& x : inputs) out.push_back(indicator.update(x));
  return out;
}

struct DatedBar {
  std::string date;
  Bar bar;
};

// Date,Open,High,Low,Close[,...] with a header line; rows with an unreadable
// price are skipped (none in the current files).
inline std::vector<DatedBar> read_ohlc_csv(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<DatedBar> out;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string cell[5];
    for (auto& c : cell) std::getline(row, c, ',');
    try {
      out.push_back({cell[0], bar(std::stod(cell[2]), std::stod(cell[3]), std::stod(cell[4]),
                                  std::stod(cell[1]))});
    } catch (const std::exception&) {
    }
  }
  return out;
}

inline std::vector<Bar> bars_of(const std::vector<DatedBar>& rows) {
  std::vector<Bar> out;
  for (const auto& r : rows) out.push_back(r.bar);
  return out;
}

inline std::size_t index_of(const std::vector<DatedBar>& rows, const std::string& date) {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].date == date) return i;
  ADD_FAILURE() << "no row dated " << date;
  return 0;
}

}  // namespace dorado::quant::ta::testing
