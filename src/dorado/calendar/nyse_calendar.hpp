#pragma once
// The New York Stock Exchange (and the US listed options that trade on its
// schedule), 2000-2035: regular session 09:30-16:00 New York time, early
// closes at 13:00, holidays and special closures as in nyse_rules.hpp.
#include <optional>
#include <string_view>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/calendar/nyse_rules.hpp"

namespace dorado::calendar {

class NyseCalendar final : public ExchangeCalendar {
 public:
  // Builds every session of the covered years once; queries are lookups.
  NyseCalendar();

  std::string_view name() const override { return "nyse"; }
  std::optional<Session> session(Date day) const override;

  // Why `day` is closed or short ("Good Friday", "day after Thanksgiving").
  NyseDay describe(Date day) const { return classify_nyse_day(day); }

 protected:
  bool covers(Date day) const override;

 private:
  std::vector<std::optional<Session>> sessions_;  // indexed by days since kNyseFirstDay
};

}  // namespace dorado::calendar
