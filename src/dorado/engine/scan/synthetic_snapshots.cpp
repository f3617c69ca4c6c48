#include "dorado/engine/scan/synthetic_snapshots.hpp"

#include <algorithm>
#include <stdexcept>
#include <variant>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/pipeline/iv_history.hpp"
#include "dorado/data/synthetic/option_chain_builder.hpp"
#include "dorado/engine/scan/scan_instant.hpp"

namespace dorado::engine {
namespace {

bool listed(const std::vector<std::string>& symbols, const std::string& symbol) {
  return std::find(symbols.begin(), symbols.end(), symbol) != symbols.end();
}

// The bars dated on or before `as_of`, the last `keep` of them.
std::vector<Bar> bars_up_to(const std::vector<Bar>& all, Date as_of, std::size_t keep) {
  const auto end = std::upper_bound(all.begin(), all.end(), as_of,
                                    [](Date d, const Bar& b) { return d < b.date(); });
  const auto count = static_cast<std::size_t>(end - all.begin());
  const auto begin = end - static_cast<std::ptrdiff_t>(std::min(count, keep));
  return {begin, end};
}

}  // namespace

SyntheticSnapshots::SyntheticSnapshots(data::synthetic::SyntheticMarketConfig config,
                                       SyntheticSnapshotSettings settings)
    : market_(config), settings_(settings) {}

std::string SyntheticSnapshots::description() const {
  return "synthetic market (seed " + std::to_string(market_.config().seed) + ")";
}

Date SyntheticSnapshots::default_as_of() const {
  const auto& nyse = calendar::calendar_for(AssetClass::EquityOptions);
  const Date last = market_.config().last_day;
  return nyse.is_trading_day(last) ? last : nyse.previous_trading_day(last);
}

strategy::PricingAssumptions SyntheticSnapshots::pricing(
    const config::UniverseMember& member) const {
  return {market_.config().risk_free_rate, data::synthetic::dividend_yield(member.symbol)};
}

std::vector<double> SyntheticSnapshots::atm_iv_history(const std::string& symbol,
                                                       Date as_of) const {
  const auto& nyse = calendar::calendar_for(AssetClass::EquityOptions);
  std::vector<Date> days;
  for (Date d = as_of; days.size() < settings_.iv_history && d >= market_.config().first_day;
       d = nyse.previous_trading_day(d))
    if (nyse.is_trading_day(d)) days.push_back(d);
  std::reverse(days.begin(), days.end());
  const data::IvHistoryOptions options{.rate = market_.config().risk_free_rate};
  std::vector<double> history;
  history.reserve(days.size());
  for (const Date day : days) {
    const auto chain = market_.option_chain(symbol, day);
    if (!chain) continue;
    const auto iv = data::thirty_day_atm_iv(chain->chain, nyse, options);
    // A day without a usable ATM vol (a partial chain around the money) is
    // a gap in the history, as it is in the stored one.
    if (const auto* reading = std::get_if<data::Iv30>(&iv)) history.push_back(reading->iv30);
  }
  return history;
}

strategy::UnderlyingSnapshot SyntheticSnapshots::snapshot(const config::UniverseMember& member,
                                                          Date as_of) const {
  const auto& range = market_.config();
  if (as_of < range.first_day || as_of > range.last_day)
    throw std::invalid_argument("the synthetic market covers " + to_iso_date(range.first_day) +
                                " to " + to_iso_date(range.last_day) + ", not " +
                                to_iso_date(as_of));
  strategy::UnderlyingSnapshot s;
  s.symbol = member.symbol;
  s.asset_class = member.asset_class;
  s.as_of = as_of;
  s.at = scan_instant(as_of);
  const auto symbols = market_.symbols();
  if (!listed(symbols, member.symbol)) return s;  // not in the synthetic market: no data
  s.daily_bars = bars_up_to(market_.bars(member.symbol), as_of, settings_.bars);
  if (const auto vix = market_.bar("VIX", as_of)) s.vix = vix->close;
  if (const auto vix3m = market_.bar("VIX3M", as_of)) s.vix3m = vix3m->close;
  if (member.asset_class == AssetClass::EquityOptions &&
      listed(data::synthetic::SyntheticMarket::option_underlyings(), member.symbol)) {
    if (auto chain = market_.option_chain(member.symbol, as_of)) s.chain = std::move(chain->chain);
    s.atm_iv_history = atm_iv_history(member.symbol, as_of);
  }
  if (member.asset_class == AssetClass::Crypto &&
      (member.symbol == "BTC" || member.symbol == "ETH")) {
    for (const auto& rate : market_.funding_rates(member.symbol))
      if (rate.funding_time <= s.at) s.funding_rate = rate.rate;
  }
  return s;
}

}  // namespace dorado::engine
