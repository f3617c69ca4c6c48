#pragma once
// Daily returns too large to be taken on trust.
//
// Method: r_t = ln(P_t / P_{t-1}). Its scale is estimated robustly from the
// `window` returns before it (63 trading days, a quarter): the median m and
// the median absolute deviation MAD, sigma = 1.4826 * MAD (the factor makes
// sigma the standard deviation for normal returns, and one wild day cannot
// inflate it the way it inflates a standard deviation). A return is an
// outlier when |r_t - m| > k * sigma, k = 10 by default. No verdict is given
// before `min_window` returns exist, or when sigma is 0 (a flat stretch).
//
// A spike is an outlier that the next day's return undoes: r_{t+1} is an
// outlier of the opposite sign and the two together stay within k sigma of
// zero. That is the shape of a bad tick (USDJPY 2008-12-08: +16.3 % then
// -16.9 % in Yahoo's history), where a true shock (SPY 2018-02-05, -4.3 %,
// 11 sigma after a calm January) is not undone the next day.
//
// k = 10 was chosen on /work/shared/data (1993-2018): it flags the known bad
// FX ticks of 2008 and a handful of real shocks (SPY 2007-02-27 and
// 2018-02-05, GLD 2013-04-15, LQD September 2008), nothing in TLT, QQQ, XLK,
// XLU; k = 8 would add a dozen ordinary crisis days.
#include <cstddef>
#include <span>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::data {

struct OutlierThresholds {
  double sigmas = 10.0;         // k
  std::size_t window = 63;      // returns in the scale estimate
  std::size_t min_window = 20;  // returns needed before any verdict
};

struct ReturnOutlier {
  Date date;  // the day of the return
  double log_return = 0;
  double robust_z = 0;  // (r - median) / sigma
  bool spike = false;   // undone by the next day's return

  bool operator==(const ReturnOutlier&) const = default;
};

// `dates` and `prices` are parallel and ascending; prices must be positive
// (non-positive ones are skipped: they are findings of their own).
std::vector<ReturnOutlier> find_return_outliers(std::span<const Date> dates,
                                                std::span<const double> prices,
                                                const OutlierThresholds& thresholds = {});

}  // namespace dorado::data
