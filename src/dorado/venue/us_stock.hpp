#pragma once
// The shares behind a US equity option, as the venue books them after an
// exercise or assignment (the Wheel's stock phase) or trades them outright:
// USD, multiplier 1, tick 0.01, and the option asset class, because they
// trade on the NYSE calendar beside their options.
#include <string>

#include "dorado/domain/instrument.hpp"

namespace dorado::venue {

inline Instrument us_stock(const std::string& symbol) {
  return Instrument{
      .symbol = symbol,
      .asset_class = AssetClass::EquityOptions,
      .currency = kUsd,
      .multiplier = 1,
      .tick_size = Price::from_micros(10'000),
      .pip_size = std::nullopt,
      .option = std::nullopt,
  };
}

// Shares of an equity (not an option, FX pair or crypto).
inline bool is_stock(const Instrument& instrument) {
  return instrument.asset_class == AssetClass::EquityOptions && !instrument.option;
}

}  // namespace dorado::venue
