#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "dorado/data/sources/fred_client.hpp"
#include "dorado/data/sources/payload_error.hpp"
#include "fake_server.hpp"
#include "source_test_support.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono_literals;
using test::fixture;
using test::Reply;
using test::ymd;

constexpr const char* kKey = "abcdef0123456789abcdef0123456789";

FredConfig fred_config(const test::FakeServer& server, int page_limit = 100'000) {
  FredConfig config;
  config.base_url = server.base_url();
  config.api_key = kKey;
  config.page_limit = page_limit;
  return config;
}

TEST(FredParser, DotIsMissingNotZero) {
  const FredObservationsPage page = parse_fred_observations(fixture("fred_vixcls.json"));
  EXPECT_EQ(page.count, 5);
  EXPECT_EQ(page.offset, 0);
  const std::vector<FredObservation> expected{{ymd(2018, 1, 1), std::nullopt},
                                              {ymd(2018, 1, 2), 9.77},
                                              {ymd(2018, 1, 3), 9.15},
                                              {ymd(2018, 1, 4), 9.22},
                                              {ymd(2018, 1, 5), 9.22}};
  EXPECT_EQ(page.observations, expected);
}

TEST(FredParser, ErrorsNameTheField) {
  const auto error_at = [](const std::string& payload) {
    return test::payload_error_of([&] { parse_fred_observations(payload); });
  };
  std::string text = fixture("fred_vixcls.json");
  std::string bad_value = text;
  bad_value.replace(bad_value.find("\"9.15\""), 6, "\"n/a\"");
  EXPECT_EQ(error_at(bad_value), "observations[2].value: \"n/a\" is neither a number nor \".\"");
  std::string bad_date = text;
  bad_date.replace(bad_date.find("\"date\":\"2018-01-04\""), 19, "\"date\":\"2018-02-30\"");
  EXPECT_EQ(error_at(bad_date), "observations[3].date: \"2018-02-30\" is not a YYYY-MM-DD date");
  std::string numeric = text;
  numeric.replace(numeric.find("\"9.77\""), 6, "9.77");
  EXPECT_EQ(error_at(numeric), "observations[1].value: expected a string, found number");
  EXPECT_EQ(error_at(R"({"count":1,"offset":0})"), "observations: missing");
  EXPECT_EQ(error_at(""), "byte 1: empty body");
}

TEST(FredConfig, KeyComesFromTheEnvironment) {
  ::setenv("DORADO_TEST_FRED_KEY", kKey, 1);
  EXPECT_EQ(FredConfig::from_environment("DORADO_TEST_FRED_KEY").api_key, kKey);
  ::unsetenv("DORADO_TEST_FRED_KEY");
  try {
    FredConfig::from_environment("DORADO_TEST_FRED_KEY");
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("DORADO_TEST_FRED_KEY is not set"), std::string::npos);
  }
}

struct FredFixture : ::testing::Test {
  test::FakeServer server;
  test::TestHttp t;
  FredClient client{fred_config(server), t.http};

  SourceError expect_error(const std::string& series) {
    return test::source_error_of([&] {
      client.observations(series, {ymd(2018, 1, 1), ymd(2018, 1, 5)});
    });
  }
};

TEST_F(FredFixture, FetchesObservationsWithTheDocumentedQuery) {
  server.script("/fred/series/observations", {Reply{200, fixture("fred_vixcls.json")}});
  const auto observations = client.observations("VIXCLS", {ymd(2018, 1, 1), ymd(2018, 1, 5)});
  ASSERT_EQ(observations.size(), 5u);
  EXPECT_EQ(observations[0].value, std::nullopt);
  EXPECT_EQ(observations[1].value, 9.77);
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].param("series_id"), "VIXCLS");
  EXPECT_EQ(seen[0].param("api_key"), kKey);
  EXPECT_EQ(seen[0].param("file_type"), "json");
  EXPECT_EQ(seen[0].param("observation_start"), "2018-01-01");
  EXPECT_EQ(seen[0].param("observation_end"), "2018-01-05");
  EXPECT_EQ(seen[0].param("offset"), "0");
}

TEST_F(FredFixture, PagesWithOffsetUntilCountIsReached) {
  FredClient paged{fred_config(server, 2), t.http};
  const nlohmann::json all = nlohmann::json::parse(fixture("fred_vixcls.json"));
  server.respond("/fred/series/observations", [&](const test::Received& request) {
    const auto offset = std::stoul(request.param("offset"));
    const auto limit = std::stoul(request.param("limit"));
    nlohmann::json page = all;
    page["offset"] = offset;
    page["limit"] = limit;
    page["observations"] = nlohmann::json::array();
    for (std::size_t i = offset; i < std::min(offset + limit, all["observations"].size()); ++i)
      page["observations"].push_back(all["observations"][i]);
    return Reply{200, page.dump()};
  });
  const auto observations = paged.observations("VIXCLS", {ymd(2018, 1, 1), ymd(2018, 1, 5)});
  ASSERT_EQ(observations.size(), 5u);
  EXPECT_EQ(observations.front().date, ymd(2018, 1, 1));
  EXPECT_EQ(observations.back().date, ymd(2018, 1, 5));
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].param("offset"), "2");
  EXPECT_EQ(seen[2].param("offset"), "4");
}

TEST_F(FredFixture, UnknownSeriesIsNotFound) {
  server.script("/fred/series/observations", {Reply{400, fixture("fred_not_found.json")}});
  const SourceError e = expect_error("NOPE");
  EXPECT_EQ(e.failure(), SourceFailure::NotFound);
  EXPECT_EQ(e.details().reason, "NOPE: Bad Request.  The series does not exist.");
}

TEST_F(FredFixture, RefusedKeyIsUnauthorizedAndRedacted) {
  server.script("/fred/series/observations", {Reply{400, fixture("fred_bad_key.json")}});
  const SourceError e = expect_error("DGS10");
  EXPECT_EQ(e.failure(), SourceFailure::Unauthorized);
  EXPECT_EQ(e.category(), ErrorCategory::Fatal);
  const std::string message = e.what();
  EXPECT_EQ(message.find(kKey), std::string::npos) << message;
  EXPECT_NE(message.find("api_key=REDACTED"), std::string::npos) << message;
  EXPECT_EQ(e.details().url, server.base_url() +
                                 "/fred/series/observations?series_id=DGS10&api_key=REDACTED&"
                                 "file_type=json&observation_start=2018-01-01&observation_end="
                                 "2018-01-05&sort_order=asc&limit=100000&offset=0");
}

TEST_F(FredFixture, RateLimitedThenServed) {
  server.script("/fred/series/observations",
                {Reply{429,
                       R"({"error_code":429,"error_message":"Too Many Requests."})",
                       "application/json",
                       {{"Retry-After", "20"}}},
                 Reply{200, fixture("fred_vixcls.json")}});
  EXPECT_EQ(client.observations("VIXCLS", {ymd(2018, 1, 1), ymd(2018, 1, 5)}).size(), 5u);
  EXPECT_EQ(t.recorded.waits, (std::vector{20'000ms}));
}

TEST_F(FredFixture, ServerErrorThenServed) {
  server.script("/fred/series/observations", {Reply{500, "Internal Server Error", "text/plain"},
                                              Reply{200, fixture("fred_vixcls.json")}});
  EXPECT_EQ(client.observations("VIXCLS", {ymd(2018, 1, 1), ymd(2018, 1, 5)}).size(), 5u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST_F(FredFixture, TruncatedBodyIsMalformedAndRedacted) {
  server.script("/fred/series/observations",
                {Reply{200, fixture("fred_vixcls.json").substr(0, 300)}});
  const SourceError e = expect_error("VIXCLS");
  EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
  EXPECT_EQ(e.details().source, "fred");
  EXPECT_EQ(e.details().reason, "malformed body at byte 301: not valid JSON (truncated?)");
  EXPECT_EQ(std::string(e.what()).find(kKey), std::string::npos);
}

TEST_F(FredFixture, ExhaustedRetriesNeverShowTheKey) {
  server.script("/fred/series/observations", {Reply{503, "Service Unavailable", "text/plain"}});
  const SourceError e = expect_error("VIXCLS");
  EXPECT_EQ(e.failure(), SourceFailure::RetriesExhausted);
  EXPECT_EQ(std::string(e.what()).find(kKey), std::string::npos) << e.what();
  EXPECT_EQ(server.request_count(), 4u);
}

TEST(FredClientConfig, RefusesAnEmptyKey) {
  test::TestHttp t;
  EXPECT_THROW(FredClient(FredConfig{}, t.http), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::data
