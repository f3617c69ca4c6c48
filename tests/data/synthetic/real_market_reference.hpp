#pragma once
#include "support/real_data.hpp"
// Reference ranges from the real histories in ../shared/data, computed the
// same way for every instrument:
// - closes from the file's Close column; for FX, a close that jumps more than
//   5 % and is more than half undone the next day is dropped (the README's
//   known bad single-day spikes, e.g. USDJPY 2008-12-08 +17.7 %);
// - rolling windows of W daily returns, stepping 21 bars, where W is five
//   years of the instrument's bars or a third of its history when that is
//   shorter (GLD, AUDUSD, BTC, ETH), so there are always several windows;
// - volatility range: min..max of the windows' annualised volatility;
// - correlation range with SPY: min..max over windows of the pair's common
//   dates (window: the smaller of the two W, at most a third of the overlap);
// - drawdown range: min..max of the windows' maximum drawdown, and the
//   whole history's maximum drawdown.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "data/synthetic/market_statistics.hpp"

namespace dorado::data::synthetic::testing {

// Date and Close (5th column) of a Date,Open,High,Low,Close,... file; rows
// without a positive close are skipped.
inline CloseSeries read_closes(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  CloseSeries out;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string cell[5];
    for (auto& c : cell) std::getline(row, c, ',');
    char* end = nullptr;
    const double close = std::strtod(cell[4].c_str(), &end);
    if (end == cell[4].c_str() || !(close > 0.0)) continue;
    out.dates.push_back(cell[0]);
    out.closes.push_back(close);
  }
  return out;
}

inline CloseSeries drop_reverted_spikes(const CloseSeries& s) {
  CloseSeries out;
  if (s.closes.empty()) return out;
  out.dates.push_back(s.dates[0]);
  out.closes.push_back(s.closes[0]);
  for (std::size_t i = 1; i < s.closes.size(); ++i) {
    if (i + 1 < s.closes.size()) {
      const double jump = std::log(s.closes[i] / out.closes.back());
      const double after = std::log(s.closes[i + 1] / out.closes.back());
      if (std::fabs(jump) > 0.05 && std::fabs(after) < 0.5 * std::fabs(jump)) continue;
    }
    out.dates.push_back(s.dates[i]);
    out.closes.push_back(s.closes[i]);
  }
  return out;
}

struct Range {
  double low = 0.0;
  double high = 0.0;
  bool contains(double x) const { return x >= low && x <= high; }
};

inline std::size_t window_length(std::size_t returns, double periods_per_year) {
  return std::min(static_cast<std::size_t>(5.0 * periods_per_year), returns / 3);
}

struct AssetReference {
  std::size_t returns = 0;
  std::size_t window = 0;
  Range volatility;
  Range window_drawdown;
  double history_drawdown = 0.0;
};

inline AssetReference asset_reference(const CloseSeries& s, double periods_per_year) {
  AssetReference ref;
  ref.returns = s.closes.size() - 1;
  ref.window = window_length(ref.returns, periods_per_year);
  const std::vector<double> r = log_returns(s.closes, 0, ref.returns);
  bool first = true;
  for (std::size_t start = 0; start + ref.window <= ref.returns; start += 21) {
    const std::vector<double> w(r.begin() + static_cast<std::ptrdiff_t>(start),
                                r.begin() + static_cast<std::ptrdiff_t>(start + ref.window));
    const double vol = annualised_volatility(w, periods_per_year);
    const double dd = max_drawdown(s.closes, start, start + ref.window);
    if (first) {
      ref.volatility = {vol, vol};
      ref.window_drawdown = {dd, dd};
      first = false;
    }
    ref.volatility = {std::min(ref.volatility.low, vol), std::max(ref.volatility.high, vol)};
    ref.window_drawdown = {std::min(ref.window_drawdown.low, dd),
                           std::max(ref.window_drawdown.high, dd)};
  }
  ref.history_drawdown = max_drawdown(s.closes, 0, ref.returns);
  return ref;
}

// Median of the maximum drawdowns of rolling `window`-return windows (step 21).
inline double median_window_drawdown(const CloseSeries& s, std::size_t window) {
  std::vector<double> dds;
  for (std::size_t start = 0; start + window < s.closes.size(); start += 21) {
    dds.push_back(max_drawdown(s.closes, start, start + window));
  }
  std::sort(dds.begin(), dds.end());
  return dds[dds.size() / 2];
}

inline Range correlation_range(const CloseSeries& a, const CloseSeries& b, std::size_t max_window) {
  const auto [x, y] = common_returns(a, b);
  const std::size_t window = std::min(max_window, x.size() / 3);
  Range range{1.0, -1.0};
  for (std::size_t start = 0; start + window <= x.size(); start += 21) {
    const auto from = static_cast<std::ptrdiff_t>(start);
    const auto to = static_cast<std::ptrdiff_t>(start + window);
    const double c =
        correlation({x.begin() + from, x.begin() + to}, {y.begin() + from, y.begin() + to});
    range = {std::min(range.low, c), std::max(range.high, c)};
  }
  return range;
}

}  // namespace dorado::data::synthetic::testing
