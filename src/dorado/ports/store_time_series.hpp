#pragma once
// Rows of the stored time series and the outcome of writing a batch of them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::ports {

// One daily bar as stored: analytics, so double precision.
struct OhlcvBar {
  std::string symbol;
  Date bar_date;
  double open = 0, high = 0, low = 0, close = 0;
  std::optional<double> adj_close;
  double volume = 0;
  std::string source;  // "yahoo", "csv:spy.csv", "synthetic"

  bool operator==(const OhlcvBar&) const = default;
};

// One observation of a macro series (FRED id such as "DGS10", or a derived feature).
struct MacroObservation {
  std::string series;
  Date obs_date;
  double value = 0;

  bool operator==(const MacroObservation&) const = default;
};

// One day's 30-day at-the-money implied volatility of an options underlying
// (see data/pipeline/iv_history.hpp for how it is computed).
struct IvObservation {
  std::string symbol;
  Date obs_date;
  double iv30 = 0;  // annualised, as a fraction: 0.246 for 24.6 %

  bool operator==(const IvObservation&) const = default;
};

// One funding payment of a perpetual future, as a fraction of notional per
// funding interval (Binance: 8 h, Hyperliquid: 1 h).
struct FundingRate {
  std::string venue;   // "binance", "hyperliquid"
  std::string symbol;  // the venue's name: "BTCUSDT", "BTC"
  Timestamp funding_time;
  double rate = 0;

  bool operator==(const FundingRate&) const = default;
};

// Inclusive on both ends.
struct DateRange {
  Date first;
  Date last;
};

// Inclusive on both ends.
struct TimeRange {
  Timestamp first;
  Timestamp last;
};

// The stored series, by table.
enum class SeriesKind { Ohlcv, Macro, IvHistory, Funding, OptionChain };

// What one stored series holds: its name in its table ("SPY", "DGS10",
// "binance:BTCUSDT" for funding), its first and last day (UTC) and row count.
struct SeriesExtent {
  SeriesKind kind = SeriesKind::Ohlcv;
  std::string name;
  Date first;
  Date last;
  std::int64_t rows = 0;

  bool operator==(const SeriesExtent&) const = default;
};

struct RejectedRow {
  std::size_t index = 0;  // position in the batch
  std::string reason;     // a sentence naming the field and value
};

// A batch is written whole or not at all.
struct BatchWrite {
  std::size_t written = 0;
  std::optional<RejectedRow> rejected;

  bool ok() const { return !rejected.has_value(); }
};

}  // namespace dorado::ports

template <>
struct dorado::EnumNames<dorado::ports::SeriesKind> {
  static constexpr std::array table{
      std::pair{ports::SeriesKind::Ohlcv, std::string_view{"ohlcv"}},
      std::pair{ports::SeriesKind::Macro, std::string_view{"macro"}},
      std::pair{ports::SeriesKind::IvHistory, std::string_view{"iv_history"}},
      std::pair{ports::SeriesKind::Funding, std::string_view{"funding"}},
      std::pair{ports::SeriesKind::OptionChain, std::string_view{"option_chain"}},
  };
};
