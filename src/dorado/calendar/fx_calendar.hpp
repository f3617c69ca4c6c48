#pragma once
// Spot FX, 24 hours a day, five days a week: the week opens Sunday 17:00 New
// York and closes Friday 17:00 New York (the interbank convention, which
// follows New York DST, so in UTC it moves by an hour twice a year).
//
// Trading day convention: the FX day rolls over at 17:00 New York, and a
// trading day is the New York date its session closes on. Monday's session
// is Sunday 17:00 -> Monday 17:00, Friday's is Thursday 17:00 -> Friday
// 17:00. This is the day of the usual FX daily bar and of the value-date roll.
//
// Closed days: Jan 1 and Dec 25 when they fall on a weekday: retail and ECN
// venues (and the interbank market, for all practical liquidity) do not trade
// them, so the market closes 17:00 the evening before and reopens 17:00 on
// the holiday itself. Thin but open days (Dec 24, Dec 31, Good Friday,
// US holidays) are ordinary trading days here.
#include "dorado/calendar/exchange_calendar.hpp"

namespace dorado::calendar {

class FxCalendar final : public ExchangeCalendar {
 public:
  std::string_view name() const override { return "fx"; }
  std::optional<Session> session(Date day) const override;
};

}  // namespace dorado::calendar
