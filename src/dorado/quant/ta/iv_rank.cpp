#include "dorado/quant/ta/iv_rank.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace dorado::quant::ta {
namespace {

std::size_t checked_window(std::size_t window) {
  if (window < 2)
    throw std::invalid_argument("IV history window must be at least 2 days, got " +
                                std::to_string(window));
  return window;
}

double rank(double iv, double low, double high) {
  // Dividing first keeps the year's high at exactly 100 and the result in range.
  return high > low ? 100.0 * ((iv - low) / (high - low)) : 0.0;
}

double percentile(std::size_t below, std::size_t others) {
  return 100.0 * static_cast<double>(below) / static_cast<double>(others);
}

}  // namespace

Series iv_rank(std::span<const double> iv, std::size_t window) {
  checked_window(window);
  Series out(iv.size(), kUndefined);
  for (std::size_t t = window - 1; t < iv.size(); ++t) {
    const auto w = iv.subspan(t + 1 - window, window);
    const auto [low, high] = std::minmax_element(w.begin(), w.end());
    out[t] = rank(iv[t], *low, *high);
  }
  return out;
}

Series iv_percentile(std::span<const double> iv, std::size_t window) {
  checked_window(window);
  Series out(iv.size(), kUndefined);
  for (std::size_t t = window - 1; t < iv.size(); ++t) {
    std::size_t below = 0;
    for (std::size_t j = t + 1 - window; j < t; ++j) below += iv[j] < iv[t] ? 1 : 0;
    out[t] = percentile(below, window - 1);
  }
  return out;
}

IvRank::IvRank(std::size_t window) : window_(checked_window(window)) {}

double IvRank::update(double iv) {
  const std::size_t today = day_++;
  while (!lows_.empty() && lows_.back().iv >= iv) lows_.pop_back();
  lows_.push_back({today, iv});
  while (!highs_.empty() && highs_.back().iv <= iv) highs_.pop_back();
  highs_.push_back({today, iv});
  // Entries older than the window's first day fall out.
  if (today + 1 >= window_) {
    const std::size_t first = today + 1 - window_;
    while (lows_.front().day < first) lows_.pop_front();
    while (highs_.front().day < first) highs_.pop_front();
    value_ = rank(iv, lows_.front().iv, highs_.front().iv);
  }
  return value_;
}

IvPercentile::IvPercentile(std::size_t window) : previous_(checked_window(window) - 1) {
  sorted_.reserve(window);
}

double IvPercentile::update(double iv) {
  if (previous_.full()) {
    const auto below = std::lower_bound(sorted_.begin(), sorted_.end(), iv) - sorted_.begin();
    value_ = percentile(static_cast<std::size_t>(below), previous_.capacity());
  }
  const auto evicted = previous_.push(iv);
  if (evicted) sorted_.erase(std::lower_bound(sorted_.begin(), sorted_.end(), *evicted));
  sorted_.insert(std::upper_bound(sorted_.begin(), sorted_.end(), iv), iv);
  return value_;
}

}  // namespace dorado::quant::ta
