#pragma once
// Crypto: trades every second of every day. Trading days are UTC days, each
// session 00:00 -> 24:00 UTC (the daily bar of the crypto venues), so
// next_close() is the next UTC midnight, never a pause in trading.
#include "dorado/calendar/exchange_calendar.hpp"

namespace dorado::calendar {

class CryptoCalendar final : public ExchangeCalendar {
 public:
  std::string_view name() const override { return "crypto"; }
  std::optional<Session> session(Date day) const override;
};

}  // namespace dorado::calendar
