#pragma once
// The source clients `dorado data fetch` uses, built from the environment:
//   FRED_API_KEY                  FRED's key (FRED jobs fail without it)
//   COINGECKO_DEMO_API_KEY        unused by fetch for now
//   DORADO_YAHOO_URL, DORADO_FRED_URL, DORADO_CFTC_URL, DORADO_BINANCE_URL,
//   DORADO_HYPERLIQUID_URL        base URLs, for mirrors and fake servers
// (dorado.yaml has no keys for the sources yet; the environment stands in).
#include <memory>

#include "dorado/data/pipeline/data_fetch.hpp"
#include "dorado/data/sources/http_client.hpp"
#include "dorado/ports/clock.hpp"

namespace dorado::cli {

class SourceClientSet {
 public:
  explicit SourceClientSet(const ports::Clock& clock);
  const data::SourceClients& clients() const { return clients_; }

 private:
  std::unique_ptr<data::HttpClient> http_;
  std::unique_ptr<data::YahooClient> yahoo_;
  std::unique_ptr<data::FredClient> fred_;
  std::unique_ptr<data::CftcClient> cftc_;
  std::unique_ptr<data::BinanceFundingClient> binance_;
  std::unique_ptr<data::HyperliquidFundingClient> hyperliquid_;
  data::SourceClients clients_;
};

}  // namespace dorado::cli
