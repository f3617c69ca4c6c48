#pragma once
// An OHLCV bar. `time` is the bar's opening instant in UTC; a daily bar is
// stamped at 00:00 UTC of its trade date, so date() is the trade date.
// problems() reports every inconsistency instead of throwing: bars come from
// outside (CSV files, free data sources), and the data-quality score needs to
// know what is wrong, not just that something is.
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/time.hpp"

namespace dorado {

enum class BarDefect {
  NonFinite,         // NaN or infinity in a price or the volume
  NonPositivePrice,  // open, high, low or close <= 0
  HighBelowLow,
  HighBelowOpen,
  HighBelowClose,
  LowAboveOpen,
  LowAboveClose,
  NegativeVolume,
  NonPositiveAdjustedClose,  // adjusted close present but <= 0
};

template <>
struct EnumNames<BarDefect> {
  static constexpr std::array<std::pair<BarDefect, std::string_view>, 9> table{{
      {BarDefect::NonFinite, "non_finite"},
      {BarDefect::NonPositivePrice, "non_positive_price"},
      {BarDefect::HighBelowLow, "high_below_low"},
      {BarDefect::HighBelowOpen, "high_below_open"},
      {BarDefect::HighBelowClose, "high_below_close"},
      {BarDefect::LowAboveOpen, "low_above_open"},
      {BarDefect::LowAboveClose, "low_above_close"},
      {BarDefect::NegativeVolume, "negative_volume"},
      {BarDefect::NonPositiveAdjustedClose, "non_positive_adjusted_close"},
  }};
};

struct BarProblem {
  BarDefect defect;
  std::string message;  // e.g. "high 99.5 is below low 100"

  friend bool operator==(const BarProblem&, const BarProblem&) = default;
};

struct Bar {
  Timestamp time{};
  double open = 0.0;
  double high = 0.0;
  double low = 0.0;
  double close = 0.0;
  double volume = 0.0;
  std::optional<double> adjusted_close;

  Date date() const { return Date{std::chrono::floor<std::chrono::days>(time)}; }

  // Every defect found, in the order of BarDefect; empty when the bar is valid.
  std::vector<BarProblem> problems() const;
  bool is_valid() const { return problems().empty(); }

  friend bool operator==(const Bar&, const Bar&) = default;
};

}  // namespace dorado
