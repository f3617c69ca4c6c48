#pragma once
// One synthetic market (2005-2024, seed 42) shared by the regime model tests:
// built once per test binary, about 20 ms.
#include "dorado/data/synthetic/synthetic_market.hpp"

namespace dorado::regime::testing {

inline const data::synthetic::SyntheticMarket& synthetic_market() {
  static const data::synthetic::SyntheticMarket market{};
  return market;
}

}  // namespace dorado::regime::testing
