#pragma once
// Weekly CFTC Commitments of Traders positioning (Traders in Financial
// Futures, futures only) from the CFTC's Socrata API, paged with
// $limit/$offset. No key is needed; an app token avoids throttling.
#include <string>
#include <string_view>
#include <vector>

#include "dorado/data/sources/cot_positioning.hpp"
#include "dorado/data/sources/http_client.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct CftcConfig {
  std::string base_url = "https://publicreporting.cftc.gov";
  std::string dataset = "gpe5-46if";  // TFF futures only ("yw9f-hn96" = futures + options)
  bool futures_only = true;           // what the dataset's rows must say
  std::string app_token;              // optional X-App-Token
  int page_limit = 1000;              // Socrata's default page
};

class CftcClient {
 public:
  CftcClient(CftcConfig config, HttpClient& http);

  // Reports dated within `dates`, ascending. Rows from the wrong dataset kind
  // (Combined vs FutOnly) or another market are a MalformedBody error.
  std::vector<CotPositioning> tff_positioning(CotMarket market, ports::DateRange dates);

 private:
  CftcConfig config_;
  HttpClient& http_;
};

}  // namespace dorado::data
