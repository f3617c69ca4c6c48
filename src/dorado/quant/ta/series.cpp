#include "dorado/quant/ta/series.hpp"

#include <stdexcept>
#include <string>

namespace dorado::quant::ta {

void require_positive(std::size_t value, std::string_view what) {
  if (value == 0) throw std::invalid_argument(std::string(what) + " must be at least 1, got 0");
}

}  // namespace dorado::quant::ta
