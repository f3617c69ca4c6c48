#pragma once
// Converting booked money between currencies at the market's mid for the
// pair, the way OANDA converts a USD_JPY trade's JPY P&L into a USD account:
// through the "TO_FROM" quote (divide by its mid) or the "FROM_TO" quote
// (multiply), rounded half to even to a micro-unit.
#include <optional>

#include "dorado/domain/money.hpp"
#include "dorado/venue/paper/paper_market.hpp"

namespace dorado::venue::paper {

// nullopt when neither pair has a two-sided quote.
std::optional<Money> convert(const Money& amount, Currency to, const PaperMarket& market);

}  // namespace dorado::venue::paper
