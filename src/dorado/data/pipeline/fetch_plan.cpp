#include "dorado/data/pipeline/fetch_plan.hpp"

#include <algorithm>

namespace dorado::data {

std::string FetchJob::label() const {
  return std::string(name_of(source)) + " " + remote;
}

std::vector<std::string> cot_series(std::string_view market) {
  const std::string prefix = "COT:" + std::string(market) + ":";
  return {prefix + "lev_money_net", prefix + "asset_mgr_net", prefix + "dealer_net",
          prefix + "open_interest"};
}

std::vector<FetchJob> plan_fetch(const std::vector<FetchUnderlying>& universe) {
  std::vector<FetchJob> jobs;
  auto fetches_ticker = [&](std::string_view ticker) {
    return std::any_of(jobs.begin(), jobs.end(), [&](const FetchJob& j) {
      return j.source == FetchSource::Yahoo && j.remote == ticker;
    });
  };
  for (const auto& u : universe)
    if (u.enabled && !fetches_ticker(u.data_symbol))
      jobs.push_back(
          {FetchSource::Yahoo, u.data_symbol, u.symbol, ports::SeriesKind::Ohlcv, u.asset_class});
  for (const auto ticker : kRegimeYahooTickers)
    if (!fetches_ticker(ticker))
      jobs.push_back({FetchSource::Yahoo, std::string(ticker), std::string(ticker),
                      ports::SeriesKind::Ohlcv, AssetClass::EquityOptions});
  for (const auto id : kRegimeFredSeries)
    jobs.push_back({FetchSource::Fred, std::string(id), std::string(id), ports::SeriesKind::Macro,
                    AssetClass::EquityOptions});
  for (const auto market : kRegimeCotMarkets)
    jobs.push_back({FetchSource::Cftc, std::string(market), "COT:" + std::string(market),
                    ports::SeriesKind::Macro, AssetClass::EquityOptions});
  for (const auto& u : universe)
    if (u.enabled && u.asset_class == AssetClass::Crypto) {
      jobs.push_back({FetchSource::Binance, u.symbol + "USDT", u.symbol + "USDT",
                      ports::SeriesKind::Funding, AssetClass::Crypto});
      jobs.push_back({FetchSource::Hyperliquid, u.symbol, u.symbol, ports::SeriesKind::Funding,
                      AssetClass::Crypto});
    }
  return jobs;
}

}  // namespace dorado::data
