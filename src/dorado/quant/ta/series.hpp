#pragma once
// Conventions shared by every indicator in dorado::quant::ta.
//
// Warm-up: a value that is not defined yet (too few bars for the window, the
// seed of a Wilder average not complete) is a quiet NaN, in batch series and
// in streaming objects alike; test it with is_defined(). Batch forms return a
// series as long as their input, index i answering "what did the indicator
// read after bar i". Streaming forms are updated with one bar at a time and
// return the same number the batch form has at that index.
//
// Inputs are assumed finite (validate bars with Bar::problems() first); a NaN
// in the input propagates instead of being silently skipped.
#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

namespace dorado::quant::ta {

using Series = std::vector<double>;

inline constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

inline bool is_defined(double value) {
  return !std::isnan(value);
}

// Throws std::invalid_argument naming the parameter: a zero window is a
// configuration error, not a market outcome.
void require_positive(std::size_t value, std::string_view what);

}  // namespace dorado::quant::ta
