#pragma once
// The synthetic market: a complete, deterministic, offline market for
// `dorado demo` and for tests. Built once from a config (everything is
// generated in the constructor, about 20 ms for 20 years); option chains are
// generated on demand per (underlying, day) from their own seeded stream, so
// a chain never depends on which other chains were asked for before.
//
// Contents:
// - the hidden macro regime per NYSE trading day (regime_chain.hpp);
// - daily bars of SPY, QQQ, XLK, XLU, TLT, LQD, GLD (NYSE days), USDJPY,
//   AUDUSD (FX days), BTC, ETH (every day) (price_paths.hpp);
// - VIX and VIX3M bars (volatility_indices.hpp);
// - macro features T10Y2Y, BAA_AAA, T10YIE, NFCI, ICSA, ICSA_Z (macro_features.hpp);
// - COT reports for ES, NQ, VX and 8-hourly funding for BTC, ETH (positioning.hpp);
// - option chains of SPY, TLT and GLD for any NYSE trading day, with injected
//   chain-quality problems (option_chain_builder.hpp).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/data/synthetic/chain_problems.hpp"
#include "dorado/data/synthetic/macro_features.hpp"
#include "dorado/data/synthetic/series_types.hpp"
#include "dorado/data/synthetic/synthetic_market_config.hpp"
#include "dorado/domain/bar.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data::synthetic {

class SyntheticMarket {
 public:
  // Throws std::invalid_argument for a reversed range, a day outside
  // 2000-2035 (the NYSE calendar's coverage), or a chain-problem rate outside [0, 1].
  explicit SyntheticMarket(SyntheticMarketConfig config = {});

  const SyntheticMarketConfig& config() const { return config_; }

  // The eleven instruments followed by "VIX" and "VIX3M".
  std::vector<std::string> symbols() const;
  // Daily bars, ascending; throws std::invalid_argument for an unknown symbol.
  const std::vector<Bar>& bars(std::string_view symbol) const;
  // The bar of `day`, if the symbol traded that day.
  std::optional<Bar> bar(std::string_view symbol, Date day) const;
  // The same bars as store rows (source "synthetic"), for Store::upsert_ohlcv.
  std::vector<ports::OhlcvBar> ohlcv_rows(std::string_view symbol) const;

  // The true regime of every NYSE trading day in the range.
  const std::vector<RegimeDay>& regime_path() const { return regime_path_; }
  // The regime in force on any day of the range: a weekend or holiday keeps
  // the last NYSE trading day's regime (the initial regime before the first).
  // Throws std::out_of_range outside the range.
  MacroRegime regime_on(Date day) const;

  // "T10Y2Y", "BAA_AAA", "T10YIE", "NFCI", "ICSA", "ICSA_Z".
  std::vector<std::string> macro_series_names() const;
  // Throws std::invalid_argument for an unknown series.
  const std::vector<ports::MacroObservation>& macro(std::string_view series) const;

  // The store rows `dorado data` keeps under `series`: a macro series above,
  // or a market's COT report as "COT:<market>:lev_money_net" or
  // "COT:<market>:open_interest" (data/pipeline/fetch_plan.hpp); empty for
  // any other name.
  std::vector<ports::MacroObservation> macro_rows(std::string_view series) const;

  // ES, NQ and VX reports, ordered by market then report date.
  const std::vector<CotReport>& cot_reports() const { return cot_; }
  std::vector<CotReport> cot_reports(std::string_view market) const;

  // "BTC" or "ETH"; throws std::invalid_argument otherwise.
  const std::vector<ports::FundingRate>& funding_rates(std::string_view symbol) const;

  // "SPY", "TLT", "GLD".
  static std::vector<std::string> option_underlyings();
  // The end-of-day chain of `underlying` on `day` (as of the session close),
  // with the record of its injected problems; nullopt when `day` is not an
  // NYSE trading day of the range. Throws std::invalid_argument for an
  // underlying without options.
  std::optional<SyntheticChain> option_chain(std::string_view underlying, Date day) const;

 private:
  SyntheticMarketConfig config_;
  std::vector<Date> calendar_days_;
  std::vector<Date> nyse_days_;
  std::vector<RegimeDay> regime_path_;
  std::vector<MacroRegime> regime_by_calendar_day_;
  std::map<std::string, std::vector<Bar>, std::less<>> bars_;
  MacroSeries macro_;
  std::vector<CotReport> cot_;
  std::map<std::string, std::vector<ports::FundingRate>, std::less<>> funding_;
};

}  // namespace dorado::data::synthetic
