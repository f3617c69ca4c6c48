#include "dorado/engine/scan/scan_instant.hpp"

#include "dorado/calendar/calendars.hpp"
#include "dorado/calendar/new_york_time.hpp"

namespace dorado::engine {

Timestamp scan_instant(Date day) {
  using namespace std::chrono_literals;
  const auto& nyse = calendar::calendar_for(AssetClass::EquityOptions);
  if (const auto session = nyse.session(day)) return session->close;
  return calendar::new_york_to_utc(day, 16h);
}

}  // namespace dorado::engine
