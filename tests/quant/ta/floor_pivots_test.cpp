#include "dorado/quant/ta/floor_pivots.hpp"

#include <gtest/gtest.h>

#include "ta_test_support.hpp"

namespace dorado::quant::ta {
namespace {

using testing::bar;

// Hand-worked: H 110, L 100, C 105 -> P = 315/3 = 105, R1 = 210 - 100 = 110,
// S1 = 210 - 110 = 100, R2 = 105 + 10 = 115, S2 = 95;
// Traditional R3 = 110 + 2(105 - 100) = 120, S3 = 100 - 2(110 - 105) = 90;
// Classic     R3 = 105 + 2 * 10 = 125,        S3 = 105 - 20 = 85.
TEST(FloorPivots, HandWorkedBothStyles) {
  const auto t = floor_pivots(110, 100, 105);
  EXPECT_DOUBLE_EQ(t.pivot, 105);
  EXPECT_DOUBLE_EQ(t.r1, 110);
  EXPECT_DOUBLE_EQ(t.s1, 100);
  EXPECT_DOUBLE_EQ(t.r2, 115);
  EXPECT_DOUBLE_EQ(t.s2, 95);
  EXPECT_DOUBLE_EQ(t.r3, 120);
  EXPECT_DOUBLE_EQ(t.s3, 90);
  const auto c = floor_pivots(110, 100, 105, PivotStyle::Classic);
  EXPECT_DOUBLE_EQ(c.r1, 110);
  EXPECT_DOUBLE_EQ(c.r3, 125);
  EXPECT_DOUBLE_EQ(c.s3, 85);
}

// bukosabino/ta test/data/cs-pp.csv (an independent implementation's table,
// "Classic" R3/S3 = P +/- 2(H - L)): H 105.99, L 99.88, C 102.73 ->
// pp 102.86666666666667, s1 99.74333333333335, s2 96.75666666666667,
// s3 90.64666666666668, r1 105.85333333333335, r2 108.97666666666667,
// r3 115.08666666666667. Traditional R3 by hand: 105.99 + 2(2.986667) = 111.963333.
TEST(FloorPivots, MatchesAPublishedTable) {
  const auto c = floor_pivots(105.99, 99.88, 102.73, PivotStyle::Classic);
  EXPECT_NEAR(c.pivot, 102.86666666666667, 1e-12);
  EXPECT_NEAR(c.s1, 99.74333333333335, 1e-12);
  EXPECT_NEAR(c.s2, 96.75666666666667, 1e-12);
  EXPECT_NEAR(c.s3, 90.64666666666668, 1e-12);
  EXPECT_NEAR(c.r1, 105.85333333333335, 1e-12);
  EXPECT_NEAR(c.r2, 108.97666666666667, 1e-12);
  EXPECT_NEAR(c.r3, 115.08666666666667, 1e-12);
  EXPECT_NEAR(floor_pivots(105.99, 99.88, 102.73).r3, 111.96333333333333, 1e-12);
}

TEST(FloorPivots, SeriesUsesThePreviousBarAndStreamingAgrees) {
  const auto bars = testing::random_market(3000, 51);
  for (PivotStyle style : {PivotStyle::Traditional, PivotStyle::Classic}) {
    const auto series = floor_pivot_series(bars, style);
    EXPECT_FALSE(series[0].defined());
    FloorPivotTracker tracker(style);
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const auto& p = tracker.update(bars[i]);
      EXPECT_EQ(p.defined(), series[i].defined());
      if (i == 0) continue;
      EXPECT_EQ(p.pivot, series[i].pivot);
      EXPECT_EQ(p.r3, series[i].r3);
      EXPECT_EQ(p.s3, series[i].s3);
      const auto expected =
          floor_pivots(bars[i - 1].high, bars[i - 1].low, bars[i - 1].close, style);
      EXPECT_EQ(series[i].r2, expected.r2);
      // Ordered ladder whenever the previous bar had a range.
      EXPECT_LT(p.s3, p.s2);
      EXPECT_LT(p.s2, p.s1);
      EXPECT_LE(p.s1, p.pivot);
      EXPECT_LE(p.pivot, p.r1);
      EXPECT_LT(p.r1, p.r2);
      EXPECT_LT(p.r2, p.r3);
    }
    EXPECT_EQ(tracker.next().pivot,
              floor_pivots(bars.back().high, bars.back().low, bars.back().close, style).pivot);
  }
}

}  // namespace
}  // namespace dorado::quant::ta
