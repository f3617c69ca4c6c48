#pragma once
// CBOE's index history CSVs (cdn.cboe.com/api/global/us_indices/daily_prices/
// <INDEX>_History.csv) -> daily closes (pure; no IO). Columns are found by
// header name: DATE,OPEN,HIGH,LOW,CLOSE for VIX, VIX9D, VIX3M, VIX6M; files
// such as VVIX and SKEW have only DATE,<NAME>, whose value column is the close.
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::data {

struct IndexClose {
  Date date;
  double close = 0.0;

  friend bool operator==(const IndexClose&, const IndexClose&) = default;
};

// Ascending by date; blank lines ignored, CR and spaces trimmed. Throws
// PayloadError naming the line ("line 7: CLOSE \"n/a\" is not a number").
std::vector<IndexClose> parse_cboe_index_history(std::string_view csv);

}  // namespace dorado::data
