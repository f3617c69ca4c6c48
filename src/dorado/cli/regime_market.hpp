#pragma once
// What `dorado regime` reads: the macro feature inputs and the universe's
// daily bars, from the market dorado.yaml names (market_data.source): the
// seeded synthetic market (the default, offline) or what `dorado data`
// stored.
#include <map>
#include <string>
#include <vector>

#include "dorado/cli/workspace.hpp"
#include "dorado/domain/bar.hpp"
#include "dorado/regime/features/macro_inputs.hpp"

namespace dorado::cli {

struct RegimeMarket {
  std::string description;  // "synthetic market (seed 42)" or "stored history"
  regime::features::MacroInputs macro;
  std::map<std::string, std::vector<Bar>> universe_bars;  // by trading symbol, enabled members
};

// Throws std::invalid_argument when the market lacks SPY (no trading days).
RegimeMarket load_regime_market(Workspace& ws);

}  // namespace dorado::cli
