#include "dorado/calendar/new_york_time.hpp"

#include <date/tz.h>

#include <stdexcept>
#include <string>

namespace dorado::calendar {
namespace {

const date::time_zone& new_york() {
  static const date::time_zone* const zone = [] {
    try {
      return date::locate_zone("America/New_York");
    } catch (const std::exception& e) {
      throw std::runtime_error(
          std::string("time zone America/New_York not found in the tz database (is tzdata "
                      "installed?): ") +
          e.what());
    }
  }();
  return *zone;
}

}  // namespace

Timestamp new_york_to_utc(Date day, std::chrono::minutes time_of_day) {
  const auto midnight = std::chrono::sys_days{day}.time_since_epoch();
  const date::local_time<std::chrono::minutes> local{
      std::chrono::duration_cast<std::chrono::minutes>(midnight) + time_of_day};
  const auto utc = new_york().to_sys(local, date::choose::earliest);
  return std::chrono::time_point_cast<std::chrono::microseconds>(utc);
}

Date new_york_date(Timestamp t) {
  const auto local = new_york().to_local(t);
  const auto local_midnight = std::chrono::floor<std::chrono::days>(local.time_since_epoch());
  return Date{std::chrono::sys_days{local_midnight}};
}

}  // namespace dorado::calendar
