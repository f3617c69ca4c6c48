#pragma once
// Daily crypto prices and volumes from CoinGecko's market_chart/range
// endpoint. Keyless works at a low rate; a free demo key (header
// x-cg-demo-api-key) raises the limit. The free tiers only serve the past 365
// days.
#include <string>
#include <vector>

#include "dorado/data/sources/coingecko_market_chart.hpp"
#include "dorado/data/sources/http_client.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct CoinGeckoConfig {
  std::string base_url = "https://api.coingecko.com/api/v3";
  std::string demo_api_key;  // optional
  std::string vs_currency = "usd";

  // The default configuration with the demo key read from `variable` if set.
  static CoinGeckoConfig from_environment(const char* variable = "COINGECKO_DEMO_API_KEY");
};

class CoinGeckoClient {
 public:
  CoinGeckoClient(CoinGeckoConfig config, HttpClient& http);

  // Daily points (see coingecko_market_chart.hpp) dated within `dates` for
  // the coin id ("bitcoin", "ethereum"). An unknown id throws NotFound.
  std::vector<CoinDailyPoint> daily_prices(const std::string& coin_id, ports::DateRange dates);

 private:
  CoinGeckoConfig config_;
  HttpClient& http_;
};

}  // namespace dorado::data
