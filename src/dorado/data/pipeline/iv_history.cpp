#include "dorado/data/pipeline/iv_history.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "dorado/calendar/new_york_time.hpp"
#include "dorado/quant/options/implied_vol.hpp"

namespace dorado::data {

namespace {

using namespace std::chrono;

constexpr double kSecondsPerYear = 365.0 * 86400.0;
// Farthest an "at-the-money" strike may sit from the forward, in standard
// deviations of the expiration (|ln(K/F)| / (vol sqrt(T))). A listed grid is far
// denser (SPY: 0.02 sd a month out); a wider distance means the strikes
// around the money are missing (a partial chain) and the vol read there is a
// smile point, not the ATM vol.
constexpr double kMaxAtmDistance = 0.25;

double years_between(Timestamp from, Timestamp to) {
  return duration<double>(to - from).count() / kSecondsPerYear;
}

// The close of the expiration day: its session's close, else 16:00 New York.
Timestamp expiry_instant(const calendar::ExchangeCalendar& calendar, Date expiration) {
  try {
    if (const auto session = calendar.session(expiration)) return session->close;
  } catch (const std::out_of_range&) {
  }
  return calendar::new_york_to_utc(expiration, hours{16});
}

struct Mids {
  std::optional<double> call, put;
};

bool two_sided(const OptionContract& c) {
  return c.bid > 0 && c.ask > 0 && c.ask >= c.bid && std::isfinite(c.bid) && std::isfinite(c.ask);
}

std::optional<double> solve(double forward, double strike, double years, double rate,
                            OptionRight right, double price) {
  quant::BsmInputs in;
  in.spot = forward * std::exp(-rate * years);
  in.strike = strike;
  in.years = years;
  in.rate = rate;
  in.yield = 0.0;
  in.right = right;
  const auto iv = quant::implied_vol(in, price);
  if (!iv) return std::nullopt;
  return iv.value();
}

std::optional<AtmVol> atm_vol(Date expiration, double years, const std::map<double, Mids>& strikes,
                              double rate) {
  // Forward by parity where call and put are closest in price.
  std::optional<std::pair<double, double>> parity;  // strike, C - P
  for (const auto& [k, m] : strikes) {
    if (!m.call || !m.put) continue;
    const double diff = *m.call - *m.put;
    if (!parity || std::abs(diff) < std::abs(parity->second)) parity = {k, diff};
  }
  if (!parity) return std::nullopt;
  const double forward = parity->first + std::exp(rate * years) * parity->second;
  // The listed strike nearest the forward among those quoted on both sides.
  std::optional<double> atm;
  for (const auto& [k, m] : strikes) {
    if (!m.call || !m.put) continue;
    if (!atm || std::abs(k - forward) < std::abs(*atm - forward)) atm = k;
  }
  const auto& mids = strikes.at(*atm);
  AtmVol point{expiration, years, forward, *atm, std::nullopt, std::nullopt, 0.0};
  point.call_iv = solve(forward, *atm, years, rate, OptionRight::Call, *mids.call);
  point.put_iv = solve(forward, *atm, years, rate, OptionRight::Put, *mids.put);
  if (point.call_iv && point.put_iv)
    point.atm_iv = (*point.call_iv + *point.put_iv) / 2.0;
  else if (point.call_iv || point.put_iv)
    point.atm_iv = point.call_iv ? *point.call_iv : *point.put_iv;
  else
    return std::nullopt;
  if (std::abs(std::log(point.strike / forward)) >
      kMaxAtmDistance * point.atm_iv * std::sqrt(years))
    return std::nullopt;
  return point;
}

}  // namespace

std::optional<std::pair<Date, Timestamp>> snapshot_day(const calendar::ExchangeCalendar& calendar,
                                                       Timestamp as_of) {
  try {
    Date day = calendar::new_york_date(as_of);
    const auto session = calendar.session(day);
    if (!session || as_of < session->open) day = calendar.previous_trading_day(day);
    const auto close = calendar.session(day)->close;
    return std::pair{day, std::min(as_of, close)};
  } catch (const std::out_of_range&) {
    return std::nullopt;
  }
}

std::vector<AtmVol> atm_vols(const OptionChain& chain, Timestamp valuation,
                             const calendar::ExchangeCalendar& calendar,
                             const IvHistoryOptions& options) {
  std::map<Date, std::map<double, Mids>> by_expiration;
  for (const auto& c : chain.contracts) {
    if (!two_sided(c)) continue;
    auto& mids = by_expiration[c.expiration][c.strike];
    (c.right == OptionRight::Call ? mids.call : mids.put) = c.mid();
  }
  std::vector<AtmVol> out;
  for (const auto& [expiration, strikes] : by_expiration) {
    const double years = years_between(valuation, expiry_instant(calendar, expiration));
    if (years * 365.0 < options.min_days) continue;
    if (auto point = atm_vol(expiration, years, strikes, options.rate)) out.push_back(*point);
  }
  return out;
}

std::variant<Iv30, std::string> thirty_day_atm_iv(const OptionChain& chain,
                                                  const calendar::ExchangeCalendar& calendar,
                                                  const IvHistoryOptions& options) {
  const auto day = snapshot_day(calendar, chain.as_of);
  if (!day)
    return "the " + std::string(calendar.name()) + " calendar does not cover the snapshot's day " +
           to_iso8601(chain.as_of);
  Iv30 result{chain.underlying, day->first, day->second, 0.0, false, {}};
  const auto points = atm_vols(chain, result.valuation, calendar, options);
  if (points.empty())
    return "no expiration has two-sided call and put quotes to read an at-the-money vol from";
  const double target = options.target_days / 365.0;
  const auto next =
      std::find_if(points.begin(), points.end(), [&](const AtmVol& p) { return p.years > target; });
  if (next == points.begin() || next == points.end()) {
    const auto& only = next == points.end() ? points.back() : points.front();
    result.iv30 = only.atm_iv;
    result.extrapolated = true;
    result.used = {only};
    return result;
  }
  const auto& near = *(next - 1);
  const double w1 = near.atm_iv * near.atm_iv * near.years;
  const double w2 = next->atm_iv * next->atm_iv * next->years;
  const double w = w1 + (w2 - w1) * (target - near.years) / (next->years - near.years);
  result.iv30 = std::sqrt(w / target);
  result.used = {near, *next};
  return result;
}

}  // namespace dorado::data
