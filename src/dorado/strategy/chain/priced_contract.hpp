#pragma once
// One contract as chain validation leaves it: the venue's row untouched
// (raw bid/ask and the venue's model greeks) beside Dorado's own implied vol
// and greeks recomputed from the mid, and the verdicts on its quote. Keeping
// both is PRD 3.1's "store raw prices beside model greeks": the venue's
// greeks can be stale, ours are computed from the quote we would trade on.
#include <optional>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/option_contract.hpp"

namespace dorado::strategy {

// Dorado's figures for a contract, from quant::implied_vol and
// quant::bsm_greeks at the contract's mid (per 1.00: theta per year, vega
// per 1.00 of vol, as in black_scholes.hpp).
struct ModelGreeks {
  double implied_vol = 0.0;
  double delta = 0.0;
  double gamma = 0.0;
  double theta = 0.0;
  double vega = 0.0;

  friend bool operator==(const ModelGreeks&, const ModelGreeks&) = default;
};

// How good a contract's two-sided market is, by (ask - bid) / mid.
enum class SpreadQuality {
  Tight,    // within the flag threshold (15 %)
  Wide,     // above 15 %: tradeable, marked on the candidate
  TooWide,  // above 20 %, or no two-sided market: excluded from selection
};

struct PricedContract {
  OptionContract quote;              // as the venue delivered it
  std::optional<ModelGreeks> model;  // nullopt: the mid carries no implied vol
  std::optional<double> spread_pct;  // (ask - bid) / mid; nullopt without a mid
  SpreadQuality spread = SpreadQuality::Tight;
  bool stale_greeks = false;  // venue delta differs materially from ours

  // Our delta when we have one, else the venue's (nullopt when neither).
  std::optional<double> delta() const {
    if (model) return model->delta;
    return quote.delta;
  }
  bool tradeable() const { return model.has_value() && spread != SpreadQuality::TooWide; }

  friend bool operator==(const PricedContract&, const PricedContract&) = default;
};

}  // namespace dorado::strategy

template <>
struct dorado::EnumNames<dorado::strategy::SpreadQuality> {
  using Q = dorado::strategy::SpreadQuality;
  static constexpr std::array<std::pair<Q, std::string_view>, 3> table{{
      {Q::Tight, "tight"},
      {Q::Wide, "wide"},
      {Q::TooWide, "too_wide"},
  }};
};
