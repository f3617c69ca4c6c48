#pragma once
// A tradeable thing: an underlying, an FX pair, a crypto perpetual, or one
// listed option (which then also carries its OptionContractId). Orders, fills
// and positions refer to instruments; the multiplier turns a price into cash
// (100 for US equity options: 1.25 premium = 125.00 USD per contract).
#include <cstdint>
#include <optional>
#include <string>

#include "dorado/domain/asset_class.hpp"
#include "dorado/domain/currency.hpp"
#include "dorado/domain/option_contract_id.hpp"
#include "dorado/domain/price.hpp"

namespace dorado {

struct Instrument {
  // "SPY", "EUR_USD", "BTC"; for an option, its OCC symbol.
  std::string symbol;
  AssetClass asset_class = AssetClass::EquityOptions;
  Currency currency;
  std::int64_t multiplier = 1;
  // Smallest price increment the venue accepts.
  Price tick_size;
  // FX only: the conventional pip (0.0001, or 0.01 for JPY quotes); the tick is
  // usually a tenth of it.
  std::optional<Price> pip_size;
  // Set for option instruments.
  std::optional<OptionContractId> option;

  bool is_option() const { return option.has_value(); }

  friend bool operator==(const Instrument&, const Instrument&) = default;
};

// A US-listed equity or ETF option: USD, multiplier 100, tick 0.01.
// Throws std::invalid_argument if the id has no OCC symbol (see occ_symbol()).
Instrument us_equity_option(const OptionContractId& id);

// An FX pair named "BASE_QUOTE" (OANDA style, e.g. "EUR_USD"), priced in the
// quote currency: pip 0.0001 (0.01 when the quote is JPY), tick a tenth of a pip.
// Throws std::invalid_argument if the name is not two currency codes.
Instrument fx_pair(std::string_view name);

}  // namespace dorado
