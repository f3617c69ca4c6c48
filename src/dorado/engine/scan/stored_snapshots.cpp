#include "dorado/engine/scan/stored_snapshots.hpp"

#include <algorithm>

#include "dorado/engine/scan/scan_instant.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono;

Date days_before(Date d, int n) {
  return Date{sys_days{d} - days{n}};
}

Bar bar_of(const ports::OhlcvBar& row) {
  Bar b;
  b.time = time_point_cast<microseconds>(sys_days{row.bar_date});
  b.open = row.open;
  b.high = row.high;
  b.low = row.low;
  b.close = row.close;
  b.volume = row.volume;
  b.adjusted_close = row.adj_close;
  return b;
}

// Calendar days that hold `trading_days` bars with room for holidays.
int calendar_span(std::size_t trading_days) {
  return static_cast<int>(trading_days * 3 / 2 + 10);
}

}  // namespace

StoredSnapshots::StoredSnapshots(ports::Store& store, std::vector<config::UniverseMember> universe,
                                 Date today, StoredSnapshotSettings settings)
    : store_(store), universe_(std::move(universe)), today_(today), settings_(settings) {}

Date StoredSnapshots::default_as_of() const {
  std::optional<Date> latest;
  for (const auto& extent : store_.series_extents(ports::SeriesKind::Ohlcv)) {
    const bool in_universe = std::any_of(
        universe_.begin(), universe_.end(),
        [&](const config::UniverseMember& m) { return m.enabled && m.symbol == extent.name; });
    if (!in_universe) continue;
    const Date last = std::min(extent.last, today_);
    if (!latest || last > *latest) latest = last;
  }
  return latest.value_or(today_);
}

std::optional<double> StoredSnapshots::close_on(const std::string& symbol, Date as_of) const {
  const auto rows = store_.read_ohlcv(symbol, {as_of, as_of});
  if (rows.empty()) return std::nullopt;
  return rows.back().close;
}

std::optional<OptionChain> StoredSnapshots::chain_of(const std::string& symbol, Date as_of,
                                                     Timestamp at) const {
  // The day's latest snapshot taken by the scan instant (an end-of-day
  // export may be stamped after the close; it still belongs to the day).
  const auto day_start = time_point_cast<microseconds>(sys_days{as_of});
  const auto day_end = day_start + days{1} - microseconds{1};
  const auto times = store_.option_chain_times(symbol, {day_start, std::max(at, day_end)});
  if (times.empty()) return std::nullopt;
  return store_.read_option_chain(symbol, times.back());
}

std::optional<double> StoredSnapshots::funding_rate(const std::string& symbol, Timestamp at) const {
  const ports::TimeRange week{at - days{7}, at};
  for (const auto& [venue, name] :
       {std::pair<std::string, std::string>{"hyperliquid", symbol}, {"binance", symbol + "USDT"}}) {
    const auto rates = store_.read_funding_rates(venue, name, week);
    if (!rates.empty()) return rates.back().rate;
  }
  return std::nullopt;
}

strategy::UnderlyingSnapshot StoredSnapshots::snapshot(const config::UniverseMember& member,
                                                       Date as_of) const {
  strategy::UnderlyingSnapshot s;
  s.symbol = member.symbol;
  s.asset_class = member.asset_class;
  s.as_of = as_of;
  s.at = scan_instant(as_of);
  auto rows =
      store_.read_ohlcv(member.symbol, {days_before(as_of, calendar_span(settings_.bars)), as_of});
  if (rows.size() > settings_.bars)
    rows.erase(rows.begin(), rows.end() - static_cast<std::ptrdiff_t>(settings_.bars));
  s.daily_bars.reserve(rows.size());
  for (const auto& row : rows) s.daily_bars.push_back(bar_of(row));
  s.vix = close_on("^VIX", as_of);
  s.vix3m = close_on("^VIX3M", as_of);
  if (member.asset_class == AssetClass::EquityOptions) {
    s.chain = chain_of(member.symbol, as_of, s.at);
    auto iv = store_.read_iv_history(
        member.symbol, {days_before(as_of, calendar_span(settings_.iv_history)), as_of});
    if (iv.size() > settings_.iv_history)
      iv.erase(iv.begin(), iv.end() - static_cast<std::ptrdiff_t>(settings_.iv_history));
    for (const auto& o : iv) s.atm_iv_history.push_back(o.iv30);
  }
  if (member.asset_class == AssetClass::Crypto) s.funding_rate = funding_rate(member.symbol, s.at);
  return s;
}

}  // namespace dorado::engine
