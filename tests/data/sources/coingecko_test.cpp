#include <gtest/gtest.h>

#include "dorado/data/sources/coingecko_client.hpp"
#include "dorado/data/sources/payload_error.hpp"
#include "fake_server.hpp"
#include "source_test_support.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono_literals;
using test::fixture;
using test::Reply;
using test::ymd;

Timestamp at_ms(std::int64_t ms) {
  return Timestamp{std::chrono::milliseconds{ms}};
}

TEST(CoinGeckoParser, OnePointPerUtcDayFromItsFirstHour) {
  const auto days = parse_coingecko_market_chart(fixture("coingecko_bitcoin_range.json"));
  // 15 Jan 00:00:21 (not the 01:00 point), 16 Jan 00:04, 17 Jan 00:00; the
  // 17 Jan 13:37 and 18 Jan 10:12 "now" points are not daily values.
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0], (CoinDailyPoint{ymd(2025, 1, 15), at_ms(1736899221000), 96512.31,
                                     42011111111.5, 1911234567890.2}));
  EXPECT_EQ(days[1].date, ymd(2025, 1, 16));
  EXPECT_EQ(days[1].time, at_ms(1736985840000));
  EXPECT_EQ(days[1].price, 100443.1);
  EXPECT_EQ(days[2].date, ymd(2025, 1, 17));
  EXPECT_EQ(days[2].price, 99964.72);
  EXPECT_EQ(days[2].total_volume, 60123456789.1);
}

TEST(CoinGeckoParser, ErrorsNameTheArrayAndIndex) {
  const auto error_at = [](const std::string& payload) {
    return test::payload_error_of([&] { parse_coingecko_market_chart(payload); });
  };
  EXPECT_EQ(error_at(R"({"prices":[[1736899200000,"96512.31"]],"total_volumes":[]})"),
            "prices[0][1]: expected a number, found string");
  EXPECT_EQ(error_at(R"({"prices":[[1736899200000]],"total_volumes":[]})"),
            "prices[0]: expected [timestamp_ms, value]");
  EXPECT_EQ(error_at(R"({"prices":[]})"), "total_volumes: missing");
  EXPECT_EQ(error_at(R"({"prices":[[2,1.0],[1,1.0]],"total_volumes":[]})"),
            "prices[1][0]: timestamps are not ascending");
  // A hole CoinGecko sends as null is skipped, not read as zero.
  EXPECT_EQ(parse_coingecko_market_chart(R"({"prices":[[1736899200000,null]],"total_volumes":[]})")
                .size(),
            0u);
}

CoinGeckoConfig coingecko_config(const test::FakeServer& server, std::string key = "") {
  CoinGeckoConfig config;
  config.base_url = server.base_url();
  config.demo_api_key = std::move(key);
  return config;
}

struct CoinGeckoFixture : ::testing::Test {
  test::FakeServer server;
  test::TestHttp t;
  CoinGeckoClient client{coingecko_config(server), t.http};
  const ports::DateRange days{ymd(2025, 1, 15), ymd(2025, 1, 16)};
  const std::string path = "/coins/bitcoin/market_chart/range";

  SourceError expect_error(CoinGeckoClient& c, const std::string& coin) {
    return test::source_error_of([&] { c.daily_prices(coin, days); });
  }
};

TEST_F(CoinGeckoFixture, AsksForTheRangeAndKeepsItsDays) {
  server.script(path, {Reply{200, fixture("coingecko_bitcoin_range.json")}});
  const auto points = client.daily_prices("bitcoin", days);
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].date, ymd(2025, 1, 15));
  EXPECT_EQ(points[1].date, ymd(2025, 1, 16));
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].param("vs_currency"), "usd");
  EXPECT_EQ(seen[0].param("from"), "1736899200");  // 2025-01-15 00:00 UTC
  EXPECT_EQ(seen[0].param("to"), "1737072000");    // 2025-01-17 00:00 UTC
  EXPECT_EQ(seen[0].header("x-cg-demo-api-key"), "");
}

TEST_F(CoinGeckoFixture, SendsTheDemoKeyAsAHeaderAndNeverShowsIt) {
  CoinGeckoClient keyed{coingecko_config(server, "CG-secretdemokey"), t.http};
  server.script(path, {Reply{500, "upstream said CG-secretdemokey is fine"}});
  const SourceError e = expect_error(keyed, "bitcoin");
  EXPECT_EQ(server.received().front().header("x-cg-demo-api-key"), "CG-secretdemokey");
  EXPECT_EQ(std::string(e.what()).find("CG-secretdemokey"), std::string::npos) << e.what();
  EXPECT_EQ(e.details().body_excerpt, "upstream said REDACTED is fine");
}

TEST_F(CoinGeckoFixture, UnknownCoinIsNotFound) {
  server.script("/coins/notacoin/market_chart/range",
                {Reply{404, fixture("coingecko_not_found.json")}});
  const SourceError e = expect_error(client, "notacoin");
  EXPECT_EQ(e.failure(), SourceFailure::NotFound);
  EXPECT_EQ(e.details().reason, "unknown coin id notacoin: coin not found");
}

TEST_F(CoinGeckoFixture, RateLimitedThenServed) {
  server.script(path, {Reply{429,
                             fixture("coingecko_rate_limited.json"),
                             "application/json",
                             {{"Retry-After", "60"}}},
                       Reply{200, fixture("coingecko_bitcoin_range.json")}});
  EXPECT_EQ(client.daily_prices("bitcoin", days).size(), 2u);
  EXPECT_EQ(t.recorded.waits, (std::vector{60'000ms}));
}

TEST_F(CoinGeckoFixture, ServerErrorThenServed) {
  server.script(path, {Reply{500, "{}"}, Reply{200, fixture("coingecko_bitcoin_range.json")}});
  EXPECT_EQ(client.daily_prices("bitcoin", days).size(), 2u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST_F(CoinGeckoFixture, TruncatedBodyIsMalformed) {
  server.script(path, {Reply{200, fixture("coingecko_bitcoin_range.json").substr(0, 100)}});
  const SourceError e = expect_error(client, "bitcoin");
  EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
  EXPECT_EQ(e.details().source, "coingecko");
  EXPECT_EQ(e.details().reason, "malformed body at byte 101: not valid JSON (truncated?)");
}

}  // namespace
}  // namespace dorado::data
