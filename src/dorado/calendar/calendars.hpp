#pragma once
// The calendars by name and by asset class. The instances are immutable,
// built once on first use and shared: safe to use from any thread.
#include <string_view>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/domain/asset_class.hpp"

namespace dorado::calendar {

// "nyse", "fx" or "crypto"; any other name throws std::invalid_argument
// listing the known ones.
const ExchangeCalendar& calendar_named(std::string_view name);

// equity_options -> nyse, fx -> fx, crypto -> crypto.
const ExchangeCalendar& calendar_for(AssetClass asset_class);

std::vector<std::string_view> calendar_names();

}  // namespace dorado::calendar
