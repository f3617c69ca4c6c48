// The macro feature pipeline: publication rules, hand-checked values, and the
// no-look-ahead property on the synthetic market.
#include "dorado/regime/features/macro_features.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>

#include "synthetic_macro_inputs.hpp"

namespace dorado::regime::features {
namespace {

using namespace std::chrono;

TEST(MacroFeaturePublication, WeeklyReleasesLandOnTheirWeekday) {
  // Claims for the week ending Saturday 2008-10-04 came out Thursday 2008-10-09.
  EXPECT_EQ(release_date(Publication::ClaimsThursday, 2008y / October / 4), 2008y / October / 9);
  // NFCI of the week ending Friday 2008-10-03 was published Wednesday 2008-10-08.
  EXPECT_EQ(release_date(Publication::NfciWednesday, 2008y / October / 3), 2008y / October / 8);
  // COT positions of Tuesday 2017-01-03 were released Friday 2017-01-06.
  EXPECT_EQ(release_date(Publication::CotFriday, 2017y / January / 3), 2017y / January / 6);
  EXPECT_EQ(release_date(Publication::NextDay, 2008y / October / 31), 2008y / November / 1);
  EXPECT_EQ(release_date(Publication::AtClose, 2008y / October / 31), 2008y / October / 31);
}

// A tiny market: ten weekdays from Monday 2024-01-01, and one input per rule.
MacroInputs tiny_inputs() {
  MacroInputs in;
  for (int d : {1, 2, 3, 4, 5, 8, 9, 10, 11, 12}) in.trading_days.push_back(2024y / January / d);
  InputSeries spy{Publication::AtClose, {}};
  for (std::size_t i = 0; i < in.trading_days.size(); ++i)
    spy.observations.push_back({in.trading_days[i], 100.0 + static_cast<double>(i)});
  in.series["SPY"] = spy;
  in.series["T10Y2Y"] = {Publication::NextDay,
                         {{2024y / January / 1, 0.5}, {2024y / January / 2, 0.6}}};
  in.series["NFCI"] = {Publication::NfciWednesday,
                       {{2024y / January / 5, -0.4}, {2024y / January / 12, -0.3}}};
  return in;
}

TEST(MacroFeatures, EachValueEntersOnItsReleaseDay) {
  const FeatureFrame f = build_macro_features(tiny_inputs());
  const auto curve = f.column("T10Y2Y");
  const auto nfci = f.column("NFCI");
  ASSERT_GE(curve, 0);
  ASSERT_GE(nfci, 0);
  // FRED's value of Monday the 1st is used from Tuesday; Tuesday's from Wednesday.
  EXPECT_TRUE(std::isnan(f.values(0, curve)));
  EXPECT_EQ(f.values(1, curve), 0.5);
  EXPECT_EQ(f.values(2, curve), 0.6);
  EXPECT_EQ(f.values(9, curve), 0.6);
  // NFCI of Friday the 5th is published Wednesday the 10th (row 7); the
  // week of the 12th is not published inside the window.
  EXPECT_TRUE(std::isnan(f.values(6, nfci)));
  EXPECT_EQ(f.values(7, nfci), -0.4);
  EXPECT_EQ(f.values(9, nfci), -0.4);
  // Absent inputs give NaN columns, not zeros.
  EXPECT_TRUE(std::isnan(f.values(9, f.column("VIX"))));
}

TEST(MacroFeatures, ClaimsZScoreIsAgainstThe52WeeksBefore) {
  MacroInputs in = tiny_inputs();
  InputSeries claims{Publication::ClaimsThursday, {}};
  // 52 weeks alternating 200k and 250k, then 300k in the week ending 2023-12-30
  // (published Thursday 2024-01-04).
  sys_days week = sys_days{2023y / December / 30} - weeks{52};
  for (int w = 0; w < 52; ++w, week += weeks{1})
    claims.observations.push_back({Date{week}, w % 2 == 0 ? 200e3 : 250e3});
  claims.observations.push_back({Date{week}, 300e3});
  in.series["ICSA"] = claims;
  const FeatureFrame f = build_macro_features(in);
  const auto z = f.column("ICSA_Z");
  // Logs: 26 x ln 200k and 26 x ln 250k: mean m = (ln 200k + ln 250k) / 2,
  // sample sd = (ln 250k - ln 200k) / 2 * sqrt(52 / 51).
  const double m = 0.5 * (std::log(200e3) + std::log(250e3));
  const double sd = 0.5 * (std::log(250e3) - std::log(200e3)) * std::sqrt(52.0 / 51.0);
  EXPECT_TRUE(std::isnan(f.values(2, z)));  // Wednesday the 3rd: not yet published
  EXPECT_NEAR(f.values(3, z), (std::log(300e3) - m) / sd, 1e-12);
  EXPECT_NEAR(f.values(3, f.column("ICSA_LOG")), std::log(300e3), 1e-12);
}

// Every observation published after day `cut` changed: bars after it, FRED
// values of `cut` and later, weekly values released after it.
MacroInputs perturbed_after(const MacroInputs& in, Date cut, std::mt19937_64& rng) {
  MacroInputs out = in;
  std::uniform_real_distribution<double> factor(0.5, 1.5);
  for (auto& [name, series] : out.series)
    for (auto& o : series.observations)
      if (release_date(series.publication, o.observed) > cut) o.value *= factor(rng);
  return out;
}

bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

TEST(MacroFeatures, NoFeatureOfDayTUsesDataPublishedAfterT) {
  const data::synthetic::SyntheticMarket market;
  const MacroInputs inputs = testing::synthetic_macro_inputs(market);
  const FeatureFrame base = build_macro_features(inputs);
  ASSERT_GT(base.names.size(), 50u);
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::size_t> pick(260, base.dates.size() - 2);
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t t = pick(rng);
    const FeatureFrame changed = build_macro_features(perturbed_after(inputs, base.dates[t], rng));
    for (Eigen::Index r = 0; r <= static_cast<Eigen::Index>(t); ++r)
      for (Eigen::Index c = 0; c < base.values.cols(); ++c)
        ASSERT_TRUE(same(base.values(r, c), changed.values(r, c)))
            << base.names[static_cast<std::size_t>(c)] << " on "
            << to_iso_date(base.dates[static_cast<std::size_t>(r)]) << " changed when data after "
            << to_iso_date(base.dates[t]) << " changed";
    // The check can fail: the day after the cut does move.
    bool moved = false;
    for (Eigen::Index c = 0; c < base.values.cols(); ++c)
      moved = moved || !same(base.values(static_cast<Eigen::Index>(t) + 1, c),
                             changed.values(static_cast<Eigen::Index>(t) + 1, c));
    EXPECT_TRUE(moved) << "nothing moved on the day after " << to_iso_date(base.dates[t]);
  }
}

TEST(MacroFeatures, ModelHistoryKeepsFeaturesWithEnoughHistory) {
  const data::synthetic::SyntheticMarket market;
  const FeatureFrame frame = build_macro_features(testing::synthetic_macro_inputs(market));
  const auto h = model_history(frame, {default_model_features(), 2016y / December / 31, 756});
  EXPECT_EQ(h.names, default_model_features());
  EXPECT_NO_THROW(h.validate());
  EXPECT_EQ(h.dates.back(), frame.dates.back());
  // SPY's 200-day average is the last to fill: 199 trading days after the first.
  EXPECT_EQ(h.dates.front(), frame.dates[199]);
  // A training end too early for any feature is refused with the reason.
  EXPECT_THROW(model_history(frame, {default_model_features(), 2005y / June / 30, 756}),
               std::invalid_argument);
}

}  // namespace
}  // namespace dorado::regime::features
