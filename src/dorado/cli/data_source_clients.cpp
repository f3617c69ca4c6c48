#include "dorado/cli/data_source_clients.hpp"

#include <cstdlib>
#include <stdexcept>

namespace dorado::cli {

namespace {

// The base URL from `variable` when set, else the client's default.
void override_url(std::string& base_url, const char* variable) {
  if (const char* url = std::getenv(variable); url && *url) base_url = url;
}

}  // namespace

SourceClientSet::SourceClientSet(const ports::Clock& clock) {
  http_ =
      std::make_unique<data::HttpClient>(data::HttpClientConfig{}, clock, data::thread_sleeper());
  data::YahooConfig yahoo;
  override_url(yahoo.base_url, "DORADO_YAHOO_URL");
  yahoo_ = std::make_unique<data::YahooClient>(yahoo, *http_);
  clients_.yahoo = yahoo_.get();
  try {
    auto fred = data::FredConfig::from_environment();
    override_url(fred.base_url, "DORADO_FRED_URL");
    fred_ = std::make_unique<data::FredClient>(fred, *http_);
    clients_.fred = fred_.get();
  } catch (const std::invalid_argument& e) {
    clients_.fred_missing = e.what();
  }
  data::CftcConfig cftc;
  override_url(cftc.base_url, "DORADO_CFTC_URL");
  cftc_ = std::make_unique<data::CftcClient>(cftc, *http_);
  clients_.cftc = cftc_.get();
  data::BinanceFundingConfig binance;
  override_url(binance.base_url, "DORADO_BINANCE_URL");
  binance_ = std::make_unique<data::BinanceFundingClient>(binance, *http_);
  clients_.binance = binance_.get();
  data::HyperliquidFundingConfig hyperliquid;
  override_url(hyperliquid.base_url, "DORADO_HYPERLIQUID_URL");
  hyperliquid_ = std::make_unique<data::HyperliquidFundingClient>(hyperliquid, *http_);
  clients_.hyperliquid = hyperliquid_.get();
}

}  // namespace dorado::cli
