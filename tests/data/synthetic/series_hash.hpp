#pragma once
// FNV-1a over the exact bit patterns of generated values: equal hashes mean
// byte-identical series.
#include <bit>
#include <cstdint>
#include <string_view>

#include "dorado/data/synthetic/synthetic_market.hpp"

namespace dorado::data::synthetic::testing {

class SeriesHash {
 public:
  void add(std::uint64_t x) {
    for (int i = 0; i < 8; ++i) {
      h_ ^= (x >> (8 * i)) & 0xFF;
      h_ *= 0x100000001B3ULL;
    }
  }
  void add(double x) { add(std::bit_cast<std::uint64_t>(x)); }
  void add(std::int64_t x) { add(static_cast<std::uint64_t>(x)); }
  void add(std::string_view s) {
    for (const char c : s) add(static_cast<std::uint64_t>(static_cast<unsigned char>(c)));
  }
  void add(Date d) {
    add(static_cast<std::int64_t>(std::chrono::sys_days{d}.time_since_epoch().count()));
  }
  void add(Timestamp t) { add(static_cast<std::int64_t>(t.time_since_epoch().count())); }
  void add(const std::optional<double>& x) {
    add(static_cast<std::uint64_t>(x.has_value()));
    if (x) add(*x);
  }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xCBF29CE484222325ULL;
};

inline std::uint64_t hash_series(const SyntheticMarket& m) {
  SeriesHash h;
  for (const std::string& s : m.symbols()) {
    for (const Bar& b : m.bars(s)) {
      h.add(b.time);
      h.add(b.open);
      h.add(b.high);
      h.add(b.low);
      h.add(b.close);
      h.add(b.volume);
    }
  }
  for (const RegimeDay& d : m.regime_path()) {
    h.add(d.date);
    h.add(static_cast<std::uint64_t>(d.regime));
  }
  for (const std::string& s : m.macro_series_names()) {
    for (const auto& o : m.macro(s)) {
      h.add(o.series);
      h.add(o.obs_date);
      h.add(o.value);
    }
  }
  for (const CotReport& r : m.cot_reports()) {
    h.add(r.market);
    h.add(r.report_date);
    h.add(r.release_date);
    h.add(r.open_interest);
    h.add(r.leveraged_long);
    h.add(r.leveraged_short);
  }
  for (const char* coin : {"BTC", "ETH"}) {
    for (const auto& f : m.funding_rates(coin)) {
      h.add(f.symbol);
      h.add(f.funding_time);
      h.add(f.rate);
    }
  }
  return h.value();
}

inline std::uint64_t hash_chain(const SyntheticChain& c) {
  SeriesHash h;
  h.add(c.chain.underlying);
  h.add(c.chain.spot);
  h.add(c.chain.as_of);
  for (const OptionContract& k : c.chain.contracts) {
    h.add(k.expiration);
    h.add(k.strike);
    h.add(static_cast<std::uint64_t>(k.right));
    h.add(k.bid);
    h.add(k.ask);
    h.add(k.last);
    h.add(k.volume);
    h.add(k.open_interest);
    h.add(k.implied_vol);
    h.add(k.delta);
    h.add(k.gamma);
    h.add(k.theta);
    h.add(k.vega);
    h.add(k.quote_time);
  }
  for (const auto& p : c.problems) {
    h.add(static_cast<std::uint64_t>(p.problem));
    h.add(p.contract.occ_symbol());
  }
  return h.value();
}

}  // namespace dorado::data::synthetic::testing
