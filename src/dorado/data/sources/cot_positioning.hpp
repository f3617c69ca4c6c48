#pragma once
// CFTC Traders in Financial Futures rows from the Socrata API -> weekly
// positioning (pure; no IO). Socrata sends every value as a string; note the
// field names: leveraged money and asset managers have no "_all" suffix,
// dealers do.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::data {

// The financial futures Dorado reads positioning for, by CFTC contract code
// (names drift between releases; codes do not).
struct CotMarket {
  std::string_view symbol;  // "ES"
  std::string_view code;    // "13874A"
};
inline constexpr CotMarket kCotEminiSp500{"ES", "13874A"};
inline constexpr CotMarket kCotEminiNasdaq100{"NQ", "209742"};
inline constexpr CotMarket kCotVixFutures{"VX", "1170E1"};
inline constexpr CotMarket kCotMarkets[] = {kCotEminiSp500, kCotEminiNasdaq100, kCotVixFutures};

// Throws std::invalid_argument listing the known symbols.
CotMarket cot_market(std::string_view symbol);

struct CotPositioning {
  Date report_date;  // the Tuesday the positions are as of
  std::string market_code;
  std::string market_name;
  bool futures_only = true;  // "FutOnly" rather than "Combined"
  std::int64_t open_interest = 0;
  std::int64_t leveraged_long = 0;
  std::int64_t leveraged_short = 0;
  std::int64_t asset_manager_long = 0;
  std::int64_t asset_manager_short = 0;
  std::int64_t dealer_long = 0;
  std::int64_t dealer_short = 0;

  std::int64_t leveraged_net() const { return leveraged_long - leveraged_short; }

  friend bool operator==(const CotPositioning&, const CotPositioning&) = default;
};

// A JSON array of Socrata TFF rows. Throws PayloadError naming the row and field.
std::vector<CotPositioning> parse_cot_positioning(std::string_view payload);

// The message of a Socrata error body
// ({"code":"query.soql.no-such-column","error":true,"message":...}).
std::optional<std::string> socrata_error_message(std::string_view payload);

}  // namespace dorado::data
