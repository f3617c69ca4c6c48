#pragma once
// The non-price series of the synthetic market, in the shape the real sources
// deliver them: the true regime per day, CFTC positioning, perpetual funding.
#include <cstdint>
#include <string>

#include "dorado/domain/regime.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::data::synthetic {

struct RegimeDay {
  Date date;
  MacroRegime regime;

  friend bool operator==(const RegimeDay&, const RegimeDay&) = default;
};

// One weekly CFTC Traders in Financial Futures row (futures only): positions
// as of Tuesday's close, published the Friday after.
struct CotReport {
  std::string market;  // "ES", "NQ", "VX"
  Date report_date;    // a Tuesday
  Date release_date;   // the Friday after
  std::int64_t open_interest = 0;
  std::int64_t leveraged_long = 0;
  std::int64_t leveraged_short = 0;

  // Net speculative positioning: leveraged funds long minus short.
  std::int64_t net_speculative() const { return leveraged_long - leveraged_short; }

  friend bool operator==(const CotReport&, const CotReport&) = default;
};

}  // namespace dorado::data::synthetic
