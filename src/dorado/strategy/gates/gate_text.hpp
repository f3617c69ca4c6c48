#pragma once
// Numbers in gate sentences: two decimals from 1 up ("18", "442.5", "1.07"),
// four significant digits below 1 so FX prices and ATRs stay readable
// ("0.55", "0.006512"), trailing zeros dropped.
#include <string>

namespace dorado::strategy {

std::string number_text(double value);

}  // namespace dorado::strategy
