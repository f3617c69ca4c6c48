#pragma once
// URLs for the source clients: query strings with percent-encoded values, and
// the redaction of secrets (FRED's api_key, CoinGecko's demo key) so a URL can
// appear in an error message or a log line.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dorado::data {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string percent_encode(std::string_view text);

// base + "?" + k=v&k=v, keys and values percent-encoded; base alone when empty.
std::string with_query(std::string_view base, const QueryParams& params);

inline constexpr std::string_view kRedacted = "REDACTED";

// The URL with the value of every query parameter named in `secret_params`
// replaced by REDACTED: "...?series_id=DGS10&api_key=REDACTED".
std::string redact_url(std::string_view url, const std::vector<std::string>& secret_params);

// `text` with every occurrence of each non-empty secret replaced by REDACTED
// (for body excerpts that echo a request back).
std::string redact_values(std::string text, const std::vector<std::string>& secrets);

}  // namespace dorado::data
