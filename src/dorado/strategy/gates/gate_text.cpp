#include "dorado/strategy/gates/gate_text.hpp"

#include <cmath>
#include <cstdio>

namespace dorado::strategy {

std::string number_text(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "n/a" : (value > 0 ? "inf" : "-inf");
  char text[64];
  std::snprintf(text, sizeof text, std::abs(value) >= 1.0 ? "%.2f" : "%.4g", value);
  std::string out(text);
  if (out.find('.') != std::string::npos && out.find('e') == std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out == "-0" ? "0" : out;
}

}  // namespace dorado::strategy
