// Status of a series: gaps, the last day due and how far behind it is.
#include "dorado/data/pipeline/series_status.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/pipeline/fetch_plan.hpp"
#include "dorado/data/pipeline/fetch_progress.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;

const auto& nyse() {
  return calendar::calendar_named("nyse");
}

TEST(SeriesStatus, DailySeriesGapsAndBehind) {
  // March 2024: the 5th and the 8th-12th missing; last bar Thursday the 14th.
  const std::vector<Date> days{2024y / 3 / 4, 2024y / 3 / 6, 2024y / 3 / 7, 2024y / 3 / 13,
                               2024y / 3 / 14};
  // Now: Tuesday 2024-03-19 22:00 UTC, after the close: 15th, 18th, 19th are due.
  const auto s =
      daily_status(ports::SeriesKind::Ohlcv, "SPY", days, nyse(), sys_days{2024y / 3 / 19} + 22h);
  EXPECT_EQ(s.first, 2024y / 3 / 4);
  EXPECT_EQ(s.last, 2024y / 3 / 14);
  EXPECT_EQ(s.rows, 5);
  EXPECT_EQ(s.cadence, "daily (nyse)");
  EXPECT_EQ(s.gaps, 4);
  EXPECT_EQ(s.last_expected, 2024y / 3 / 19);
  EXPECT_EQ(s.behind, 3);
  EXPECT_TRUE(s.stale);
}

TEST(SeriesStatus, UpToDateOverTheWeekendAndOneDayBehindIsNotStale) {
  const std::vector<Date> days{2024y / 3 / 14, 2024y / 3 / 15};
  const auto weekend =
      daily_status(ports::SeriesKind::Ohlcv, "SPY", days, nyse(), sys_days{2024y / 3 / 17} + 12h);
  EXPECT_EQ(weekend.behind, 0);
  EXPECT_FALSE(weekend.stale);
  // Monday after the close, before the fetch: one behind, not stale.
  const auto monday =
      daily_status(ports::SeriesKind::Ohlcv, "SPY", days, nyse(), sys_days{2024y / 3 / 18} + 21h);
  EXPECT_EQ(monday.behind, 1);
  EXPECT_FALSE(monday.stale);
}

TEST(SeriesStatus, CryptoCountsEveryDay) {
  const std::vector<Date> days{2024y / 3 / 1, 2024y / 3 / 2, 2024y / 3 / 4};
  const auto s = daily_status(ports::SeriesKind::Ohlcv, "BTC", days,
                              calendar::calendar_named("crypto"), sys_days{2024y / 3 / 8} + 1h);
  EXPECT_EQ(s.gaps, 1);
  EXPECT_EQ(s.last_expected, 2024y / 3 / 7);
  EXPECT_EQ(s.behind, 3);  // 5th, 6th, 7th
}

TEST(SeriesStatus, WeeklySeriesAllowOnePeriodOfPublicationLag) {
  // ICSA: Saturdays; 2024-01-27 missing.
  const std::vector<Date> days{2024y / 1 / 6, 2024y / 1 / 13, 2024y / 1 / 20, 2024y / 2 / 3};
  const auto cadence = cadence_of(days);
  // Thursday 2024-02-15: 12 days after the last week-end date: one week's lag, not behind.
  const auto s = periodic_status(ports::SeriesKind::Macro, "ICSA", days, cadence,
                                 sys_days{2024y / 2 / 15} + 14h);
  EXPECT_EQ(s.cadence, "weekly");
  EXPECT_EQ(s.gaps, 1);
  EXPECT_EQ(s.behind, 0);
  // Five weeks later: 4 weeks behind.
  const auto later =
      periodic_status(ports::SeriesKind::Macro, "ICSA", days, cadence, sys_days{2024y / 3 / 9});
  EXPECT_EQ(later.behind, 4);
  EXPECT_TRUE(later.stale);
}

TEST(FetchPlan, UniverseThenRegimeFeaturesOnceEach) {
  const std::vector<FetchUnderlying> universe{{"SPY", AssetClass::EquityOptions, "SPY", true},
                                              {"USDJPY", AssetClass::Fx, "USDJPY=X", true},
                                              {"BTC", AssetClass::Crypto, "BTC-USD", true},
                                              {"GLD", AssetClass::EquityOptions, "GLD", false}};
  const auto jobs = plan_fetch(universe);
  std::vector<std::string> labels;
  for (const auto& j : jobs) labels.push_back(j.label() + "->" + j.series);
  EXPECT_THAT(labels, ElementsAre("yahoo SPY->SPY", "yahoo USDJPY=X->USDJPY", "yahoo BTC-USD->BTC",
                                  "yahoo ^VIX->^VIX", "yahoo ^VIX3M->^VIX3M", "yahoo XLK->XLK",
                                  "yahoo XLU->XLU", "yahoo LQD->LQD", "yahoo TLT->TLT",
                                  "fred T10Y2Y->T10Y2Y", "fred DGS2->DGS2", "fred DGS10->DGS10",
                                  "fred DBAA->DBAA", "fred DAAA->DAAA", "fred ICSA->ICSA",
                                  "fred NFCI->NFCI", "fred T10YIE->T10YIE", "fred VIXCLS->VIXCLS",
                                  "cftc ES->COT:ES", "cftc NQ->COT:NQ", "cftc VX->COT:VX",
                                  "binance BTCUSDT->BTCUSDT", "hyperliquid BTC->BTC"));
  EXPECT_EQ(jobs[1].asset_class, AssetClass::Fx);
  EXPECT_EQ(jobs[21].kind, ports::SeriesKind::Funding);
}

TEST(ProgressBar, RedrawsInPlaceWithCountsAndTheCurrentSeries) {
  std::ostringstream out;
  ProgressBar bar(out, 10);
  bar.step(0, 4, "yahoo SPY");
  bar.step(2, 4, "fred T10Y2Y");
  bar.finish(4);
  EXPECT_EQ(out.str(),
            "\r[..........] 0/4 yahoo SPY"
            "\r[#####.....] 2/4 fred T10Y2Y"
            "\r[##########] 4/4 done       \n");
}

}  // namespace
}  // namespace dorado::data
