#pragma once
// Fill quality of one order: the price the decision expected against the
// average price the venue filled at, and the slippage per contract in money
// (ports::FillQualityRecord says the sign: adverse is positive). It is what
// the canary report compares between paper and live.
#include <optional>

#include "dorado/domain/venue.hpp"
#include "dorado/ports/store_execution.hpp"
#include "dorado/ports/venue_order_report.hpp"

namespace dorado::engine {

// Signed so that a higher value is worse for us: a combo's net price as is
// (debits positive, domain/order.hpp), a single leg's price as is for a buy
// and negated for a sell.
Price adverse_signed(const Order& order, Price price);

// nullopt when nothing was filled. `expected` is in the order's limit-price
// convention (a combo's signed net price per combo).
std::optional<ports::FillQualityRecord> measure_fill_quality(const ports::OrderReport& report,
                                                             Price expected, VenueId venue);

}  // namespace dorado::engine
