#pragma once
// VIX and VIX3M of the synthetic market, one bar per NYSE trading day.
//
// VIX (30-day implied vol of SPY, in vol points) is a mean-reverting log
// process: each day it moves 7 % of the way toward a target of
// 110 % x sqrt(0.6 x regime variance + 0.4 x realized variance) of SPY plus
// 2 points (the variance risk premium; realized variance is an EWMA of SPY's
// squared daily returns, lambda 0.94), jumps against SPY's own return
// (-4 x the log return: a 1 % SPY drop lifts VIX about 4 %), plus 4.5 % noise;
// it never goes below 9 (real VIX 1990-2018: minimum 9.14).
// VIX3M blends VIX with a long-run 20 and adds a 3 % term premium:
// VIX3M = 1.03 x (0.55 VIX + 0.45 x 20) x noise. Calm regimes (VIX 11-14)
// therefore sit in contango (VIX/VIX3M about 0.75-0.85); a crisis (VIX 40+)
// inverts the curve (VIX/VIX3M 1.2-1.35), as in 2008 and 2020.
#include <cstdint>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/domain/regime.hpp"

namespace dorado::data::synthetic {

struct VolatilityIndices {
  std::vector<Bar> vix;
  std::vector<Bar> vix3m;
};

// `spy` are SPY's bars (NYSE days); `regimes[i]` is the regime of spy[i]'s day;
// `spy_start_price` the close before spy[0].
VolatilityIndices generate_volatility_indices(const std::vector<Bar>& spy,
                                              const std::vector<MacroRegime>& regimes,
                                              double spy_start_price, std::uint64_t seed);

}  // namespace dorado::data::synthetic
