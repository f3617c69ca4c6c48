#pragma once
// A snapshot of an underlying's listed options. Filters return new chains
// (value semantics) and keep the contracts in their original order, so
// filters compose: chain.puts().filter_by_dte(30, 45).filter_by_delta(-0.20, -0.10).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/option_contract.hpp"
#include "dorado/domain/time.hpp"

namespace dorado {

struct OptionChain {
  std::string underlying;
  double spot = 0.0;
  Timestamp as_of{};
  std::vector<OptionContract> contracts;

  // The UTC calendar date of as_of; DTE is counted from it. US option quotes
  // (09:30-16:15 New York) always fall on the same UTC date as the trade date.
  Date as_of_date() const;

  // Distinct expirations, ascending.
  std::vector<Date> expirations() const;

  // Contracts with min_dte <= DTE <= max_dte, DTE in calendar days from as_of_date().
  // Throws std::invalid_argument if min_dte > max_dte.
  OptionChain filter_by_dte(int min_dte, int max_dte) const;
  OptionChain filter_by_expiration(Date expiration) const;
  // Contracts whose signed delta (puts negative) lies in [min_delta, max_delta];
  // contracts without a delta are excluded. Throws std::invalid_argument if
  // min_delta > max_delta or either bound is NaN.
  OptionChain filter_by_delta(double min_delta, double max_delta) const;
  OptionChain puts() const;
  OptionChain calls() const;

  // The contract of `right` whose signed delta is closest to `target` (so a
  // 16-delta put is nearest_delta(-0.16, OptionRight::Put)); contracts without
  // delta are ignored. Distances within 1e-12 count as equal, so decimal ties
  // such as 0.30 vs 0.20 around 0.25 are ties; a tie goes to the lower strike,
  // then the earlier expiration, then the earlier position in the chain.
  // nullopt if no contract qualifies. Throws std::invalid_argument on a NaN target.
  std::optional<OptionContract> nearest_delta(double target, OptionRight right) const;

  // Share of contracts missing any of delta, gamma, theta, vega; 0 for an empty chain.
  double missing_greeks_fraction() const;

  bool empty() const { return contracts.empty(); }
  std::size_t size() const { return contracts.size(); }

  friend bool operator==(const OptionChain&, const OptionChain&) = default;
};

}  // namespace dorado
