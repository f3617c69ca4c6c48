#pragma once
// FRED series/observations JSON -> dated observations (pure; no IO).
// FRED sends every value as a string and "." where there was no print
// (holidays, discontinued days): kept as a missing value, never as zero.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::data {

struct FredObservation {
  Date date;
  std::optional<double> value;  // nullopt where FRED says "."

  friend bool operator==(const FredObservation&, const FredObservation&) = default;
};

struct FredObservationsPage {
  std::int64_t count = 0;   // rows matching the whole query
  std::int64_t offset = 0;  // of this page
  std::vector<FredObservation> observations;
};

// Throws PayloadError naming the field ("observations[3].value").
FredObservationsPage parse_fred_observations(std::string_view payload);

// error_message of a FRED error body ({"error_code":400,"error_message":"Bad Request.  ..."}).
std::optional<std::string> fred_error_message(std::string_view payload);

}  // namespace dorado::data
