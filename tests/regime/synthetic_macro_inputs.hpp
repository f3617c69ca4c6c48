#pragma once
// The synthetic market's series as the macro feature pipeline reads them:
// the store rows `dorado data` would hold.
#include <algorithm>
#include <string>
#include <vector>

#include "dorado/data/synthetic/synthetic_market.hpp"
#include "dorado/regime/features/macro_inputs.hpp"

namespace dorado::regime::testing {

inline features::MacroInputs synthetic_macro_inputs(
    const data::synthetic::SyntheticMarket& market) {
  const auto symbols = market.symbols();
  return features::gather_macro_inputs(
      [&](const std::string& s) {
        return std::find(symbols.begin(), symbols.end(), s) == symbols.end()
                   ? std::vector<ports::OhlcvBar>{}
                   : market.ohlcv_rows(s);
      },
      [&](const std::string& s) { return market.macro_rows(s); });
}

}  // namespace dorado::regime::testing
