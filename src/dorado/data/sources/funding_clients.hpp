#pragma once
// Funding-rate history of perpetual futures: Binance USD-M (public REST) and
// Hyperliquid (info endpoint). Both cap a response (Binance 1000 rows,
// Hyperliquid about 500), so the clients page forward from the last funding
// time + 1 ms until the range is covered.
#include <string>
#include <vector>

#include "dorado/data/sources/funding_history.hpp"
#include "dorado/data/sources/http_client.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct BinanceFundingConfig {
  std::string base_url = "https://fapi.binance.com";
  int page_limit = 1000;  // Binance's maximum
};

class BinanceFundingClient {
 public:
  BinanceFundingClient(BinanceFundingConfig config, HttpClient& http);

  // Funding prints of `symbol` ("BTCUSDT") from 00:00 UTC of dates.first to
  // the end of dates.last, ascending. An invalid symbol throws NotFound; HTTP
  // 451 (restricted jurisdiction) Unauthorized; 418 (IP ban) RateLimited.
  std::vector<ports::FundingRate> funding_history(const std::string& symbol,
                                                  ports::DateRange dates);

 private:
  BinanceFundingConfig config_;
  HttpClient& http_;
};

struct HyperliquidFundingConfig {
  std::string base_url = "https://api.hyperliquid.xyz";
};

class HyperliquidFundingClient {
 public:
  HyperliquidFundingClient(HyperliquidFundingConfig config, HttpClient& http);

  // Funding prints of `coin` ("BTC") within the dates, ascending.
  std::vector<ports::FundingRate> funding_history(const std::string& coin, ports::DateRange dates);

 private:
  HyperliquidFundingConfig config_;
  HttpClient& http_;
};

}  // namespace dorado::data
