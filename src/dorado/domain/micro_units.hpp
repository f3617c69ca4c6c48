#pragma once
// Fixed-point decimal arithmetic on int64 counts of micro-units (1e-6).
// Money, Price and Quantity share it so that booked amounts are exact: every
// decimal with at most six places is represented without error, sums never
// drift, and overflow is reported instead of wrapping.
//
// Rounding, wherever a result has more than six decimals, is half to even
// (banker's rounding): it is unbiased over many roundings (fee accruals,
// pro-rata cost-basis splits), so rounding errors do not pile up in one
// direction across a trading history.
#include <cstdint>
#include <string>
#include <string_view>

namespace dorado::micro_units {

inline constexpr std::int64_t kPerUnit = 1'000'000;
inline constexpr int kDecimals = 6;

// Parses "1234.56", "-0.000001", "+3", "42". Throws std::invalid_argument whose
// message names `what` and quotes the text for anything else: empty text,
// spaces, exponents, thousands separators, a dangling or leading point, more
// than six decimals, or a value outside the int64 micro-unit range.
std::int64_t parse(std::string_view text, std::string_view what);

// Exactly six decimals, no separators: "1234.560000", "-0.000001". The storage form.
std::string format_fixed(std::int64_t micros);

// Trailing zeros trimmed, keeping at least `min_decimals` (0..6):
// format_trimmed(1234560000, 2) == "1234.56"; format_trimmed(100000000, 2) == "100.00".
std::string format_trimmed(std::int64_t micros, int min_decimals);

// Overflow-checked arithmetic; throws std::overflow_error naming the operands.
std::int64_t add(std::int64_t a, std::int64_t b);
std::int64_t subtract(std::int64_t a, std::int64_t b);
std::int64_t multiply(std::int64_t a, std::int64_t b);
std::int64_t negate(std::int64_t a);

// a * b / divisor with an exact 128-bit intermediate, rounded half to even.
// Used for price x quantity when both carry micro-units and for pro-rata
// splits of a cost basis. Throws std::invalid_argument on a zero divisor and
// std::overflow_error when the result does not fit.
std::int64_t multiply_divide(std::int64_t a, std::int64_t b, std::int64_t divisor);

// micros * factor, computed exactly on the double's binary value (a double
// is m * 2^e with an integer m; the product is formed in 128 bits) and then
// rounded half to even to a whole micro-unit. So 1.000001 x 0.5 gives
// 0.5000005 exactly and rounds to 0.500000 (the 0 is even). Throws
// std::invalid_argument if factor is NaN or infinite, std::overflow_error if
// the result does not fit.
std::int64_t multiply_by_double(std::int64_t micros, double factor);

// The micro-unit count nearest to `units` (same exact rounding as above).
std::int64_t from_double(double units);

// For analytics only; never book the result.
constexpr double to_double(std::int64_t micros) {
  return static_cast<double>(micros) / static_cast<double>(kPerUnit);
}

}  // namespace dorado::micro_units
