#pragma once
// Chain validation of the one expiration a template will trade (PRD 3.1):
// every contract priced by Dorado's own option math beside the venue's
// figures, and the expiration rejected, with a retryable reason, when the
// venue delivered it incomplete:
//   chain_missing_greeks  more than 10 % of its contracts lack greeks;
//   partial_chain         strikes missing: a strike listed for one right but
//                         not the other, or a hole in the strike ladder more
//                         than three times the steps beside it;
//   stale_greeks          more than 10 % of the contracts that carry venue
//                         greeks disagree with the delta recomputed from the
//                         quote (the venue's model ran at another spot).
// Spreads are judged per contract (PricedContract::spread): wide ones stay
// with a mark, too-wide ones are left out of strike selection.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/option_chain.hpp"
#include "dorado/domain/reason_code.hpp"
#include "dorado/strategy/chain/chain_quality_limits.hpp"
#include "dorado/strategy/chain/model_greeks.hpp"
#include "dorado/strategy/chain/priced_contract.hpp"

namespace dorado::strategy {

struct ChainDefect {
  ReasonCode reason = ReasonCode::PartialChain;
  std::string sentence;
  std::map<std::string, double> measured;

  friend bool operator==(const ChainDefect&, const ChainDefect&) = default;
};

struct ValidatedExpiration {
  std::string underlying;
  Date expiration{};
  int dte = 0;
  double spot = 0.0;
  std::vector<PricedContract> contracts;  // the expiration's contracts, chain order
  std::optional<ChainDefect> defect;      // set: do not trade this expiration now
  std::size_t wide_spreads = 0;
  std::size_t excluded_spreads = 0;
  std::size_t stale_greeks = 0;
  double missing_greeks_share = 0.0;

  bool usable() const { return !defect.has_value(); }
  // The tradeable contract of `right` whose delta is closest to `target`
  // (ties: the lower strike); nullopt when none is tradeable.
  const PricedContract* nearest_delta(double target, OptionRight right) const;
  // The tradeable contract of `right` at `strike` (within half a cent).
  const PricedContract* at_strike(double strike, OptionRight right) const;

  friend bool operator==(const ValidatedExpiration&, const ValidatedExpiration&) = default;
};

// The first defect found among the strike ladder's holes (nullopt: none).
std::optional<ChainDefect> find_strike_hole(const OptionChain& expiration_chain);

ValidatedExpiration validate_expiration(const OptionChain& chain, Date expiration,
                                        const PricingAssumptions& pricing,
                                        const ChainQualityLimits& limits);

}  // namespace dorado::strategy
