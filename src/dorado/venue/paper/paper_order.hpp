#pragma once
// One order as the paper venue keeps it: the report the port returns plus
// what matching and commissions need to continue it.
#include <cstdint>
#include <optional>

#include "dorado/calendar/session.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/ports/venue_order_report.hpp"

namespace dorado::venue::paper {

struct PaperOrder {
  ports::OrderReport report;
  calendar::Session good_for;         // the session a DAY order lives in
  Quantity fee_units;                 // contracts, shares or units filled, all legs
  Money fee_value;                    // their traded value
  std::int64_t net_value_micros = 0;  // sum of order price x units filled
  // An order fills at most once per instant, so with partial fills the
  // remainder needs time to pass (queries at one instant add nothing).
  std::optional<Timestamp> last_fill;

  friend bool operator==(const PaperOrder&, const PaperOrder&) = default;
};

}  // namespace dorado::venue::paper
