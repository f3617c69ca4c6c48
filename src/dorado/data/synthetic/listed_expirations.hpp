#pragma once
// Which expirations and strikes a US equity-option chain lists on a day.
//
// Expirations, strictly after the quote day (an end-of-day chain no longer
// shows the expiry settling that day, as in the CBOE export):
// - weeklies: the next 8 Fridays;
// - monthlies: the third Friday of each of the next 12 months (out to ~1 year).
// An expiration Friday that is an NYSE holiday (Good Friday, or July 4 /
// Christmas / New Year observed on a Friday) moves to the trading day before,
// as the OCC schedules it.
//
// Strike grid (exact multiples of the step; see strike_grid()):
//   SPY       $1 within 10 % of spot, $5 beyond
//   TLT, GLD  $0.50 within 5 % of spot for expirations up to 60 days, $1
//             beyond that band and for longer expirations
#include <string_view>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::data::synthetic {

std::vector<Date> listed_expirations(Date quote_day, const calendar::ExchangeCalendar& nyse);
// Whether `expiration` is its month's standard (third-Friday) expiration.
bool is_monthly_expiration(Date expiration, const calendar::ExchangeCalendar& nyse);

struct StrikeGrid {
  double fine_step;
  double coarse_step;
  double fine_band;  // fraction of spot around it on the fine grid
  int fine_max_dte;  // the fine grid applies up to this DTE; coarse only after
};

// Throws std::invalid_argument for an underlying without listed synthetic options.
StrikeGrid strike_grid(std::string_view underlying);

// Strikes in [low, high] on the grid for an expiration `dte` days out, ascending.
// Computed in integer cents so every strike is exact.
std::vector<double> listed_strikes(const StrikeGrid& grid, double spot, double low, double high,
                                   int dte);

}  // namespace dorado::data::synthetic
