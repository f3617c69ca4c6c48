#pragma once
// Numbers as the resolver's sentences print them: fixed decimals, trailing
// zeros dropped ("0.16", "440", "1.605").
#include <string>

namespace dorado::strategy {

std::string number_text(double value, int decimals = 2);

}  // namespace dorado::strategy
