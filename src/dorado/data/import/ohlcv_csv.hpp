#pragma once
// Yahoo-style daily bars: a header naming Date, Open, High, Low, Close and
// optionally Adj Close and Volume (any order, any case; other columns such as
// CBOE's "source" are ignored), then one bar per line. Every row is checked:
// the date, every number, and the bar checks of dorado::Bar::problems()
// (positive prices, high >= low, high/low bracketing open and close,
// non-negative volume); a date may appear once. A file without Volume
// (indices such as ^VIX) reads volume 0.
//
// Rounding noise is not an inconsistency: see pipeline/bar_rounding.hpp;
// such bars are repaired and counted.
#include <string>
#include <string_view>
#include <vector>

#include "dorado/data/import/import_problem.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct OhlcvFile {
  std::vector<ports::OhlcvBar> bars;  // in file order
  std::vector<ImportProblem> problems;
  std::size_t rounding_repairs = 0;  // bars whose high/low were moved by rounding noise

  bool ok() const { return problems.empty(); }
};

OhlcvFile parse_ohlcv_csv(std::string_view text, const std::string& symbol,
                          const std::string& source);

}  // namespace dorado::data
