#pragma once
// Numbers as the risk sentences print them: thousands separated, no decimals
// when whole, otherwise two ("2,450", "2,450.50", "-1,000"); percentages with
// at most two decimals, trailing zeros dropped ("2", "10.45", "0.5").
#include <string>

#include "dorado/domain/money.hpp"

namespace dorado::risk {

std::string format_amount(double amount);
std::string format_money(const Money& money);  // "2,450 USD"
std::string format_pct(double pct);            // "2", "10.45"
// A limit stated as a percent of equity: "2,000 USD (2 % of 100,000)".
std::string format_limit(const Money& limit, double pct, const Money& equity);
// `pct` percent of `equity`, rounded half to even to a micro-unit.
Money pct_of(const Money& equity, double pct);

}  // namespace dorado::risk
