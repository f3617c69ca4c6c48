#pragma once
// The book as the risk layer sees it: a value the engine builds from the
// store and the venue before each decision (no IO here). Adding a position
// returns a new value, which is how selection simulates a trade.
//
//   equity       account value (cash + open positions at mark)
//   cash         cash not yet committed as collateral or margin; opening a
//                position consumes its buying power from it
//   peak_equity  the highest equity seen (drawdown is measured from it)
#include <map>
#include <string>
#include <vector>

#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/risk/correlation_clusters.hpp"
#include "dorado/risk/exposure.hpp"
#include "dorado/risk/position_risk.hpp"

namespace dorado::risk {

struct PortfolioState {
  Money equity;
  Money cash;
  Money peak_equity;
  std::vector<PositionRisk> positions;
  // Stock held per underlying: what covered calls can be written against.
  std::map<std::string, Quantity> shares_held;
  // The engine's current correlation matrix of the universe (60-day).
  CorrelationMatrix correlations;

  // An empty book of `equity`, all of it cash, peak = equity.
  static PortfolioState flat(Money equity);

  Currency currency() const { return equity.currency(); }
  // Sum of the open positions' max losses.
  Money heat() const;
  Money max_loss_in_underlying(const std::string& underlying) const;
  Money max_loss_in_class(AssetClass asset_class) const;
  Money max_loss_in(const std::vector<std::string>& underlyings) const;
  Exposure exposure() const;  // the aggregated greeks and carry
  int positions_of_bot(const std::string& bot_id) const;
  Quantity shares_free(const std::string& underlying) const;  // held minus pledged
  std::vector<std::string> underlyings() const;               // sorted, unique
  // Percent below the peak, 0 at or above it (or when the peak is not positive).
  double drawdown_pct() const;
  // Percent of equity, for limits stated that way.
  double pct_of_equity(double amount) const;

  // The book with `position` opened: appended, and its buying power taken
  // from cash.
  PortfolioState with(const PositionRisk& position) const;

  friend bool operator==(const PortfolioState&, const PortfolioState&) = default;
};

}  // namespace dorado::risk
