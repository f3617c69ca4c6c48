#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dorado/data/sources/funding_clients.hpp"
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

std::string parse_error(std::vector<ports::FundingRate> (*parser)(std::string_view),
                        const std::string& payload) {
  return test::payload_error_of([&] { parser(payload); });
}

// --- parsers ---

TEST(BinanceFundingParser, RecordedPrints) {
  const auto rates = parse_binance_funding(fixture("binance_funding_btcusdt.json"));
  ASSERT_EQ(rates.size(), 9u);  // 1-3 Jan 2020, every 8 h
  EXPECT_EQ(rates[0],
            (ports::FundingRate{"binance", "BTCUSDT", at_ms(1577836800000), -0.00012359}));
  EXPECT_EQ(rates[3].funding_time, at_ms(1577923200002));  // Binance's few-ms lateness kept
  EXPECT_EQ(rates[3].rate, 0.00003662);
  EXPECT_EQ(rates[8].rate, 0.0001);
}

TEST(BinanceFundingParser, ErrorsNameRowAndField) {
  EXPECT_EQ(parse_error(parse_binance_funding,
                        R"([{"symbol":"BTCUSDT","fundingRate":0.0001,"fundingTime":1}])"),
            "[0].fundingRate: expected a string, found number");
  EXPECT_EQ(parse_error(parse_binance_funding,
                        R"([{"symbol":"BTCUSDT","fundingRate":"x","fundingTime":1}])"),
            "[0].fundingRate: \"x\" is not a decimal number");
  EXPECT_EQ(
      parse_error(parse_binance_funding, R"([{"symbol":"B","fundingRate":"0","fundingTime":2},)"
                                         R"({"symbol":"B","fundingRate":"0","fundingTime":2}])"),
      "[1].fundingTime: funding times are not strictly ascending");
  EXPECT_EQ(parse_error(parse_binance_funding, R"({"code":-1121,"msg":"Invalid symbol."})"),
            "top level: expected an array, found object");
}

TEST(HyperliquidFundingParser, RecordedShape) {
  const auto rates = parse_hyperliquid_funding(fixture("hyperliquid_funding_btc.json"));
  ASSERT_EQ(rates.size(), 4u);
  EXPECT_EQ(rates[0], (ports::FundingRate{"hyperliquid", "BTC", at_ms(1704067200048), 0.0000125}));
  EXPECT_EQ(rates[2].rate, -0.0000034);
  EXPECT_EQ(rates[3].funding_time, at_ms(1704067200048 + 3 * 3'600'000));
  EXPECT_EQ(parse_error(parse_hyperliquid_funding, R"([{"coin":"BTC","fundingRate":"0.1"}])"),
            "[0].time: missing");
}

// --- a fake Binance: serves rows of an 8-hourly series from startTime, `limit` at a time ---

constexpr std::int64_t kEightHours = 8 * 3'600'000;

std::string binance_page(std::int64_t first, std::int64_t start, std::int64_t end,
                         std::size_t limit, std::size_t total) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < total && rows.size() < limit; ++i) {
    const std::int64_t time = first + static_cast<std::int64_t>(i) * kEightHours;
    if (time < start || time > end) continue;
    rows.push_back({{"symbol", "BTCUSDT"},
                    {"fundingTime", time},
                    {"fundingRate", "0.000" + std::to_string(10 + i)},
                    {"markPrice", "43000.00000000"}});
  }
  return rows.dump();
}

BinanceFundingConfig binance_config(const test::FakeServer& server, int page_limit = 1000) {
  BinanceFundingConfig config;
  config.base_url = server.base_url();
  config.page_limit = page_limit;
  return config;
}

struct BinanceFixture : ::testing::Test {
  test::FakeServer server;
  test::TestHttp t;
  BinanceFundingClient client{binance_config(server), t.http};
  const std::string path = "/fapi/v1/fundingRate";
  const ports::DateRange january{ymd(2020, 1, 1), ymd(2020, 1, 3)};

  SourceError expect_error(const std::string& symbol) {
    return test::source_error_of([&] { client.funding_history(symbol, january); });
  }
};

TEST_F(BinanceFixture, AsksForTheWholeDays) {
  server.script(path, {Reply{200, fixture("binance_funding_btcusdt.json")}});
  EXPECT_EQ(client.funding_history("BTCUSDT", january).size(), 9u);
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 1u);  // 9 < 1000: one page
  EXPECT_EQ(seen[0].param("symbol"), "BTCUSDT");
  EXPECT_EQ(seen[0].param("startTime"), "1577836800000");  // 2020-01-01 00:00 UTC
  EXPECT_EQ(seen[0].param("endTime"), "1578095999999");    // 2020-01-03 23:59:59.999
  EXPECT_EQ(seen[0].param("limit"), "1000");
}

TEST_F(BinanceFixture, PagesFromTheLastFundingTime) {
  BinanceFundingClient paged{binance_config(server, 4), t.http};
  const std::int64_t first = 1577836800000;
  server.respond(path, [&](const test::Received& request) {
    return Reply{200, binance_page(first, std::stoll(request.param("startTime")),
                                   std::stoll(request.param("endTime")),
                                   std::stoul(request.param("limit")), 9)};
  });
  const auto rates = paged.funding_history("BTCUSDT", january);
  ASSERT_EQ(rates.size(), 9u);
  for (std::size_t i = 0; i < rates.size(); ++i)
    EXPECT_EQ(rates[i].funding_time, at_ms(first + static_cast<std::int64_t>(i) * kEightHours));
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 3u);  // 4 + 4 + 1
  EXPECT_EQ(seen[1].param("startTime"), std::to_string(first + 3 * kEightHours + 1));
  EXPECT_EQ(seen[2].param("startTime"), std::to_string(first + 7 * kEightHours + 1));
}

TEST_F(BinanceFixture, InvalidSymbolIsNotFound) {
  server.script(path, {Reply{400, fixture("binance_invalid_symbol.json")}});
  const SourceError e = expect_error("NOPEUSDT");
  EXPECT_EQ(e.failure(), SourceFailure::NotFound);
  EXPECT_EQ(e.details().reason, "NOPEUSDT: Invalid symbol.");
}

TEST_F(BinanceFixture, RestrictedJurisdictionIsUnauthorized) {
  server.script(
      path, {Reply{451, R"({"code":0,"msg":"Service unavailable from a restricted location"})"}});
  EXPECT_EQ(expect_error("BTCUSDT").failure(), SourceFailure::Unauthorized);
}

TEST_F(BinanceFixture, IpBanIsRateLimitedWithoutRetry) {
  server.script(path, {Reply{418,
                             R"({"code":-1003,"msg":"Way too many requests; IP banned"})",
                             "application/json",
                             {{"Retry-After", "7200"}}}});
  EXPECT_EQ(expect_error("BTCUSDT").failure(), SourceFailure::RateLimited);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_F(BinanceFixture, RateLimitedThenServed) {
  server.script(path, {Reply{429,
                             R"({"code":-1003,"msg":"Too many requests"})",
                             "application/json",
                             {{"Retry-After", "11"}}},
                       Reply{200, fixture("binance_funding_btcusdt.json")}});
  EXPECT_EQ(client.funding_history("BTCUSDT", january).size(), 9u);
  EXPECT_EQ(t.recorded.waits, (std::vector{11'000ms}));
}

TEST_F(BinanceFixture, ServerErrorThenServed) {
  server.script(path, {Reply{503, R"({"code":-1001,"msg":"Internal error"})"},
                       Reply{200, fixture("binance_funding_btcusdt.json")}});
  EXPECT_EQ(client.funding_history("BTCUSDT", january).size(), 9u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST_F(BinanceFixture, TruncatedBodyIsMalformed) {
  server.script(path, {Reply{200, fixture("binance_funding_btcusdt.json").substr(0, 150)}});
  const SourceError e = expect_error("BTCUSDT");
  EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
  EXPECT_EQ(e.details().source, "binance");
  EXPECT_EQ(e.details().reason, "malformed body at byte 151: not valid JSON (truncated?)");
}

// --- a fake Hyperliquid info endpoint: hourly prints, at most 3 per answer ---

constexpr std::int64_t kHour = 3'600'000;

struct HyperliquidFixture : ::testing::Test {
  test::FakeServer server;
  test::TestHttp t;
  HyperliquidFundingClient client{HyperliquidFundingConfig{server.base_url()}, t.http};
  const std::int64_t first = 1704067200048;  // 2024-01-01 00:00:00.048
  const ports::DateRange new_year{ymd(2024, 1, 1), ymd(2024, 1, 1)};

  void serve_hourly(std::size_t total, std::size_t cap) {
    server.respond("/info", [this, total, cap](const test::Received& request) {
      const auto body = nlohmann::json::parse(request.body);
      if (body.at("type") != "fundingHistory") return Reply{400, R"("unknown type")"};
      const std::int64_t start = body.at("startTime");
      const std::int64_t end = body.at("endTime");
      nlohmann::json rows = nlohmann::json::array();
      for (std::size_t i = 0; i < total && rows.size() < cap; ++i) {
        const std::int64_t time = first + static_cast<std::int64_t>(i) * kHour;
        if (time < start || time > end) continue;
        rows.push_back({{"coin", body.at("coin")},
                        {"fundingRate", "0.0000125"},
                        {"premium", "-0.0003"},
                        {"time", time}});
      }
      return Reply{200, rows.dump()};
    });
  }

  SourceError expect_error() {
    return test::source_error_of([&] { client.funding_history("BTC", new_year); });
  }
};

TEST_F(HyperliquidFixture, PostsTheInfoRequest) {
  server.script("/info", {Reply{200, fixture("hyperliquid_funding_btc.json")}, Reply{200, "[]"}});
  EXPECT_EQ(client.funding_history("BTC", new_year).size(), 4u);
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 2u);  // the empty answer ends the paging
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].header("Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(seen[0].body), (nlohmann::json{{"type", "fundingHistory"},
                                                                 {"coin", "BTC"},
                                                                 {"startTime", 1704067200000},
                                                                 {"endTime", 1704153599999}}));
  EXPECT_EQ(nlohmann::json::parse(seen[1].body).at("startTime"), first + 3 * kHour + 1);
}

TEST_F(HyperliquidFixture, PagesUntilTheRangeIsCovered) {
  serve_hourly(30, 7);  // 30 hourly prints to 2024-01-02 05:00; 24 fall on 1 Jan
  const auto rates = client.funding_history("BTC", new_year);
  ASSERT_EQ(rates.size(), 24u);
  EXPECT_EQ(rates.front().funding_time, at_ms(first));
  EXPECT_EQ(rates.back().funding_time, at_ms(first + 23 * kHour));
  // 7 + 7 + 7 + 3, then an empty answer: the cap is undocumented, so a short
  // page does not prove the end; only an empty one or reaching the range end does.
  EXPECT_EQ(server.request_count(), 5u);
}

TEST_F(HyperliquidFixture, EndsOnAnEmptyPage) {
  serve_hourly(30, 100);
  const ports::DateRange two_days{ymd(2024, 1, 1), ymd(2024, 1, 2)};
  EXPECT_EQ(client.funding_history("BTC", two_days).size(), 30u);
  EXPECT_EQ(server.request_count(), 2u);  // all 30, then an empty page
}

TEST_F(HyperliquidFixture, RateLimitedThenServed) {
  server.script("/info", {Reply{429, "null", "application/json", {{"Retry-After", "1"}}},
                          Reply{200, fixture("hyperliquid_funding_btc.json")}, Reply{200, "[]"}});
  EXPECT_EQ(client.funding_history("BTC", new_year).size(), 4u);
  EXPECT_EQ(t.recorded.waits, (std::vector{1000ms}));
}

TEST_F(HyperliquidFixture, ServerErrorThenServed) {
  server.script("/info", {Reply{500, "", "text/plain"},
                          Reply{200, fixture("hyperliquid_funding_btc.json")}, Reply{200, "[]"}});
  EXPECT_EQ(client.funding_history("BTC", new_year).size(), 4u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST_F(HyperliquidFixture, TruncatedBodyIsMalformed) {
  server.script("/info", {Reply{200, fixture("hyperliquid_funding_btc.json").substr(0, 80)}});
  const SourceError e = expect_error();
  EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
  EXPECT_EQ(e.details().source, "hyperliquid");
  EXPECT_EQ(e.details().reason, "malformed body at byte 81: not valid JSON (truncated?)");
}

TEST_F(HyperliquidFixture, APageThatGoesBackwardsIsMalformed) {
  server.script("/info", {Reply{200, fixture("hyperliquid_funding_btc.json")}});  // same page again
  const SourceError e = expect_error();
  EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
  EXPECT_EQ(server.request_count(), 2u);
}

}  // namespace
}  // namespace dorado::data
