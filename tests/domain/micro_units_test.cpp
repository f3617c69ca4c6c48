#include "dorado/domain/micro_units.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace dorado::micro_units {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(MicroUnits, MultiplyDivideRoundsHalfToEven) {
  EXPECT_EQ(multiply_divide(5, 1, 2), 2);    // 2.5 -> 2
  EXPECT_EQ(multiply_divide(7, 1, 2), 4);    // 3.5 -> 4
  EXPECT_EQ(multiply_divide(-5, 1, 2), -2);  // -2.5 -> -2
  EXPECT_EQ(multiply_divide(-7, 1, 2), -4);  // -3.5 -> -4
  EXPECT_EQ(multiply_divide(10, 1, 3), 3);   // 3.33 -> 3
  EXPECT_EQ(multiply_divide(20, 1, 3), 7);   // 6.67 -> 7
  EXPECT_EQ(multiply_divide(7, 1, -2), -4);  // negative divisor
  // The intermediate product exceeds int64 but the result fits.
  EXPECT_EQ(multiply_divide(kMax, 1'000'000, 1'000'000), kMax);
  EXPECT_THROW(multiply_divide(kMax, 2, 1), std::overflow_error);
  EXPECT_THROW(multiply_divide(1, 1, 0), std::invalid_argument);
}

TEST(MicroUnits, MultiplyByDoubleIsExactOnTheBinaryValue) {
  EXPECT_EQ(multiply_by_double(3, 0.5), 2);  // 1.5 -> 2
  EXPECT_EQ(multiply_by_double(5, 0.5), 2);  // 2.5 -> 2
  EXPECT_EQ(multiply_by_double(1'000'000, 1e-300), 0);
  EXPECT_EQ(multiply_by_double(1'000'000, 5e-324), 0);  // smallest subnormal
  EXPECT_EQ(multiply_by_double(kMax, 1.0), kMax);
  EXPECT_EQ(multiply_by_double(kMin, 1.0), kMin);
  EXPECT_EQ(multiply_by_double(1, 4.0), 4);
  EXPECT_EQ(multiply_by_double(-1, 0.25), 0);  // -0.25 -> 0
  EXPECT_THROW(multiply_by_double(kMin, -1.0), std::overflow_error);
  EXPECT_THROW(multiply_by_double(1, std::numeric_limits<double>::infinity()),
               std::invalid_argument);
}

TEST(MicroUnits, FormatsTheExtremes) {
  EXPECT_EQ(format_fixed(kMax), "9223372036854.775807");
  EXPECT_EQ(format_fixed(kMin), "-9223372036854.775808");
  EXPECT_EQ(format_trimmed(-500'000, 0), "-0.5");
  EXPECT_EQ(format_trimmed(2'000'000, 0), "2");
  EXPECT_EQ(format_trimmed(2'000'000, 3), "2.000");
  EXPECT_THROW(format_trimmed(1, 7), std::invalid_argument);
}

TEST(MicroUnits, ParseNamesWhatWasBeingParsed) {
  try {
    parse("x", "strike");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("strike 'x' is not a decimal number", 0), 0u);
  }
}

}  // namespace
}  // namespace dorado::micro_units
