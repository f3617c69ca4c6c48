#pragma once
// The market as the daily scan sees one underlying on one day: the daily bars
// up to and including the scan date, the option chain of the moment (options
// underlyings only), the 30-day ATM implied-vol history behind IV rank, the
// volatility indices the gates compare against, and crypto funding. Built by
// the engine from the store or the synthetic market; strategy code only
// reads it, so gates and the resolver need no IO and are testable from plain
// values.
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/bar.hpp"
#include "dorado/domain/option_chain.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::strategy {

struct UnderlyingSnapshot {
  std::string symbol;  // universe symbol: "SPY", "USDJPY", "BTC"
  AssetClass asset_class{};
  Date as_of{};                        // the scan's trade date
  Timestamp at{};                      // the instant of the scan (chain and quotes time)
  std::vector<Bar> daily_bars;         // oldest first, the last one dated as_of or earlier
  std::optional<OptionChain> chain;    // options underlyings; nullopt when none could be had
  std::vector<double> atm_iv_history;  // daily 30-day ATM IV, oldest first, ends at as_of
  std::optional<double> vix;           // ^VIX close of as_of
  std::optional<double> vix3m;         // ^VIX3M close of as_of
  std::optional<double> funding_rate;  // crypto: latest funding rate per 8 h, as a fraction

  double last_close() const { return daily_bars.empty() ? 0.0 : daily_bars.back().close; }
};

}  // namespace dorado::strategy
