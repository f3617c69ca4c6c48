#pragma once
// universe.yaml: the instruments Dorado watches and trades.
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/venue.hpp"

namespace dorado::config {

struct UniverseMember {
  std::string symbol;  // the trading symbol: SPY, USDJPY, BTC
  AssetClass asset_class = AssetClass::EquityOptions;
  VenueId venue = VenueId::Paper;
  std::string data_symbol;  // the free data sources' ticker: SPY, USDJPY=X, BTC-USD
  std::string description;
  // Correlation cluster for portfolio limits (e.g. us_equity, rates, usd_crosses).
  std::string cluster;
  double contract_multiplier = 1;  // 100 for US equity options
  bool enabled = true;
};

struct Universe {
  std::string name;
  std::string description;
  std::vector<UniverseMember> underlyings;

  const UniverseMember* find(std::string_view symbol) const {
    for (const auto& u : underlyings)
      if (u.symbol == symbol) return &u;
    return nullptr;
  }
};

}  // namespace dorado::config
