#pragma once
// Daily bars from Yahoo Finance's v8 chart API: equities and ETFs (SPY),
// indices (^VIX, ^VIX3M), FX (USDJPY=X) and crypto (BTC-USD).
#include <string>

#include "dorado/data/sources/http_client.hpp"
#include "dorado/data/sources/yahoo_chart.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct YahooConfig {
  std::string base_url = "https://query2.finance.yahoo.com";
  std::string user_agent = kBrowserUserAgent;
};

class YahooClient {
 public:
  YahooClient(YahooConfig config, HttpClient& http);

  // Completed daily bars whose trade date lies in `dates` (inclusive). An
  // unknown symbol throws SourceError NotFound with Yahoo's description.
  YahooChart daily_bars(const std::string& symbol, ports::DateRange dates);

  // The request daily_bars sends (exposed for tests and logs).
  HttpRequest daily_bars_request(const std::string& symbol, ports::DateRange dates) const;

 private:
  YahooConfig config_;
  HttpClient& http_;
};

}  // namespace dorado::data
