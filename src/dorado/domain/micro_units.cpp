#include "dorado/domain/micro_units.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace dorado::micro_units {
namespace {

__extension__ typedef __int128 Int128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::int64_t narrow(Int128 value, const char* operation) {
  if (value > kMax || value < kMin)
    throw std::overflow_error(std::string(operation) + " overflows the int64 micro-unit range");
  return static_cast<std::int64_t>(value);
}

// n / d rounded half to even; d > 0.
Int128 divide_half_even(Int128 n, Int128 d) {
  Int128 q = n / d;
  const Int128 r = n % d;
  const Int128 twice_remainder = 2 * (r < 0 ? -r : r);
  const int sign = n < 0 ? -1 : 1;
  if (twice_remainder > d || (twice_remainder == d && q % 2 != 0)) q += sign;
  return q;
}

std::string quoted(std::string_view what, std::string_view text) {
  return std::string(what) + " '" + std::string(text) + "'";
}

}  // namespace

std::int64_t parse(std::string_view text, std::string_view what) {
  if (text.empty()) throw std::invalid_argument(std::string(what) + " is empty");
  std::string_view s = text;
  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  const auto point = s.find('.');
  const std::string_view whole = s.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : s.substr(point + 1);
  const auto all_digits = [](std::string_view part) {
    for (char c : part)
      if (c < '0' || c > '9') return false;
    return true;
  };
  const bool well_formed = !whole.empty() && all_digits(whole) && all_digits(fraction) &&
                           (point == std::string_view::npos || !fraction.empty());
  if (!well_formed)
    throw std::invalid_argument(
        quoted(what, text) +
        " is not a decimal number (expected digits, an optional sign and at most 6 decimals, "
        "e.g. -1234.56)");
  if (fraction.size() > static_cast<std::size_t>(kDecimals))
    throw std::invalid_argument(quoted(what, text) + " has " + std::to_string(fraction.size()) +
                                " decimal places; at most 6 are allowed");
  const auto out_of_range = [&] {
    return std::invalid_argument(quoted(what, text) +
                                 " is out of range (at most 9223372036854.775807 in magnitude)");
  };
  // Accumulate in 128 bits; 19 whole digits already exceed the int64 range.
  if (whole.size() > 19) throw out_of_range();
  Int128 value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  for (std::size_t i = 0; i < static_cast<std::size_t>(kDecimals); ++i)
    value = value * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  if (negative) value = -value;
  if (value > kMax || value < kMin) throw out_of_range();
  return static_cast<std::int64_t>(value);
}

std::string format_fixed(std::int64_t micros) {
  return format_trimmed(micros, kDecimals);
}

std::string format_trimmed(std::int64_t micros, int min_decimals) {
  if (min_decimals < 0 || min_decimals > kDecimals)
    throw std::invalid_argument("format_trimmed: min_decimals must be 0..6, got " +
                                std::to_string(min_decimals));
  // Work on the magnitude as unsigned so that INT64_MIN formats correctly.
  const bool negative = micros < 0;
  const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(micros)
                                           : static_cast<std::uint64_t>(micros);
  const auto per_unit = static_cast<std::uint64_t>(kPerUnit);
  std::string fraction = std::to_string(magnitude % per_unit);
  fraction.insert(0, static_cast<std::size_t>(kDecimals) - fraction.size(), '0');
  while (fraction.size() > static_cast<std::size_t>(min_decimals) && fraction.back() == '0')
    fraction.pop_back();
  std::string out = negative ? "-" : "";
  out += std::to_string(magnitude / per_unit);
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  if (__builtin_add_overflow(a, b, &out))
    throw std::overflow_error("adding " + format_fixed(a) + " and " + format_fixed(b) +
                              " overflows the int64 micro-unit range");
  return out;
}

std::int64_t subtract(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  if (__builtin_sub_overflow(a, b, &out))
    throw std::overflow_error("subtracting " + format_fixed(b) + " from " + format_fixed(a) +
                              " overflows the int64 micro-unit range");
  return out;
}

std::int64_t multiply(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  if (__builtin_mul_overflow(a, b, &out))
    throw std::overflow_error("multiplying " + format_fixed(a) + " by " + std::to_string(b) +
                              " overflows the int64 micro-unit range");
  return out;
}

std::int64_t negate(std::int64_t a) {
  return subtract(0, a);
}

std::int64_t multiply_divide(std::int64_t a, std::int64_t b, std::int64_t divisor) {
  if (divisor == 0) throw std::invalid_argument("multiply_divide: division by zero");
  Int128 n = Int128{a} * b;
  Int128 d = divisor;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  return narrow(divide_half_even(n, d), "multiply_divide");
}

std::int64_t multiply_by_double(std::int64_t micros, double factor) {
  if (!std::isfinite(factor))
    throw std::invalid_argument("cannot scale an amount by a non-finite factor");
  if (factor == 0.0 || micros == 0) return 0;
  // factor == mantissa * 2^exponent with |mantissa| < 2^53, exactly.
  int exponent = 0;
  const double fraction = std::frexp(factor, &exponent);
  const auto mantissa = static_cast<std::int64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  const Int128 product = Int128{micros} * mantissa;  // |product| < 2^116
  if (exponent >= 0) {
    if (exponent > 62) throw std::overflow_error("scaling by a double overflows");
    const Int128 limit = Int128{1} << (126 - exponent);
    if (product >= limit || product <= -limit)
      throw std::overflow_error("scaling by a double overflows");
    return narrow(product * (Int128{1} << exponent), "scaling by a double");
  }
  // |product| < 2^116, so shifting by more than 117 bits leaves less than 1/2.
  if (-exponent > 118) return 0;
  return narrow(divide_half_even(product, Int128{1} << -exponent), "scaling by a double");
}

std::int64_t from_double(double units) {
  if (!std::isfinite(units))
    throw std::invalid_argument("cannot convert a non-finite number to micro-units");
  return multiply_by_double(kPerUnit, units);
}

}  // namespace dorado::micro_units
