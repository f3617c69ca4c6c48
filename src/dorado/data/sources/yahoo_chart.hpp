#pragma once
// Yahoo Finance v8 chart payload -> daily bars (pure; no IO).
//
// Yahoo stamps a daily bar with the instant its session opened, in UTC
// (SPY: 14:30 UTC in winter); the trade date is that instant's date in the
// exchange's time zone (meta.exchangeTimezoneName). Bars come out in the
// domain convention: `time` at 00:00 UTC of the trade date.
//
// Rows where any of open/high/low/close is null (holidays, halts) are
// skipped; a null volume is 0 (indices and FX carry none). The bar of a
// session still trading (meta.regularMarketTime before the end of
// meta.currentTradingPeriod.regular) is dropped: it is not a daily bar yet.
// Prices are rounded to meta.priceHint decimals, removing the float32 noise
// Yahoo adds (681.6900024414062 -> 681.69); the adjusted close is kept as sent.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/bar.hpp"

namespace dorado::data {

struct YahooChart {
  std::string symbol;
  std::string currency;
  std::string exchange_timezone;  // IANA name, e.g. "America/New_York"
  std::vector<Bar> bars;          // ascending, one per trade date, completed sessions only
  std::size_t skipped_null_rows = 0;
  std::optional<Date> dropped_live_bar;  // the trade date of the dropped still-forming bar
};

// Throws PayloadError (with the JSON path or byte offset) for anything not in the
// documented shape, including a body whose chart.error is set.
YahooChart parse_yahoo_chart(std::string_view payload);

// The description of a chart.error object ("No data found, symbol may be
// delisted"), if the body is one; for messages about non-2xx answers.
std::optional<std::string> yahoo_error_description(std::string_view payload);

}  // namespace dorado::data
