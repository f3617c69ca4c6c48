#pragma once
// When a venue trades. Every calendar describes its market as one session per
// trading day; the queries below (is_open, next_open, ...) are answered from
// those sessions, so a calendar only has to say what each day's session is.
//
// Conventions shared by all calendars:
// - all instants are UTC Timestamps; local exchange time exists only inside
//   the implementations;
// - a session is half-open [open, close);
// - next_open(t) is the open of the first session opening at or after t;
//   next_close(t) is the close of the first session closing strictly after t.
//   For a market that trades around the clock (FX within the week, crypto)
//   those are the daily session boundaries (the daily bar's open and close),
//   not pauses in trading;
// - previous_/next_trading_day are strictly before/after the given day;
// - a date outside the calendar's coverage raises std::out_of_range rather
//   than a guess.
#include <optional>
#include <string_view>
#include <vector>

#include "dorado/calendar/session.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::calendar {

class ExchangeCalendar {
 public:
  virtual ~ExchangeCalendar() = default;

  // "nyse", "fx", "crypto": the name calendar_named() knows it by.
  virtual std::string_view name() const = 0;

  // The session of trading day `day`, or nothing when the venue does not trade
  // that day. Throws std::out_of_range outside the calendar's coverage.
  virtual std::optional<Session> session(Date day) const = 0;

  bool is_trading_day(Date day) const { return session(day).has_value(); }

  // The session containing `t`, if the market is open at `t`.
  std::optional<Session> session_at(Timestamp t) const;
  bool is_open(Timestamp t) const { return session_at(t).has_value(); }
  Timestamp next_open(Timestamp t) const;
  Timestamp next_close(Timestamp t) const;

  Date previous_trading_day(Date day) const;
  Date next_trading_day(Date day) const;
  // Every trading day in [from, to], both ends included, in order.
  std::vector<Date> trading_days(Date from, Date to) const;

 protected:
  // Whether session(day) is defined. Queries near the edge of the coverage
  // look only at covered days; a query about an uncovered day still throws.
  virtual bool covers(Date /*day*/) const { return true; }

 private:
  // The first trading day strictly after/before `day`, walking day by day.
  Date step_to_trading_day(Date day, int direction) const;
};

}  // namespace dorado::calendar
