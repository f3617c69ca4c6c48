#pragma once
// Small explicit chains and snapshots for the strategy tests.
//
// The "400 chain": spot 400, r = q = 0, a flat 18 % vol, quoted on
// 2024-03-14 20:00 UTC, expirations 2024-03-22 (8 DTE), 2024-04-19 (36 DTE)
// and 2024-04-26 (43 DTE), strikes 350..450 every 5, both rights. Each
// option's bid/ask is its Black-Scholes value -/+ 0.02 rounded to the cent;
// the venue's greeks are Black-Scholes at 18 %. Hand values for the 36-DTE
// expiration (T = 36/365, s = 0.18 sqrt(T) = 0.056530; d1 = ln(S/K)/s + s/2,
// d2 = d1 - s; call = S N(d1) - K N(d2), put = K N(-d2) - S N(-d1)):
//   K    d1       put value  put delta   call value  call delta
//   375  1.1699   1.3823     -0.1210     26.3823     0.8790
//   380  0.9356   2.1832     -0.1747     22.1832     0.8253
//   420 -0.8348  22.4881     -0.7981      2.4881     0.2019
//   425 -1.0442  26.6880     -0.8518      1.6880     0.1482
//   430 -1.2511  31.1148     -0.8945      1.1148     0.1055
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "dorado/config/schema.hpp"
#include "dorado/config/template_loader.hpp"
#include "dorado/domain/option_chain.hpp"
#include "dorado/quant/options/black_scholes.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy::testing {

using namespace std::chrono;

inline Date ymd(int y, unsigned m, unsigned d) {
  return Date{year{y}, month{m}, day{d}};
}

inline Timestamp at_utc(Date d, int hour) {
  return time_point_cast<microseconds>(sys_days{d} + hours{hour});
}

inline double cents(double x) {
  return std::round(x * 100.0) / 100.0;
}

inline OptionContract bsm_contract(const std::string& underlying, double spot, Date as_of,
                                   Date expiration, double strike, OptionRight right, double vol) {
  const int dte = static_cast<int>((sys_days{expiration} - sys_days{as_of}).count());
  const quant::BsmGreeks g = quant::bsm_greeks({spot, strike, dte / 365.0, 0.0, 0.0, vol, right});
  OptionContract c;
  c.underlying = underlying;
  c.expiration = expiration;
  c.strike = strike;
  c.right = right;
  c.bid = std::max(0.0, cents(g.price - 0.02));
  c.ask = cents(g.price + 0.02);
  c.implied_vol = vol;
  c.delta = g.delta;
  c.gamma = g.gamma;
  c.theta = g.theta;
  c.vega = g.vega;
  c.open_interest = 1000;
  return c;
}

inline OptionChain chain_400() {
  OptionChain chain;
  chain.underlying = "SPY";
  chain.spot = 400.0;
  const Date today = ymd(2024, 3, 14);
  chain.as_of = at_utc(today, 20);
  for (const Date e : {ymd(2024, 3, 22), ymd(2024, 4, 19), ymd(2024, 4, 26)})
    for (int k = 350; k <= 450; k += 5)
      for (const OptionRight r : {OptionRight::Put, OptionRight::Call}) {
        OptionContract c = bsm_contract("SPY", 400.0, today, e, k, r, 0.18);
        c.quote_time = chain.as_of;
        chain.contracts.push_back(c);
      }
  return chain;
}

inline UnderlyingSnapshot snapshot_of(OptionChain chain) {
  UnderlyingSnapshot s;
  s.symbol = chain.underlying;
  s.asset_class = AssetClass::EquityOptions;
  s.as_of = chain.as_of_date();
  s.at = chain.as_of;
  s.chain = std::move(chain);
  return s;
}

inline OptionContract* find(OptionChain& chain, Date expiration, double strike, OptionRight right) {
  for (auto& c : chain.contracts)
    if (c.expiration == expiration && c.strike == strike && c.right == right) return &c;
  return nullptr;
}

// A template file of config/strategies, loaded and validated as `dorado validate` does.
inline config::StrategyTemplate shipped_template(const std::string& name) {
  const std::string path = std::string(DORADO_SOURCE_DIR) + "/config/strategies/" + name + ".yaml";
  std::vector<config::Diagnostic> problems;
  config::Reporter reporter(path, problems);
  const auto t = config::load_template(YAML::LoadFile(path), {}, reporter);
  if (!t) throw std::runtime_error(path + " did not load: " + problems.front().message);
  return *t;
}

}  // namespace dorado::strategy::testing
