#include "dorado/strategy/resolve/momentum_resolver.hpp"

#include <chrono>
#include <cmath>

#include "dorado/domain/instrument.hpp"
#include "dorado/quant/ta/atr.hpp"
#include "dorado/quant/ta/exponential_average.hpp"
#include "dorado/strategy/resolve/resolution_text.hpp"

namespace dorado::strategy {
namespace {

using config::TradeDirection;

Resolution reject(ReasonCode reason, std::string sentence,
                  std::map<std::string, double> measured = {}) {
  return Resolution::rejected({reason, std::move(sentence), std::move(measured)});
}

std::optional<double> last_of(const quant::ta::Series& s) {
  if (s.empty() || !quant::ta::is_defined(s.back())) return std::nullopt;
  return s.back();
}

// The instrument the momentum trade buys or sells: an FX pair ("USDJPY" is
// OANDA's USD_JPY) or a crypto perpetual quoted in USD.
Instrument instrument_for(const UnderlyingSnapshot& s) {
  if (s.asset_class == AssetClass::Fx && s.symbol.size() == 6 &&
      s.symbol.find('_') == std::string::npos)
    return fx_pair(s.symbol.substr(0, 3) + "_" + s.symbol.substr(3));
  if (s.asset_class == AssetClass::Fx) return fx_pair(s.symbol);
  return Instrument{s.symbol,     s.asset_class, kUsd, 1, Price::parse("0.01"),
                    std::nullopt, std::nullopt};
}

struct Direction {
  std::optional<TradeDirection> side;  // Long or Short
  std::optional<double> ema_fast, ema_slow;
};

// `both` follows the EMA alignment (fast above slow: long).
Direction direction_of(const config::MomentumSignal& signal, const std::vector<Bar>& bars) {
  Direction d;
  if (signal.direction != TradeDirection::Both) {
    d.side = signal.direction;
    return d;
  }
  if (!signal.ema_fast || !signal.ema_slow) return d;
  std::vector<double> closes;
  closes.reserve(bars.size());
  for (const auto& b : bars) closes.push_back(b.close);
  d.ema_fast = last_of(quant::ta::ema(closes, static_cast<std::size_t>(*signal.ema_fast)));
  d.ema_slow = last_of(quant::ta::ema(closes, static_cast<std::size_t>(*signal.ema_slow)));
  if (d.ema_fast && d.ema_slow && *d.ema_fast != *d.ema_slow)
    d.side = *d.ema_fast > *d.ema_slow ? TradeDirection::Long : TradeDirection::Short;
  return d;
}

// Funding filter (percent per 8 h in the template, a fraction in the snapshot).
std::optional<Resolution> check_funding(const config::MomentumRules& rules,
                                        const PipelineFigures& pipe, TradeDirection side) {
  const auto& filter = rules.filters.funding_rate;
  if (!filter || !pipe.funding_rate) return std::nullopt;
  const double pct = *pipe.funding_rate * 100.0;
  if (side == TradeDirection::Long && pct > filter->max_long_pct)
    return reject(ReasonCode::FundingAgainstTrade,
                  "funding " + number_text(pct, 4) + " % per 8 h > " +
                      number_text(filter->max_long_pct, 4) + " % max for a long: longs are crowded",
                  {{"funding_pct", pct}, {"max_long_pct", filter->max_long_pct}});
  if (side == TradeDirection::Short && pct < filter->min_short_pct)
    return reject(ReasonCode::FundingAgainstTrade,
                  "funding " + number_text(pct, 4) + " % per 8 h < " +
                      number_text(filter->min_short_pct, 4) +
                      " % min for a short: shorts are crowded",
                  {{"funding_pct", pct}, {"min_short_pct", filter->min_short_pct}});
  return std::nullopt;
}

MomentumFigures levels(const config::MomentumRules& rules, const UnderlyingSnapshot& snapshot,
                       TradeDirection side, double atr) {
  MomentumFigures m;
  m.direction = side;
  m.order_type = rules.entry.order_type;
  m.close = snapshot.last_close();
  m.atr = atr;
  const double s = side == TradeDirection::Long ? 1.0 : -1.0;  // favourable direction
  m.entry = rules.entry.order_type == config::EntryOrderType::Limit
                ? m.close - s * rules.entry.limit_offset_atr * atr
                : m.close;
  m.stop = m.entry - s * rules.exit.stop_atr * atr;
  if (rules.exit.target_atr) {
    m.target = m.entry + s * *rules.exit.target_atr * atr;
    m.reward_to_risk = *rules.exit.target_atr / rules.exit.stop_atr;
  }
  if (rules.exit.trailing_stop) {
    m.trailing_activation = m.entry + s * rules.exit.trailing_stop->activation_atr * atr;
    m.trailing_distance = rules.exit.trailing_stop->trail_atr * atr;
  }
  if (rules.entry.expire_after_hours)
    m.entry_expires =
        snapshot.at +
        std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::duration<double, std::ratio<3600>>(*rules.entry.expire_after_hours));
  if (rules.exit.time_exit_days)
    m.time_exit =
        std::chrono::sys_days{snapshot.as_of} + std::chrono::days{*rules.exit.time_exit_days};
  return m;
}

}  // namespace

Resolution resolve_momentum(const config::StrategyTemplate& strategy,
                            const UnderlyingSnapshot& snapshot, ResolutionDetail detail,
                            const ResolveRequest& request) {
  const config::MomentumRules& rules = *strategy.momentum();
  const auto atr_period = static_cast<std::size_t>(rules.entry.atr_period);
  const auto atr = last_of(quant::ta::atr(snapshot.daily_bars, atr_period));
  if (!atr || !(*atr > 0.0))
    return reject(ReasonCode::InsufficientHistory,
                  snapshot.symbol + ": " + std::to_string(snapshot.daily_bars.size()) +
                      " daily bars give no ATR(" + std::to_string(atr_period) + ")",
                  {{"bars", static_cast<double>(snapshot.daily_bars.size())}});
  const Direction direction = direction_of(rules.signal, snapshot.daily_bars);
  if (!direction.side)
    return reject(ReasonCode::InsufficientHistory,
                  snapshot.symbol + ": the EMAs give no trend direction yet",
                  {{"bars", static_cast<double>(snapshot.daily_bars.size())}});
  if (auto failed = check_funding(rules, detail.pipeline, *direction.side)) return *failed;

  MomentumFigures m = levels(rules, snapshot, *direction.side, *atr);
  m.ema_fast = direction.ema_fast;
  m.ema_slow = direction.ema_slow;

  const Instrument instrument = instrument_for(snapshot);
  const Side side = *direction.side == TradeDirection::Long ? Side::Buy : Side::Sell;
  // Per unit of the instrument, in its quote currency: the engine converts.
  Candidate c{
      .bot_id = request.bot_id,
      .underlying = snapshot.symbol,
      .strategy = strategy.name,
      .legs = {Leg{instrument, side, 1}},
      .net_credit = Money::from_micros(0, instrument.currency),
      .max_loss = Money::from_double(std::abs(m.entry - m.stop), instrument.currency),
      .score = 0.0,
      .score_components = {},
      .gate_results = {},
      .rejection = std::nullopt,
      .config_hash = request.config_hash,
      .as_of = snapshot.at,
  };
  detail.momentum = m;
  return Resolution::resolved({std::move(c), std::move(detail)});
}

}  // namespace dorado::strategy
