#pragma once
// How often a series is observed, told from its own dates: the median spacing
// in calendar days between consecutive observations. Daily series (median up
// to 4 days: weekends and holidays) are checked day by day against an
// exchange calendar; weekly and monthly series (FRED's ICSA, NFCI, FEDFUNDS)
// against their own period.
#include <cstdint>
#include <span>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::data {

enum class CadenceKind { Daily, Weekly, Monthly, Irregular };

struct Cadence {
  CadenceKind kind = CadenceKind::Daily;
  int period_days = 1;  // 1, 7, 30, or the median spacing when irregular
};

// Ascending dates; fewer than two read as daily.
Cadence cadence_of(std::span<const Date> days);

// Periods skipped inside the series: for each spacing s, round(s / period) - 1.
std::int64_t missing_periods(std::span<const Date> days, const Cadence& cadence);

}  // namespace dorado::data

template <>
struct dorado::EnumNames<dorado::data::CadenceKind> {
  static constexpr std::array table{
      std::pair{data::CadenceKind::Daily, std::string_view{"daily"}},
      std::pair{data::CadenceKind::Weekly, std::string_view{"weekly"}},
      std::pair{data::CadenceKind::Monthly, std::string_view{"monthly"}},
      std::pair{data::CadenceKind::Irregular, std::string_view{"irregular"}},
  };
};
