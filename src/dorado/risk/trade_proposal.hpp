#pragma once
// One candidate as the risk layer needs it before it is sized: the candidate
// (legs, credit, max loss per unit, score) plus the figures the resolver knows
// per unit of the structure. Per-unit Money is in the account currency (the
// engine converts FX and crypto figures first), so sizing and checks never
// mix currencies.
#include <optional>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/candidate.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/risk/exposure.hpp"

namespace dorado::risk {

struct TradeProposal {
  Candidate candidate;  // candidate.max_loss is per unit; must be positive to size
  AssetClass asset_class = AssetClass::EquityOptions;
  config::Structure structure = config::Structure::IronCondor;
  // The smallest tradeable step of the structure: 1 contract, 1 FX unit,
  // 0.00001 BTC. Sizing rounds down to a whole number of lots.
  Quantity lot = Quantity::units(1);
  // Momentum trades: price x one unit. Options: 0 (their exposure is in the greeks).
  Money notional_per_unit;
  Exposure exposure_per_unit;
  // 0..1: the data-quality score the scoring step computed for the inputs.
  double data_quality = 1.0;
  // Annualised realized volatility of the underlying (0.18 = 18 %); needed by
  // vol_adjusted sizing.
  std::optional<double> realized_vol;
};

}  // namespace dorado::risk
