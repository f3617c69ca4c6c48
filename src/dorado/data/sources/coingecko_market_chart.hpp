#pragma once
// CoinGecko market_chart JSON -> one price per UTC day (pure; no IO).
//
// CoinGecko's granularity depends on the span asked for (5-minutely, hourly
// or daily at 00:00 UTC) and the last point is usually "now". A day's value
// here is the first point of that UTC date if it falls within the date's
// first hour: the price at about 00:00 UTC, i.e. close to the previous UTC
// day's close. Dates without such a point (the "now" point, gaps) are left
// out rather than filled with an off-hour price.
#include <optional>
#include <string_view>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::data {

struct CoinDailyPoint {
  Date date;
  Timestamp time;      // the instant of the point used, within the date's first hour
  double price = 0.0;  // in the vs_currency asked for
  std::optional<double> total_volume;  // rolling 24 h volume at that instant
  std::optional<double> market_cap;

  friend bool operator==(const CoinDailyPoint&, const CoinDailyPoint&) = default;
};

// Throws PayloadError naming the array and index ("prices[3][1]").
std::vector<CoinDailyPoint> parse_coingecko_market_chart(std::string_view payload);

// The error text of a CoinGecko error body ({"error":"coin not found"} or
// {"status":{"error_code":429,"error_message":"..."}}).
std::optional<std::string> coingecko_error_message(std::string_view payload);

}  // namespace dorado::data
