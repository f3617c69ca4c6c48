#pragma once
// Builds one synthetic option chain: listed expirations and strikes, the
// volatility surface, Black-Scholes-Merton prices and greeks (European, with
// a continuous dividend yield: SPY 1.5 %, TLT 2.5 %, GLD 0), quotes, open
// interest and volume, then the injected chain-quality problems.
//
// Time to expiry is calendar days / 365 from the quote day's close.
//
// Quotes (tick 0.01 for all three underlyings, which are penny-pilot names):
//   spread = max(minimum, 0.01 + 0.004 x (1 + 0.75 m^2) x value), m the
//   moneyness in standard deviations (capped at 4), so spreads widen away
//   from the money; bid = value - spread/2 rounded down to the tick, ask =
//   value + spread/2 rounded up, so bid <= value <= ask always (and put-call
//   parity holds for mids within half the two spreads). Minimum spread 0.01;
//   0.05 for TLT and GLD options worth 3.00 or more (thinner books). An option
//   worth less than half a tick is bid 0.00, offered 0.01: at low prices the
//   tick makes the relative spread wide, as in real chains. Those natural no-bid
//   quotes are not injected problems.
//
// Open interest peaks at the money (Gaussian in moneyness, width 1.5 sd), is
// three times larger on monthlies than weeklies, doubles on strikes that are
// multiples of 5 (of 1 for TLT/GLD), fades past 90 days and carries
// lognormal noise; volume is a share of open interest, larger near expiry.
//
// Injected problems, drawn from the chain's own stream:
//   per expiration, with rate partial_expirations: a contiguous block of
//     30-70 % of its strikes (both rights) is dropped;
//   per remaining contract, one uniform u: u < missing_greeks -> greeks and
//     IV absent; else u < missing_greeks + stale_greeks -> greeks computed at
//     the previous session's close (skipped on the first day of the market);
//   per remaining contract with a bid, with rate zero_bids: the bid is 0.
#include <optional>
#include <string_view>

#include "dorado/data/synthetic/chain_problems.hpp"
#include "dorado/data/synthetic/synthetic_market_config.hpp"
#include "dorado/domain/regime.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::data::synthetic {

struct ChainInputs {
  std::string_view underlying;
  Date day;
  Timestamp as_of;  // the session's close
  double spot = 0.0;
  std::optional<double> previous_spot;  // the previous session's close
  MacroRegime regime = MacroRegime::Goldilocks;
  double vix = 0.0;
  double vix3m = 0.0;
  double risk_free_rate = 0.0;
  ChainProblemRates problems;
  std::uint64_t seed = 0;  // the chain's own stream
};

double dividend_yield(std::string_view underlying);

SyntheticChain build_option_chain(const ChainInputs& in);

}  // namespace dorado::data::synthetic
