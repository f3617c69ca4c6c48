#include "dorado/cli/market_hours.hpp"

#include <fmt/format.h>

#include <ostream>

#include "dorado/calendar/calendars.hpp"

namespace dorado::cli {

void print_market_hours(std::ostream& out, Timestamp now) {
  out << fmt::format("  markets   at {}\n", to_iso8601(now));
  for (const auto name : calendar::calendar_names()) {
    const auto& cal = calendar::calendar_named(name);
    if (const auto session = cal.session_at(now))
      out << fmt::format("            {:<7} open, closes {}{}\n", name, to_iso8601(session->close),
                         session->early_close ? " (early close)" : "");
    else
      out << fmt::format("            {:<7} closed, opens {}\n", name,
                         to_iso8601(cal.next_open(now)));
  }
}

}  // namespace dorado::cli
