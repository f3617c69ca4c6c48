#pragma once
// What `dorado data fetch` fetches: only the series the universe and the
// regime features need.
//   - Yahoo daily bars of every enabled underlying (its data_symbol), stored
//     under the underlying's symbol (USDJPY=X -> "USDJPY", BTC-USD -> "BTC");
//   - Yahoo daily bars of the regime tickers (^VIX, ^VIX3M, XLK, XLU, LQD,
//     TLT, SPY), stored under the ticker as written (once, if an underlying
//     already fetches it);
//   - FRED macro series: T10Y2Y, DGS2, DGS10, DBAA, DAAA, ICSA, NFCI, T10YIE,
//     VIXCLS, stored under their FRED ids;
//   - CFTC Traders in Financial Futures positioning for ES, NQ and VX, stored
//     as macro series "COT:<market>:<field>" (lev_money_net, asset_mgr_net,
//     dealer_net, open_interest) dated by the Tuesday of the report;
//   - funding rates of every crypto underlying: Binance <SYMBOL>USDT and
//     Hyperliquid <SYMBOL>.
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/asset_class.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

enum class FetchSource { Yahoo, Fred, Cftc, Binance, Hyperliquid };

// An underlying as the fetch plan needs it (the CLI maps config::UniverseMember).
struct FetchUnderlying {
  std::string symbol;  // SPY, USDJPY, BTC
  AssetClass asset_class = AssetClass::EquityOptions;
  std::string data_symbol;  // SPY, USDJPY=X, BTC-USD
  bool enabled = true;
};

struct FetchJob {
  FetchSource source = FetchSource::Yahoo;
  std::string remote;  // the source's name: "USDJPY=X", "T10Y2Y", "ES", "BTCUSDT"
  std::string series;  // the store's name: "USDJPY", "T10Y2Y", "COT:ES", "BTCUSDT"
  ports::SeriesKind kind = ports::SeriesKind::Ohlcv;
  AssetClass asset_class = AssetClass::EquityOptions;  // whose calendar gaps are counted on

  std::string label() const;  // "yahoo USDJPY=X"

  bool operator==(const FetchJob&) const = default;
};

inline constexpr std::string_view kRegimeYahooTickers[] = {"^VIX", "^VIX3M", "XLK", "XLU",
                                                           "LQD",  "TLT",    "SPY"};
inline constexpr std::string_view kRegimeFredSeries[] = {
    "T10Y2Y", "DGS2", "DGS10", "DBAA", "DAAA", "ICSA", "NFCI", "T10YIE", "VIXCLS"};
inline constexpr std::string_view kRegimeCotMarkets[] = {"ES", "NQ", "VX"};

// The COT series a market's report is stored as.
std::vector<std::string> cot_series(std::string_view market);

// Universe bars first, then regime bars, FRED, CFTC and funding.
std::vector<FetchJob> plan_fetch(const std::vector<FetchUnderlying>& universe);

}  // namespace dorado::data

template <>
struct dorado::EnumNames<dorado::data::FetchSource> {
  static constexpr std::array table{
      std::pair{data::FetchSource::Yahoo, std::string_view{"yahoo"}},
      std::pair{data::FetchSource::Fred, std::string_view{"fred"}},
      std::pair{data::FetchSource::Cftc, std::string_view{"cftc"}},
      std::pair{data::FetchSource::Binance, std::string_view{"binance"}},
      std::pair{data::FetchSource::Hyperliquid, std::string_view{"hyperliquid"}},
  };
};
