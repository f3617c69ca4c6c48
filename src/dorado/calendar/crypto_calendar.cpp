#include "dorado/calendar/crypto_calendar.hpp"

#include <chrono>

namespace dorado::calendar {

std::optional<Session> CryptoCalendar::session(Date day) const {
  const std::chrono::sys_days midnight{day};
  return Session{Timestamp{midnight}, Timestamp{midnight + std::chrono::days{1}}, false};
}

}  // namespace dorado::calendar
