#include <gtest/gtest.h>

#include "dorado/data/sources/payload_error.hpp"
#include "dorado/data/sources/yahoo_chart.hpp"
#include "dorado/data/sources/yahoo_client.hpp"
#include "fake_server.hpp"
#include "source_test_support.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono_literals;
using test::fixture;
using test::Reply;
using test::utc_midnight;
using test::ymd;

// --- the pure parser on recorded payloads ---

TEST(YahooChartParser, RecordedSpyPayload) {
  const YahooChart chart = parse_yahoo_chart(fixture("yahoo_spy_daily.json"));
  EXPECT_EQ(chart.symbol, "SPY");
  EXPECT_EQ(chart.currency, "USD");
  EXPECT_EQ(chart.exchange_timezone, "America/New_York");
  EXPECT_EQ(chart.skipped_null_rows, 0u);
  EXPECT_EQ(chart.dropped_live_bar, std::nullopt);  // regularMarketTime == regular end: closed
  ASSERT_EQ(chart.bars.size(), 5u);
  // 1770993000 = 2026-02-13 14:30 UTC = 09:30 New York: trade date 2026-02-13.
  // Monday 16 Feb is Presidents' Day, so the next bar is the 17th.
  const std::vector<Date> dates{ymd(2026, 2, 13), ymd(2026, 2, 17), ymd(2026, 2, 18),
                                ymd(2026, 2, 19), ymd(2026, 2, 20)};
  for (std::size_t i = 0; i < dates.size(); ++i) {
    EXPECT_EQ(chart.bars[i].date(), dates[i]) << i;
    EXPECT_EQ(chart.bars[i].time, Timestamp{std::chrono::sys_days{dates[i]}}) << i;
  }
  // float32 noise rounded to priceHint = 2 decimals.
  const Bar& first = chart.bars[0];
  EXPECT_EQ(first.open, 681.69);
  EXPECT_EQ(first.high, 686.28);
  EXPECT_EQ(first.low, 677.52);
  EXPECT_EQ(first.close, 681.75);
  EXPECT_EQ(first.volume, 96267500.0);
  EXPECT_EQ(first.adjusted_close, 681.75);
  const Bar& last = chart.bars[4];
  EXPECT_EQ(last.open, 682.32);
  EXPECT_EQ(last.high, 690.06);
  EXPECT_EQ(last.low, 681.73);
  EXPECT_EQ(last.close, 689.43);
  EXPECT_EQ(last.volume, 99952100.0);
  EXPECT_EQ(last.adjusted_close, 689.4299926757812);  // adjusted close kept as sent
  for (const Bar& bar : chart.bars) EXPECT_TRUE(bar.is_valid());
}

TEST(YahooChartParser, NullRowsAreSkippedAndTheLiveBarDropped) {
  const YahooChart chart = parse_yahoo_chart(fixture("yahoo_vix_nulls_live.json"));
  EXPECT_EQ(chart.symbol, "^VIX");
  EXPECT_EQ(chart.exchange_timezone, "America/Chicago");
  EXPECT_EQ(chart.skipped_null_rows, 1u);  // 4 July
  // regularMarketTime 1720458000 is before the session end 1720469700 (15:15 CT).
  EXPECT_EQ(chart.dropped_live_bar, ymd(2024, 7, 8));
  ASSERT_EQ(chart.bars.size(), 4u);
  EXPECT_EQ(chart.bars[0].date(), ymd(2024, 7, 1));
  EXPECT_EQ(chart.bars[2].date(), ymd(2024, 7, 3));
  EXPECT_EQ(chart.bars[3].date(), ymd(2024, 7, 5));
  EXPECT_EQ(chart.bars[3].close, 12.48);
  EXPECT_EQ(chart.bars[3].volume, 0.0);
}

TEST(YahooChartParser, TradeDateComesFromTheExchangeTimeZone) {
  // FX bars start at 00:00 London, which is 23:00 UTC the day before in summer.
  const YahooChart chart = parse_yahoo_chart(fixture("yahoo_usdjpy_london.json"));
  ASSERT_EQ(chart.bars.size(), 3u);
  EXPECT_EQ(chart.bars[0].date(), ymd(2024, 6, 3));  // 1717369200 = 2024-06-02 23:00 UTC
  EXPECT_EQ(chart.bars[0].close, 156.888);           // priceHint 4
  EXPECT_EQ(chart.bars[2].date(), ymd(2024, 6, 5));
  EXPECT_EQ(chart.bars[2].low, 154.527);
}

TEST(YahooChartParser, ErrorsNameThePlace) {
  const auto error_at = [](const std::string& payload) {
    return test::payload_error_of([&] { parse_yahoo_chart(payload); });
  };
  const std::string spy = fixture("yahoo_spy_daily.json");
  EXPECT_EQ(error_at(spy.substr(0, 700)), "byte 701: not valid JSON (truncated?)");
  EXPECT_EQ(error_at(R"({"chart":null})"), "chart: is null (Yahoo answers this when unwell)");
  EXPECT_EQ(
      error_at(fixture("yahoo_not_found.json")),
      R"(chart.error: {"code":"Not Found","description":"No data found, symbol may be delisted"})");
  std::string short_close = spy;
  short_close.replace(short_close.find("\"close\":[681.75,"), 16, "\"close\":[");
  EXPECT_EQ(error_at(short_close),
            "chart.result[0].indicators.quote[0].close: has 4 values for 5 timestamps");
  std::string text_price = spy;
  text_price.replace(text_price.find("681.6900024414062"), 17, "\"681.69\"");
  EXPECT_EQ(error_at(text_price),
            "chart.result[0].indicators.quote[0].open[0]: expected a number, found string");
  std::string bad_zone = spy;
  bad_zone.replace(bad_zone.find("America/New_York"), 16, "Mars/Olympus");
  EXPECT_EQ(error_at(bad_zone),
            "chart.result[0].meta.exchangeTimezoneName: unknown time zone \"Mars/Olympus\"");
}

TEST(YahooChartParser, ErrorDescription) {
  EXPECT_EQ(yahoo_error_description(fixture("yahoo_not_found.json")),
            "No data found, symbol may be delisted");
  EXPECT_EQ(yahoo_error_description("Too Many Requests"), std::nullopt);
}

// --- the client against a fake Yahoo ---

struct YahooFixture : ::testing::Test {
  test::FakeServer server;
  test::TestHttp t;
  YahooClient client{YahooConfig{.base_url = server.base_url()}, t.http};
};

TEST_F(YahooFixture, FetchesDailyBarsWithTheDocumentedRequest) {
  server.script("/v8/finance/chart/SPY", {Reply{200, fixture("yahoo_spy_daily.json")}});
  const YahooChart chart = client.daily_bars("SPY", {ymd(2026, 2, 17), ymd(2026, 2, 19)});
  ASSERT_EQ(chart.bars.size(), 3u);  // only the dates asked for
  EXPECT_EQ(chart.bars.front().date(), ymd(2026, 2, 17));
  EXPECT_EQ(chart.bars.back().date(), ymd(2026, 2, 19));
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].param("interval"), "1d");
  EXPECT_EQ(seen[0].param("includeAdjustedClose"), "true");
  EXPECT_EQ(seen[0].param("period1"), "1771200000");  // 2026-02-16 00:00 UTC, a day early
  EXPECT_EQ(seen[0].param("period2"), "1771632000");  // 2026-02-21 00:00 UTC
  EXPECT_EQ(seen[0].header("User-Agent"), kBrowserUserAgent);
}

TEST_F(YahooFixture, EncodesSymbolsInThePath) {
  server.script("/v8/finance/chart/^VIX", {Reply{200, fixture("yahoo_vix_nulls_live.json")}});
  const YahooChart chart = client.daily_bars("^VIX", {ymd(2024, 7, 1), ymd(2024, 7, 8)});
  EXPECT_EQ(chart.bars.size(), 4u);
  EXPECT_EQ(chart.dropped_live_bar, ymd(2024, 7, 8));
}

TEST_F(YahooFixture, UnknownSymbolIsNotFoundWithYahoosDescription) {
  server.script("/v8/finance/chart/NOPE", {Reply{404, fixture("yahoo_not_found.json")}});
  try {
    client.daily_bars("NOPE", {ymd(2024, 7, 1), ymd(2024, 7, 8)});
    FAIL() << "expected NotFound";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.failure(), SourceFailure::NotFound);
    EXPECT_EQ(e.details().source, "yahoo");
    EXPECT_EQ(e.details().reason, "unknown symbol NOPE: No data found, symbol may be delisted");
    EXPECT_EQ(e.status(), 404);
  }
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_F(YahooFixture, RateLimitedThenServed) {
  server.script("/v8/finance/chart/SPY",
                {Reply{429, "Too Many Requests", "text/plain", {{"Retry-After", "30"}}},
                 Reply{200, fixture("yahoo_spy_daily.json")}});
  EXPECT_EQ(client.daily_bars("SPY", {ymd(2026, 2, 13), ymd(2026, 2, 20)}).bars.size(), 5u);
  EXPECT_EQ(t.recorded.waits, (std::vector{30'000ms}));
}

TEST_F(YahooFixture, ServerErrorThenServed) {
  server.script("/v8/finance/chart/SPY",
                {Reply{500, "<html>Will be right back</html>", "text/html"},
                 Reply{200, fixture("yahoo_spy_daily.json")}});
  EXPECT_EQ(client.daily_bars("SPY", {ymd(2026, 2, 13), ymd(2026, 2, 20)}).bars.size(), 5u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST_F(YahooFixture, TruncatedBodyIsMalformedNamingTheSource) {
  const std::string body = fixture("yahoo_spy_daily.json");
  server.script("/v8/finance/chart/SPY", {Reply{200, body.substr(0, 1200)}});
  try {
    client.daily_bars("SPY", {ymd(2026, 2, 13), ymd(2026, 2, 20)});
    FAIL() << "expected MalformedBody";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
    EXPECT_EQ(e.details().source, "yahoo");
    EXPECT_EQ(e.details().reason, "malformed body at byte 1201: not valid JSON (truncated?)");
    EXPECT_EQ(std::string(e.what()).rfind("yahoo: malformed_body: ", 0), 0u) << e.what();
  }
}

TEST_F(YahooFixture, RejectsAnInvertedRange) {
  EXPECT_THROW(client.daily_bars("SPY", {ymd(2024, 7, 8), ymd(2024, 7, 1)}), std::invalid_argument);
  EXPECT_EQ(server.request_count(), 0u);
}

}  // namespace
}  // namespace dorado::data
