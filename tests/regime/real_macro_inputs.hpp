#pragma once
// The real history of ../shared/data as the macro feature pipeline reads it:
// the CSVs parsed by the importers of `dorado data import` into store rows.
// COT is left out: the E-mini report in the files starts in 2017.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "dorado/data/import/macro_csv.hpp"
#include "dorado/data/import/ohlcv_csv.hpp"
#include "dorado/regime/features/macro_inputs.hpp"
#include "support/real_data.hpp"

namespace dorado::regime::testing {

inline features::MacroInputs real_macro_inputs(const std::filesystem::path& dir) {
  const auto bars = [&](const std::string& symbol) {
    const auto file = dir / (symbol + ".csv");
    if (!std::filesystem::exists(file)) return std::vector<ports::OhlcvBar>{};
    return data::parse_ohlcv_csv(dorado::testing::read_text(file), symbol, "csv").bars;
  };
  const auto macro = [&](const std::string& series) {
    const auto file = dir / ("FRED_" + series + ".csv");
    if (!std::filesystem::exists(file)) return std::vector<ports::MacroObservation>{};
    return data::parse_macro_csv(dorado::testing::read_text(file), series).observations;
  };
  return features::gather_macro_inputs(bars, macro);
}

}  // namespace dorado::regime::testing
