#include "dorado/data/synthetic/synthetic_market.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/synthetic/listed_expirations.hpp"
#include "dorado/data/synthetic/option_chain_builder.hpp"
#include "dorado/data/synthetic/positioning.hpp"
#include "dorado/data/synthetic/price_paths.hpp"
#include "dorado/data/synthetic/random_stream.hpp"
#include "dorado/data/synthetic/regime_chain.hpp"
#include "dorado/data/synthetic/volatility_indices.hpp"

namespace dorado::data::synthetic {
namespace {

using std::chrono::sys_days;

void validate(const SyntheticMarketConfig& config) {
  if (!config.first_day.ok() || !config.last_day.ok()) {
    throw std::invalid_argument("synthetic market: first_day and last_day must be valid dates");
  }
  if (sys_days{config.first_day} > sys_days{config.last_day}) {
    throw std::invalid_argument("synthetic market: first_day " + to_iso_date(config.first_day) +
                                " is after last_day " + to_iso_date(config.last_day));
  }
  const Date earliest{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}};
  const Date latest{std::chrono::year{2035}, std::chrono::December, std::chrono::day{31}};
  if (sys_days{config.first_day} < sys_days{earliest} ||
      sys_days{config.last_day} > sys_days{latest}) {
    throw std::invalid_argument(
        "synthetic market: days must lie in 2000-01-01..2035-12-31 "
        "(the NYSE calendar's coverage), got " +
        to_iso_date(config.first_day) + ".." + to_iso_date(config.last_day));
  }
  const auto check_rate = [](double rate, const char* name) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw std::invalid_argument(std::string("synthetic market: chain problem rate ") + name +
                                  " must lie in [0, 1], got " + std::to_string(rate));
    }
  };
  check_rate(config.chain_problems.missing_greeks, "missing_greeks");
  check_rate(config.chain_problems.stale_greeks, "stale_greeks");
  check_rate(config.chain_problems.zero_bids, "zero_bids");
  check_rate(config.chain_problems.partial_expirations, "partial_expirations");
  check_rate(config.chain_problems.missing_greeks + config.chain_problems.stale_greeks,
             "missing_greeks + stale_greeks");
}

}  // namespace

SyntheticMarket::SyntheticMarket(SyntheticMarketConfig config) : config_(config) {
  validate(config_);
  const auto& nyse = calendar::calendar_named("nyse");
  for (sys_days d = sys_days{config_.first_day}; d <= sys_days{config_.last_day};
       d += std::chrono::days{1}) {
    calendar_days_.emplace_back(d);
  }
  nyse_days_ = nyse.trading_days(config_.first_day, config_.last_day);

  RandomStream regime_stream(derive_seed(config_.seed, "regimes"));
  const std::vector<MacroRegime> regimes =
      RegimeChain{}.simulate(config_.initial_regime, nyse_days_.size(), regime_stream);
  regime_path_.reserve(regimes.size());
  for (std::size_t i = 0; i < regimes.size(); ++i)
    regime_path_.push_back({nyse_days_[i], regimes[i]});

  MacroRegime current = config_.initial_regime;
  std::size_t next_nyse = 0;
  for (const Date d : calendar_days_) {
    if (next_nyse < nyse_days_.size() && nyse_days_[next_nyse] == d) current = regimes[next_nyse++];
    regime_by_calendar_day_.push_back(current);
  }

  const AssetBars asset_bars =
      generate_asset_bars(calendar_days_, regime_by_calendar_day_, config_.seed);
  const auto& assets = market_assets();
  for (std::size_t i = 0; i < kAssetCount; ++i)
    bars_.emplace(std::string(assets[i].symbol), asset_bars[i]);

  const auto& spy = asset_bars[asset_index("SPY")];
  std::vector<MacroRegime> spy_regimes;
  spy_regimes.reserve(spy.size());
  for (const Bar& b : spy) spy_regimes.push_back(regime_on(b.date()));
  VolatilityIndices indices = generate_volatility_indices(
      spy, spy_regimes, assets[asset_index("SPY")].start_price, config_.seed);
  bars_.emplace("VIX", std::move(indices.vix));
  bars_.emplace("VIX3M", std::move(indices.vix3m));

  const RegimeLookup lookup = [this](Date d) { return regime_on(d); };
  macro_ = generate_macro_features(calendar_days_, nyse_days_, lookup, config_.seed);
  cot_ = generate_cot_reports(calendar_days_, lookup, config_.seed);
  for (const char* coin : {"BTC", "ETH"}) {
    funding_.emplace(
        coin, generate_funding_rates(coin, calendar_days_, bars(coin), lookup, config_.seed));
  }
}

std::vector<std::string> SyntheticMarket::symbols() const {
  std::vector<std::string> out;
  for (const auto& asset : market_assets()) out.emplace_back(asset.symbol);
  out.emplace_back("VIX");
  out.emplace_back("VIX3M");
  return out;
}

const std::vector<Bar>& SyntheticMarket::bars(std::string_view symbol) const {
  const auto it = bars_.find(symbol);
  if (it == bars_.end()) {
    throw std::invalid_argument("the synthetic market has no series '" + std::string(symbol) + "'");
  }
  return it->second;
}

std::optional<Bar> SyntheticMarket::bar(std::string_view symbol, Date day) const {
  const auto& series = bars(symbol);
  const auto it = std::lower_bound(series.begin(), series.end(), day, [](const Bar& b, Date d) {
    return sys_days{b.date()} < sys_days{d};
  });
  if (it == series.end() || it->date() != day) return std::nullopt;
  return *it;
}

std::vector<ports::OhlcvBar> SyntheticMarket::ohlcv_rows(std::string_view symbol) const {
  std::vector<ports::OhlcvBar> rows;
  for (const Bar& b : bars(symbol)) {
    rows.push_back({std::string(symbol), b.date(), b.open, b.high, b.low, b.close, b.close,
                    b.volume, "synthetic"});
  }
  return rows;
}

MacroRegime SyntheticMarket::regime_on(Date day) const {
  const auto offset = (sys_days{day} - sys_days{config_.first_day}).count();
  if (offset < 0 || static_cast<std::size_t>(offset) >= regime_by_calendar_day_.size()) {
    throw std::out_of_range("synthetic market covers " + to_iso_date(config_.first_day) + ".." +
                            to_iso_date(config_.last_day) + ", not " + to_iso_date(day));
  }
  return regime_by_calendar_day_[static_cast<std::size_t>(offset)];
}

std::vector<std::string> SyntheticMarket::macro_series_names() const {
  std::vector<std::string> out;
  for (const auto& [name, rows] : macro_) out.push_back(name);
  return out;
}

const std::vector<ports::MacroObservation>& SyntheticMarket::macro(std::string_view series) const {
  const auto it = macro_.find(std::string(series));
  if (it == macro_.end()) {
    throw std::invalid_argument("the synthetic market has no macro series '" + std::string(series) +
                                "'");
  }
  return it->second;
}

std::vector<ports::MacroObservation> SyntheticMarket::macro_rows(std::string_view series) const {
  if (const auto it = macro_.find(std::string(series)); it != macro_.end()) return it->second;
  std::vector<ports::MacroObservation> rows;
  constexpr std::string_view kCot = "COT:";
  if (series.substr(0, kCot.size()) != kCot) return rows;
  const auto colon = series.find(':', kCot.size());
  if (colon == std::string_view::npos) return rows;
  const auto market = series.substr(kCot.size(), colon - kCot.size());
  const auto field = series.substr(colon + 1);
  if (field != "lev_money_net" && field != "open_interest") return rows;
  for (const CotReport& r : cot_)
    if (r.market == market)
      rows.push_back(
          {std::string(series), r.report_date,
           static_cast<double>(field == "open_interest" ? r.open_interest : r.net_speculative())});
  return rows;
}

std::vector<CotReport> SyntheticMarket::cot_reports(std::string_view market) const {
  std::vector<CotReport> out;
  for (const CotReport& r : cot_) {
    if (r.market == market) out.push_back(r);
  }
  return out;
}

const std::vector<ports::FundingRate>& SyntheticMarket::funding_rates(
    std::string_view symbol) const {
  const auto it = funding_.find(symbol);
  if (it == funding_.end()) {
    throw std::invalid_argument("the synthetic market has funding for BTC and ETH, not '" +
                                std::string(symbol) + "'");
  }
  return it->second;
}

std::vector<std::string> SyntheticMarket::option_underlyings() {
  return {"SPY", "TLT", "GLD"};
}

std::optional<SyntheticChain> SyntheticMarket::option_chain(std::string_view underlying,
                                                            Date day) const {
  (void)strike_grid(underlying);  // rejects an underlying without options
  const std::optional<Bar> today = bar(underlying, day);
  if (!today) return std::nullopt;
  const auto& nyse = calendar::calendar_named("nyse");
  ChainInputs in;
  in.underlying = underlying;
  in.day = day;
  in.as_of = nyse.session(day)->close;
  in.spot = today->close;
  const auto& series = bars(underlying);
  if (series.front().date() != day)
    in.previous_spot = bar(underlying, nyse.previous_trading_day(day))->close;
  in.regime = regime_on(day);
  in.vix = bar("VIX", day)->close;
  in.vix3m = bar("VIX3M", day)->close;
  in.risk_free_rate = config_.risk_free_rate;
  in.problems = config_.chain_problems;
  in.seed = derive_seed(config_.seed, "chain:" + std::string(underlying) + ":" + to_iso_date(day));
  return build_option_chain(in);
}

}  // namespace dorado::data::synthetic
