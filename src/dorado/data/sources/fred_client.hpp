#pragma once
// Macro series from FRED (St. Louis Fed): VIXCLS, DGS10, T10Y2Y, BAMLH0A0HYM2...
// The API key comes from the environment (FRED_API_KEY) and never appears in
// an error or log: URLs are shown with api_key=REDACTED.
#include <string>
#include <vector>

#include "dorado/data/sources/fred_observations.hpp"
#include "dorado/data/sources/http_client.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct FredConfig {
  std::string base_url = "https://api.stlouisfed.org";
  std::string api_key;
  int page_limit = 100'000;  // FRED's maximum rows per request

  // The default configuration with the key read from `variable`; throws
  // std::invalid_argument naming the variable when it is unset or empty.
  static FredConfig from_environment(const char* variable = "FRED_API_KEY");
};

class FredClient {
 public:
  // Throws std::invalid_argument when the key is empty.
  FredClient(FredConfig config, HttpClient& http);

  // Observations dated within `dates` (inclusive), ascending, pages joined;
  // days FRED marks "." are present with no value. An unknown series throws
  // SourceError NotFound; a missing or refused key, Unauthorized.
  std::vector<FredObservation> observations(const std::string& series_id, ports::DateRange dates);

 private:
  HttpRequest page_request(const std::string& series_id, ports::DateRange dates,
                           std::int64_t offset) const;

  FredConfig config_;
  HttpClient& http_;
};

}  // namespace dorado::data
