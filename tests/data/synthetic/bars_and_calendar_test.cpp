// Bars are valid OHLCV and each instrument trades on its own calendar.
#include <gtest/gtest.h>

#include <set>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/synthetic/market_assets.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"

namespace dorado::data::synthetic {
namespace {

using namespace std::chrono;

const SyntheticMarket& market() {
  static const SyntheticMarket m;
  return m;
}

std::set<Date> dates_of(std::string_view symbol) {
  std::set<Date> out;
  for (const Bar& b : market().bars(symbol)) out.insert(b.date());
  return out;
}

TEST(SyntheticBars, EveryBarIsValidAndStampedAtMidnightUtc) {
  for (const std::string& symbol : market().symbols()) {
    const auto& bars = market().bars(symbol);
    ASSERT_FALSE(bars.empty()) << symbol;
    for (const Bar& b : bars) {
      ASSERT_TRUE(b.is_valid()) << symbol << " " << to_iso_date(b.date()) << ": "
                                << b.problems().front().message;
      ASSERT_EQ(b.time, Timestamp{sys_days{b.date()}});
      ASSERT_GE(b.high, std::max(b.open, b.close));
      ASSERT_LE(b.low, std::min(b.open, b.close));
    }
    for (std::size_t i = 1; i < bars.size(); ++i) ASSERT_LT(bars[i - 1].time, bars[i].time);
  }
}

TEST(SyntheticBars, IntradayRangesAreRealistic) {
  // SPY's mean (high - low) / close against its daily sigma: a Brownian day
  // averages about 1.6 sigma; real SPY bars show 1.3-1.8.
  const auto& bars = market().bars("SPY");
  double range = 0.0, sq = 0.0;
  for (std::size_t i = 1; i < bars.size(); ++i) {
    range += (bars[i].high - bars[i].low) / bars[i].close;
    const double r = std::log(bars[i].close / bars[i - 1].close);
    sq += r * r;
  }
  const double n = static_cast<double>(bars.size() - 1);
  const double ratio = (range / n) / std::sqrt(sq / n);
  EXPECT_GT(ratio, 1.2);
  EXPECT_LT(ratio, 1.9);
}

TEST(SyntheticBars, VolumesArePositiveForListedInstrumentsAndZeroForFx) {
  for (const auto& asset : market_assets()) {
    for (const Bar& b : market().bars(asset.symbol)) {
      if (asset.asset_class == AssetClass::Fx) {
        ASSERT_EQ(b.volume, 0.0);
      } else {
        ASSERT_GT(b.volume, 0.0) << asset.symbol;
      }
    }
  }
}

TEST(SyntheticBars, EquitiesTradeExactlyOnNyseDays) {
  const auto& nyse = calendar::calendar_named("nyse");
  const auto expected = nyse.trading_days(market().config().first_day, market().config().last_day);
  for (const char* symbol : {"SPY", "QQQ", "XLK", "XLU", "TLT", "LQD", "GLD", "VIX", "VIX3M"}) {
    const auto& bars = market().bars(symbol);
    ASSERT_EQ(bars.size(), expected.size()) << symbol;
    for (std::size_t i = 0; i < bars.size(); ++i) ASSERT_EQ(bars[i].date(), expected[i]);
  }
  const auto spy = dates_of("SPY");
  EXPECT_FALSE(spy.contains(Date{year{2024}, March, day{29}}));    // Good Friday
  EXPECT_FALSE(spy.contains(Date{year{2008}, March, day{21}}));    // Good Friday
  EXPECT_FALSE(spy.contains(Date{year{2012}, October, day{29}}));  // Hurricane Sandy
  EXPECT_FALSE(spy.contains(Date{year{2018}, December, day{5}}));  // President Bush's funeral
  EXPECT_FALSE(spy.contains(Date{year{2019}, July, day{4}}));
  EXPECT_TRUE(spy.contains(Date{year{2024}, March, day{28}}));
}

TEST(SyntheticBars, FxTradesWeekdaysButNotSaturdaysOrNewYear) {
  for (const char* pair : {"USDJPY", "AUDUSD"}) {
    const auto dates = dates_of(pair);
    for (const Date d : dates) {
      const weekday wd{sys_days{d}};
      ASSERT_NE(wd, Saturday) << pair << " " << to_iso_date(d);
      ASSERT_NE(wd, Sunday) << pair << " " << to_iso_date(d);
    }
    EXPECT_TRUE(dates.contains(Date{year{2024}, March, day{29}}));  // Good Friday trades in FX
    EXPECT_FALSE(dates.contains(Date{year{2024}, January, day{1}}));
    EXPECT_FALSE(dates.contains(Date{year{2024}, December, day{25}}));
  }
}

TEST(SyntheticBars, CryptoTradesEveryDay) {
  const auto& cfg = market().config();
  const auto day_count = (sys_days{cfg.last_day} - sys_days{cfg.first_day}).count() + 1;
  for (const char* coin : {"BTC", "ETH"}) {
    const auto& bars = market().bars(coin);
    ASSERT_EQ(static_cast<long>(bars.size()), day_count);
    for (std::size_t i = 0; i < bars.size(); ++i) {
      ASSERT_EQ(bars[i].date(),
                Date{sys_days{cfg.first_day} + std::chrono::days{static_cast<int>(i)}});
    }
  }
}

TEST(SyntheticBars, LookupsAndStoreRows) {
  const Date friday{year{2015}, March, day{20}};
  const auto bar = market().bar("SPY", friday);
  ASSERT_TRUE(bar.has_value());
  EXPECT_EQ(bar->date(), friday);
  EXPECT_FALSE(market().bar("SPY", Date{year{2015}, March, day{21}}).has_value());
  EXPECT_TRUE(market().bar("BTC", Date{year{2015}, March, day{21}}).has_value());
  EXPECT_THROW((void)market().bars("AAPL"), std::invalid_argument);

  const auto rows = market().ohlcv_rows("GLD");
  ASSERT_EQ(rows.size(), market().bars("GLD").size());
  EXPECT_EQ(rows.front().symbol, "GLD");
  EXPECT_EQ(rows.front().source, "synthetic");
  EXPECT_EQ(rows.front().close, market().bars("GLD").front().close);
  EXPECT_EQ(rows.front().bar_date, market().bars("GLD").front().date());
}

TEST(SyntheticMarketConfig, RejectsBadConfigurations) {
  SyntheticMarketConfig reversed;
  reversed.first_day = Date{year{2020}, January, day{1}};
  reversed.last_day = Date{year{2019}, January, day{1}};
  EXPECT_THROW(SyntheticMarket{reversed}, std::invalid_argument);

  SyntheticMarketConfig uncovered;
  uncovered.first_day = Date{year{1999}, January, day{1}};
  EXPECT_THROW(SyntheticMarket{uncovered}, std::invalid_argument);

  SyntheticMarketConfig bad_rate;
  bad_rate.chain_problems.zero_bids = 1.5;
  EXPECT_THROW(SyntheticMarket{bad_rate}, std::invalid_argument);

  SyntheticMarketConfig overlapping;
  overlapping.chain_problems.missing_greeks = 0.6;
  overlapping.chain_problems.stale_greeks = 0.6;
  EXPECT_THROW(SyntheticMarket{overlapping}, std::invalid_argument);
}

}  // namespace
}  // namespace dorado::data::synthetic
