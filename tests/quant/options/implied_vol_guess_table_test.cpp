// The implied-vol guess table: the committed nodes are the generator's
// output, and the interpolated guesses are close enough for the solver to
// finish in one evaluation over the body of listed chains.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "quant/options/implied_vol_guess_table_generator.hpp"

namespace dorado::quant::iv_guess_table {
namespace {

void expect_nodes(const float* committed, const std::vector<float>& generated, const char* name) {
  ASSERT_EQ(generated.size(), static_cast<std::size_t>(kRows * kColumns));
  int differing = 0;
  for (std::size_t k = 0; k < generated.size(); ++k) {
    // A different libm may round the last float bit otherwise; a guess does not care.
    if (std::fabs(committed[k] - generated[k]) > 2.5e-7 * std::fabs(generated[k])) ++differing;
  }
  EXPECT_EQ(differing, 0) << name << ": regenerate implied_vol_guess_table.cpp";
}

TEST(ImpliedVolGuessTable, CommittedNodesMatchTheGenerator) {
  if (const char* path = std::getenv("DORADO_WRITE_IV_GUESS_TABLE")) {
    std::ofstream(path) << source_file();
    GTEST_SKIP() << "wrote " << path << "; rebuild and rerun to check it";
  }
  expect_nodes(kLower, lower_nodes(), "kLower");
  expect_nodes(kUpper, upper_nodes(), "kUpper");
}

TEST(ImpliedVolGuessTable, NodesAreTheExactInverses) {
  // Row 32 is a = 1/4; column 300 is r = 2^-32 (1 + 12/16) 2^18 = 2^-14 * 1.75.
  const double a = 0.25, r = 0x1p-14 * 1.75;
  EXPECT_EQ(column_ratio(300), r);
  EXPECT_EQ(column_ratio(kColumns - 1), 1.0);
  const double s = static_cast<double>(kLower[32 * kColumns + 300]);
  const double t = static_cast<double>(kUpper[32 * kColumns + 300]);
  EXPECT_NEAR(log_b_fraction(a, s), std::log(r), 1e-5);
  EXPECT_NEAR(log_c_fraction(a, t), std::log(r), 1e-5);
  EXPECT_LT(s, std::sqrt(2.0 * a));
  EXPECT_GT(t, std::sqrt(2.0 * a));
}

// Guesses within 1e-3 of the root wherever 0.15 <= |ln(F/K)| <= 0.95 and
// s = vol sqrt(T) lies in [s_c / 10, 3 s_c] (both branches) with a ratio on
// the grid: the solver's fifth-order step then finishes in one evaluation.
TEST(ImpliedVolGuessTable, GuessesAreWithinOneInAThousand) {
  double worst = 0.0;
  int checked = 0;
  for (double a = 0.15; a <= 0.95; a += 0.0071) {
    const double s_c = std::sqrt(2.0 * a);
    for (double q = 0.1; q <= 3.0; q *= 1.0173) {
      const double s = q * s_c;
      const double log_r = s < s_c ? log_b_fraction(a, s) : log_c_fraction(a, s);
      if (log_r < std::log(kMinRatio)) continue;
      const double guess =
          s < s_c ? lower_guess(s_c, std::exp(log_r)) : upper_guess(s_c, std::exp(log_r));
      ASSERT_TRUE(std::isfinite(guess)) << a << " " << s;
      worst = std::max(worst, std::fabs(guess / s - 1.0));
      ++checked;
    }
  }
  EXPECT_GT(checked, 15000);
  EXPECT_LT(worst, 1e-3);
}

TEST(ImpliedVolGuessTable, OffTheGridIsNaN) {
  EXPECT_TRUE(std::isnan(lower_guess(1.5, 0.1)));      // a > kMaxA
  EXPECT_TRUE(std::isnan(lower_guess(0.5, 0x1p-33)));  // r < kMinRatio
  EXPECT_TRUE(std::isnan(upper_guess(0.5, 1.0)));      // r at the bound
  EXPECT_TRUE(std::isnan(upper_guess(std::numeric_limits<double>::quiet_NaN(), 0.5)));
  EXPECT_FALSE(std::isnan(upper_guess(0.5, 0.5)));
}

}  // namespace
}  // namespace dorado::quant::iv_guess_table
