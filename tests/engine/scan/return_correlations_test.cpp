// 60-day return correlations for the portfolio's cluster limit.
#include "dorado/engine/scan/return_correlations.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace dorado::engine {
namespace {

using namespace std::chrono;

// Closes from log returns r[i] starting at 100, one bar a day from 2024-01-01.
std::vector<Bar> bars_from_returns(const std::vector<double>& returns, int first_day = 0) {
  std::vector<Bar> bars;
  double close = 100.0;
  const auto start = sys_days{2024y / January / 1} + days{first_day};
  auto push = [&](int i) {
    Bar b;
    b.time = time_point_cast<microseconds>(start + days{i});
    b.open = b.high = b.low = b.close = close;
    bars.push_back(b);
  };
  push(0);
  for (std::size_t i = 0; i < returns.size(); ++i) {
    close *= std::exp(returns[i]);
    push(static_cast<int>(i) + 1);
  }
  return bars;
}

std::vector<double> zigzag(std::size_t n) {
  std::vector<double> r;
  for (std::size_t i = 0; i < n; ++i) r.push_back(0.01 * std::sin(static_cast<double>(i) * 1.3));
  return r;
}

TEST(ReturnCorrelations, ScaledAndMirroredReturnsArePerfectlyCorrelated) {
  const auto base = zigzag(80);
  std::vector<double> doubled, mirrored;
  for (double x : base) {
    doubled.push_back(2 * x);
    mirrored.push_back(-x);
  }
  const auto m = return_correlations({{"A", bars_from_returns(base)},
                                      {"B", bars_from_returns(doubled)},
                                      {"C", bars_from_returns(mirrored)}});
  EXPECT_NEAR(*m.get("A", "B"), 1.0, 1e-12);
  EXPECT_NEAR(*m.get("A", "C"), -1.0, 1e-12);
  EXPECT_NEAR(*m.get("B", "C"), -1.0, 1e-12);
}

TEST(ReturnCorrelations, OnlyCommonDatesCountAndTooFewLeaveThePairUnknown) {
  const auto base = zigzag(80);
  // D starts 50 days later: 30 common returns = window / 2, enough.
  std::vector<double> late(base.begin() + 50, base.end());
  // E starts 60 days later: 20 common returns, not enough.
  std::vector<double> later(base.begin() + 60, base.end());
  const auto m = return_correlations({{"A", bars_from_returns(base)},
                                      {"D", bars_from_returns(late, 50)},
                                      {"E", bars_from_returns(later, 60)}});
  ASSERT_TRUE(m.get("A", "D").has_value());
  EXPECT_NEAR(*m.get("A", "D"), 1.0, 1e-12);  // the same returns on the same dates
  EXPECT_FALSE(m.get("A", "E").has_value());
}

}  // namespace
}  // namespace dorado::engine
