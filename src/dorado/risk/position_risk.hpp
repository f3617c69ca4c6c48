#pragma once
// The risk figures of one open position, or of a sized candidate as it would
// be opened: what it can lose, what it commits, what it is exposed to. Every
// Money is the whole position (not per unit) in the account's base currency;
// the engine converts FX and crypto figures before they reach the risk layer.
#include <string>

#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/risk/exposure.hpp"

namespace dorado::risk {

struct PositionRisk {
  std::string id;  // position id, or the candidate's key while it is a proposal
  std::string bot_id;
  std::string underlying;
  AssetClass asset_class = AssetClass::EquityOptions;
  Quantity quantity;  // units of the structure (condors, FX units, coins)
  // Worst case, positive: defined-risk width minus credit, or the distance to
  // the stop. The figure heat and concentration add up.
  Money max_loss;
  // Cash or margin the position ties up (see margin.hpp).
  Money buying_power;
  // Price x quantity; the crypto hard cap and FX leverage bound it.
  Money notional;
  // Shares of the underlying the position needs as cover (covered calls).
  Quantity shares_pledged;
  Exposure exposure;

  friend bool operator==(const PositionRisk&, const PositionRisk&) = default;
};

}  // namespace dorado::risk
