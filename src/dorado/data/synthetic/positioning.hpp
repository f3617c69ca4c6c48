#pragma once
// Positioning series: CFTC Commitments of Traders (leveraged funds in the ES,
// NQ and VX futures) and perpetual-swap funding for BTC and ETH.
//
// COT, every Tuesday, published the Friday after. Net speculative positioning
// (leveraged long - short) is a weekly OU process (pull 15 %) toward a
// regime level, in contracts:
//   market  open interest  risk_on goldilocks transition risk_off crisis recovery  noise
//   ES      2,800,000      -100k   -80k       -150k      -200k    -250k  -160k     20k
//   NQ        220,000       40k     50k        10k       -20k     -60k     0       8k
//   VX        400,000     -110k   -120k       -80k       -40k       0    -60k      8k
// (leveraged funds are structurally short ES against index arbitrage and
// short VIX futures in calm markets, as in the real TFF reports). Gross long
// and short straddle a base of 18 % of open interest; open interest itself
// varies by 5 % a week.
//
// Funding, every 8 hours (00, 08, 16 UTC): 0.0001 (Binance's interest
// component) plus a premium that is an OU process (pull 10 % per print) toward
// a regime level (+1.5, +1, 0, -0.5, -1.5, +0.5 bp) plus 0.0015 x the coin's
// trailing 7-day log return (a 10 % week adds 1.5 bp), with 0.6 bp noise; clamped to +-0.3 % like
// the exchange's cap and rounded to 1e-8. Only closes before the print are used, never the day's
// own.
#include <cstdint>
#include <vector>

#include "dorado/data/synthetic/macro_features.hpp"
#include "dorado/data/synthetic/series_types.hpp"
#include "dorado/domain/bar.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data::synthetic {

// Reports for ES, NQ and VX on every Tuesday of `calendar_days`, ordered by
// market then date.
std::vector<CotReport> generate_cot_reports(const std::vector<Date>& calendar_days,
                                            const RegimeLookup& regime_on, std::uint64_t seed);

// Funding prints of `symbol` (venue "synthetic") over `calendar_days` from its
// daily bars (one per calendar day, as crypto trades every day).
std::vector<ports::FundingRate> generate_funding_rates(const char* symbol,
                                                       const std::vector<Date>& calendar_days,
                                                       const std::vector<Bar>& daily_bars,
                                                       const RegimeLookup& regime_on,
                                                       std::uint64_t seed);

}  // namespace dorado::data::synthetic
