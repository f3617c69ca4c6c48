#pragma once
// Perpetual-futures funding history payloads -> funding rates (pure; no IO).
// Both venues send rates as decimal strings and times as epoch milliseconds.
// Rates are per funding interval as published: Binance usually 8 h,
// Hyperliquid 1 h (8 h in older history).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

// Binance USD-M /fapi/v1/fundingRate: [{"symbol","fundingRate","fundingTime","markPrice"}...].
// Throws PayloadError naming the row and field.
std::vector<ports::FundingRate> parse_binance_funding(std::string_view payload);

// Hyperliquid info {"type":"fundingHistory"}: [{"coin","fundingRate","premium","time"}...].
std::vector<ports::FundingRate> parse_hyperliquid_funding(std::string_view payload);

// Binance's error body {"code":-1121,"msg":"Invalid symbol."}: the code and message.
struct BinanceError {
  long code = 0;
  std::string message;
};
std::optional<BinanceError> binance_error(std::string_view payload);

}  // namespace dorado::data
