#pragma once
// FRED's CSV download: a date column and one value column, header names as
// FRED writes them in its various vintages ("DATE,VIXCLS",
// "observation_date,T10Y2Y", "date,DGS10"). FRED marks a day without a value
// (a holiday of the bond market) with "."; newer downloads leave the field
// empty. Such days are kept as missing: listed, never stored as a number.
#include <string>
#include <string_view>
#include <vector>

#include "dorado/data/import/import_problem.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct MacroFile {
  std::string value_column;  // the header's name for the value ("VIXCLS")
  std::vector<ports::MacroObservation> observations;
  std::vector<Date> missing;  // days present in the file without a value
  std::vector<ImportProblem> problems;

  bool ok() const { return problems.empty(); }
};

MacroFile parse_macro_csv(std::string_view text, const std::string& series);

}  // namespace dorado::data
