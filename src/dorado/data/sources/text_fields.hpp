#pragma once
// Strict readers for the text fields of payloads (CSV cells, numbers and
// dates sent as strings). nullopt on anything that is not exactly the form.
#include <optional>
#include <string_view>

#include "dorado/domain/time.hpp"

namespace dorado::data::text_fields {

// "17.93", "-0.0375", "1e-4", "2116079"; no spaces, no NaN/inf.
std::optional<double> parse_decimal(std::string_view text);

// "2024-01-31"; a real calendar date.
std::optional<Date> parse_iso_date(std::string_view text);

// "01/31/2024" (CBOE's MM/DD/YYYY); a real calendar date.
std::optional<Date> parse_us_date(std::string_view text);

// Whitespace and a trailing CR removed from both ends.
std::string_view trim(std::string_view text);

}  // namespace dorado::data::text_fields
