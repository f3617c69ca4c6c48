// dorado bench --quick: every case prints its progress line and a figure.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_fixture.hpp"

namespace {

using dorado::cli_test::Outcome;
using dorado::cli_test::run_dorado;

TEST(BenchCommand, QuickRunPrintsEveryCaseWithItsFigure) {
  const Outcome r = run_dorado({"bench", "--quick"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* expected :
       {"median of 1 runs per case, 1000 option contracts",
        "[1/6] implied vol, listed-chain contracts ... ",
        "same-run reference (bisection to 1e-14 on the same contracts)", "; failures 0\n",
        "[2/6] price + greeks, the same contracts ... ", "ns/contract",
        "[3/6] ATR + ADX + RSI + SMA over 5,040 bars ... ", "us per instrument history",
        "[4/6] rolling 252-day Hurst over 5,040 bars ... ", "ms (rescaled range)",
        "[5/6] macro HMM training ... ", "6,300 days x 16 features",
        "[6/6] portfolio selection of 500 candidates ... ", "40 open positions; "})
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
  // One line per case after the header, each ending in its figure.
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 7u) << r.out;
}

TEST(BenchCommand, RejectsZeroRepetitions) {
  const Outcome r = run_dorado({"bench", "--repetitions", "0"});
  EXPECT_NE(r.exit_code, 0);
}

}  // namespace
