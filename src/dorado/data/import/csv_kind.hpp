#pragma once
// What a downloaded file holds, told from its first lines when the trader
// does not say: a CBOE chain export has "Last:" on line 1 and its column
// header on line 3; a bar file names Open, High, Low and Close; a FRED file
// has a date column and exactly one other.
#include <optional>
#include <string_view>

#include "dorado/domain/enum_names.hpp"

namespace dorado::data {

enum class CsvKind { Ohlcv, Macro, Chain };

std::optional<CsvKind> detect_csv_kind(std::string_view text);

}  // namespace dorado::data

template <>
struct dorado::EnumNames<dorado::data::CsvKind> {
  static constexpr std::array table{
      std::pair{data::CsvKind::Ohlcv, std::string_view{"ohlcv"}},
      std::pair{data::CsvKind::Macro, std::string_view{"macro"}},
      std::pair{data::CsvKind::Chain, std::string_view{"chain"}},
  };
};
