#include "dorado/calendar/calendars.hpp"

#include <stdexcept>
#include <string>

#include "dorado/calendar/crypto_calendar.hpp"
#include "dorado/calendar/fx_calendar.hpp"
#include "dorado/calendar/nyse_calendar.hpp"

namespace dorado::calendar {
namespace {

const NyseCalendar& nyse() {
  static const NyseCalendar instance;
  return instance;
}
const FxCalendar& fx() {
  static const FxCalendar instance;
  return instance;
}
const CryptoCalendar& crypto() {
  static const CryptoCalendar instance;
  return instance;
}

}  // namespace

std::vector<std::string_view> calendar_names() {
  return {"nyse", "fx", "crypto"};
}

const ExchangeCalendar& calendar_named(std::string_view name) {
  if (name == "nyse") return nyse();
  if (name == "fx") return fx();
  if (name == "crypto") return crypto();
  throw std::invalid_argument("unknown calendar \"" + std::string(name) +
                              "\" (known: nyse, fx, crypto)");
}

const ExchangeCalendar& calendar_for(AssetClass asset_class) {
  switch (asset_class) {
    case AssetClass::EquityOptions:
      return nyse();
    case AssetClass::Fx:
      return fx();
    case AssetClass::Crypto:
      return crypto();
  }
  throw std::invalid_argument("calendar_for: asset class " +
                              std::to_string(static_cast<int>(asset_class)) + " has no calendar");
}

}  // namespace dorado::calendar
