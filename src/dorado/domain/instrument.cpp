#include "dorado/domain/instrument.hpp"

#include <stdexcept>

namespace dorado {

Instrument us_equity_option(const OptionContractId& id) {
  return Instrument{
      .symbol = id.occ_symbol(),
      .asset_class = AssetClass::EquityOptions,
      .currency = kUsd,
      .multiplier = 100,
      .tick_size = Price::parse("0.01"),
      .pip_size = std::nullopt,
      .option = id,
  };
}

Instrument fx_pair(std::string_view name) {
  const auto underscore = name.find('_');
  const std::string_view base = name.substr(0, underscore);
  const std::string_view quote =
      underscore == std::string_view::npos ? std::string_view{} : name.substr(underscore + 1);
  if (!Currency::valid_code(base) || !Currency::valid_code(quote))
    throw std::invalid_argument("invalid FX pair '" + std::string(name) +
                                "': expected BASE_QUOTE, e.g. EUR_USD");
  const Currency quote_currency(quote);
  const Price pip = quote_currency == kJpy ? Price::parse("0.01") : Price::parse("0.0001");
  return Instrument{
      .symbol = std::string(name),
      .asset_class = AssetClass::Fx,
      .currency = quote_currency,
      .multiplier = 1,
      .tick_size = Price::from_micros(pip.micros() / 10),
      .pip_size = pip,
      .option = std::nullopt,
  };
}

}  // namespace dorado
