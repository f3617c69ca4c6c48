#pragma once
// One row of an option chain as the venue delivers it: raw quotes beside the
// venue's model greeks (DESIGN.md section 5.3 keeps both). Quotes and greeks
// are analytics, hence double; greeks and IV are optional because chains
// arrive with gaps, and a gap must stay visible rather than become zero.
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/domain/option_contract_id.hpp"
#include "dorado/domain/option_right.hpp"
#include "dorado/domain/time.hpp"

namespace dorado {

struct OptionContract {
  std::string underlying;
  Date expiration;
  double strike = 0.0;
  OptionRight right = OptionRight::Call;
  double bid = 0.0;
  double ask = 0.0;
  double last = 0.0;
  std::int64_t volume = 0;
  std::int64_t open_interest = 0;
  std::optional<double> implied_vol;
  std::optional<double> delta;
  std::optional<double> gamma;
  std::optional<double> theta;
  std::optional<double> vega;
  Timestamp quote_time{};

  double mid() const { return (bid + ask) / 2.0; }
  double spread() const { return ask - bid; }
  // (ask - bid) / mid; nullopt when mid <= 0 (no two-sided market), which a
  // spread gate must treat as too wide.
  std::optional<double> spread_pct() const {
    const double m = mid();
    if (!(m > 0.0)) return std::nullopt;
    return spread() / m;
  }
  // All four greeks present (implied vol is checked separately).
  bool has_greeks() const {
    return delta.has_value() && gamma.has_value() && theta.has_value() && vega.has_value();
  }
  // Calendar days from `as_of` to expiration; 0 on expiration day, negative after.
  int dte(Date as_of) const {
    using std::chrono::sys_days;
    return static_cast<int>((sys_days{expiration} - sys_days{as_of}).count());
  }
  // The exact identity; the strike is rounded to the nearest micro-unit.
  OptionContractId id() const {
    return OptionContractId{underlying, expiration, Price::from_double(strike), right};
  }

  friend bool operator==(const OptionContract&, const OptionContract&) = default;
};

}  // namespace dorado
