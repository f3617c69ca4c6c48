#pragma once
// Daily bars of the eleven synthetic instruments. One correlated shock vector
// is drawn per calendar day (through the Cholesky factor of that day's regime
// correlation matrix); each instrument uses it only on the days its calendar
// trades, so equities skip weekends and NYSE holidays, FX skips weekends and
// Jan 1 / Dec 25, crypto trades every day.
//
// Bars from the close path: the open is the previous close moved by a gap
// carrying `gap_share` of the day's variance; the high and low extend beyond
// max/min(open, close) by half-normal excursions of half a daily sigma, which
// gives the 1.5-1.7 daily-sigma average range of real daily bars. Prices are
// rounded to the instrument's tick (0.01; 0.001 for USDJPY, 0.00001 for
// AUDUSD), which keeps high >= max(open, close) and low <= min(open, close)
// because rounding is monotone.
#include <array>
#include <cstdint>
#include <vector>

#include "dorado/data/synthetic/market_assets.hpp"
#include "dorado/domain/bar.hpp"
#include "dorado/domain/regime.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::data::synthetic {

using AssetBars = std::array<std::vector<Bar>, kAssetCount>;

// `days` are consecutive calendar days; `regimes[i]` is the regime of days[i].
AssetBars generate_asset_bars(const std::vector<Date>& days,
                              const std::vector<MacroRegime>& regimes, std::uint64_t seed);

}  // namespace dorado::data::synthetic
