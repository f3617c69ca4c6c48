#pragma once
// The crypto extension of a venue (Hyperliquid perpetuals): the current
// funding rate, which longs pay shorts when positive. Shaped on
// Hyperliquid's metaAndAssetCtxs `funding` (../shared/ref/hyperliquid-api.md
// section 2): a fraction of notional per funding interval (hourly there,
// 8-hourly on Binance), beside the mark price it applies to.
#include <chrono>
#include <string>
#include <string_view>

#include "dorado/domain/time.hpp"
#include "dorado/ports/venue_adapter.hpp"

namespace dorado::ports {

struct PerpFunding {
  std::string symbol;  // the venue's name: "BTC"
  double rate = 0.0;   // per interval, as a fraction: 0.0000125 = 0.00125 %
  std::chrono::minutes interval{60};
  double mark_price = 0.0;
  Timestamp as_of{};

  // The rate scaled to a year of intervals, for comparing venues.
  double annualized() const {
    return rate * (365.0 * 24.0 * 60.0) / static_cast<double>(interval.count());
  }

  friend bool operator==(const PerpFunding&, const PerpFunding&) = default;
};

class CryptoVenue {
 public:
  virtual ~CryptoVenue() = default;

  VenueResult<PerpFunding> funding_rate(std::string_view symbol,
                                        CallTimeout timeout = kDefaultVenueTimeout) {
    if (symbol.empty())
      return VenueError{ReasonCode::InvalidOrder, "funding request names no symbol"};
    require_positive(timeout);
    return fetch_funding(symbol, timeout);
  }

 private:
  virtual VenueResult<PerpFunding> fetch_funding(std::string_view symbol, CallTimeout timeout) = 0;
};

}  // namespace dorado::ports
