#include "dorado/data/synthetic/listed_expirations.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace dorado::data::synthetic {
namespace {

using std::chrono::sys_days;

constexpr int kWeeklies = 8;
constexpr int kMonthlies = 12;

Date on_trading_day(Date friday, const calendar::ExchangeCalendar& nyse) {
  return nyse.is_trading_day(friday) ? friday : nyse.previous_trading_day(friday);
}

Date third_friday(std::chrono::year_month ym) {
  return Date{sys_days{ym.year() / ym.month() / std::chrono::Friday[3]}};
}

std::int64_t to_cents(double x) {
  return std::llround(x * 100.0);
}

}  // namespace

std::vector<Date> listed_expirations(Date quote_day, const calendar::ExchangeCalendar& nyse) {
  std::vector<Date> out;
  const sys_days day{quote_day};
  const std::chrono::weekday wd{day};
  // The first Friday strictly after the quote day.
  sys_days friday = day + (std::chrono::Friday - wd);
  if (friday <= day) friday += std::chrono::weeks{1};
  for (int i = 0; i < kWeeklies; ++i) {
    const Date expiry = on_trading_day(Date{friday}, nyse);
    if (sys_days{expiry} > day) out.push_back(expiry);
    friday += std::chrono::weeks{1};
  }
  std::chrono::year_month month{quote_day.year(), quote_day.month()};
  int listed = 0;
  while (listed < kMonthlies) {
    const Date expiry = on_trading_day(third_friday(month), nyse);
    if (sys_days{expiry} > day) {
      out.push_back(expiry);
      ++listed;
    }
    month += std::chrono::months{1};
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_monthly_expiration(Date expiration, const calendar::ExchangeCalendar& nyse) {
  const std::chrono::year_month month{expiration.year(), expiration.month()};
  return on_trading_day(third_friday(month), nyse) == expiration;
}

StrikeGrid strike_grid(std::string_view underlying) {
  if (underlying == "SPY") return {1.0, 5.0, 0.10, 100000};
  if (underlying == "TLT" || underlying == "GLD") return {0.5, 1.0, 0.05, 60};
  throw std::invalid_argument("the synthetic market lists options on SPY, TLT and GLD, not '" +
                              std::string(underlying) + "'");
}

std::vector<double> listed_strikes(const StrikeGrid& grid, double spot, double low, double high,
                                   int dte) {
  const std::int64_t fine = to_cents(grid.fine_step);
  const std::int64_t coarse = to_cents(grid.coarse_step);
  const std::int64_t lo = to_cents(low);
  const std::int64_t hi = to_cents(high);
  const bool fine_listed = dte <= grid.fine_max_dte;
  const std::int64_t fine_lo = to_cents(spot * (1.0 - grid.fine_band));
  const std::int64_t fine_hi = to_cents(spot * (1.0 + grid.fine_band));

  std::vector<double> out;
  const std::int64_t first = (std::max<std::int64_t>(lo, fine) + fine - 1) / fine * fine;
  for (std::int64_t k = first; k <= hi; k += fine) {
    const bool on_coarse = k % coarse == 0;
    const bool in_fine_band = fine_listed && k >= fine_lo && k <= fine_hi;
    if (on_coarse || in_fine_band) out.push_back(static_cast<double>(k) / 100.0);
  }
  return out;
}

}  // namespace dorado::data::synthetic
