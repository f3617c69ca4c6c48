#include "dorado/cli/regime_market.hpp"

#include <algorithm>
#include <chrono>

#include "dorado/data/synthetic/synthetic_market.hpp"

namespace dorado::cli {
namespace {

using std::chrono::sys_days;

// Wide enough for any stored history.
constexpr ports::DateRange kAllDays{std::chrono::year{1900} / 1 / 1,
                                    std::chrono::year{2100} / 12 / 31};

RegimeMarket from_synthetic(const Workspace& ws) {
  data::synthetic::SyntheticMarketConfig config;
  config.seed = ws.configuration.settings.market_data.seed;
  const data::synthetic::SyntheticMarket market(config);
  RegimeMarket out;
  out.description = "synthetic market (seed " + std::to_string(config.seed) + ")";
  const auto symbols = market.symbols();
  const auto has = [&](const std::string& s) {
    return std::find(symbols.begin(), symbols.end(), s) != symbols.end();
  };
  out.macro = regime::features::gather_macro_inputs(
      [&](const std::string& s) {
        return has(s) ? market.ohlcv_rows(s) : std::vector<ports::OhlcvBar>{};
      },
      [&](const std::string& s) { return market.macro_rows(s); });
  for (const auto& u : ws.configuration.universe.underlyings)
    if (u.enabled && has(u.symbol)) out.universe_bars[u.symbol] = market.bars(u.symbol);
  return out;
}

RegimeMarket from_store(const Workspace& ws) {
  RegimeMarket out;
  out.description = "stored history";
  out.macro = regime::features::read_macro_inputs(*ws.store, kAllDays);
  for (const auto& u : ws.configuration.universe.underlyings) {
    if (!u.enabled) continue;
    auto rows = ws.store->read_ohlcv(u.symbol, kAllDays);
    if (rows.empty()) rows = ws.store->read_ohlcv(u.data_symbol, kAllDays);
    std::vector<Bar> bars;
    for (const auto& r : rows) {
      Bar b;
      b.time = Timestamp{sys_days{r.bar_date}};
      b.open = r.open;
      b.high = r.high;
      b.low = r.low;
      b.close = r.close;
      b.volume = r.volume;
      bars.push_back(b);
    }
    if (!bars.empty()) out.universe_bars[u.symbol] = std::move(bars);
  }
  return out;
}

}  // namespace

RegimeMarket load_regime_market(Workspace& ws) {
  if (ws.configuration.settings.market_data.source == config::MarketDataSource::Synthetic)
    return from_synthetic(ws);
  return from_store(ws);
}

}  // namespace dorado::cli
