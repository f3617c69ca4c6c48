#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dorado/data/sources/cftc_client.hpp"
#include "dorado/data/sources/payload_error.hpp"
#include "fake_server.hpp"
#include "source_test_support.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono_literals;
using test::fixture;
using test::Reply;
using test::ymd;

TEST(CotParser, RecordedTffRows) {
  const auto rows = parse_cot_positioning(fixture("cftc_tff_es_2018_01.json"));
  ASSERT_EQ(rows.size(), 5u);
  // Numbers from the CFTC's report of 2018-01-02 (../shared/data/COT_TFF_ES.csv).
  const CotPositioning& first = rows[0];
  EXPECT_EQ(first.report_date, ymd(2018, 1, 2));
  EXPECT_EQ(first.market_code, "13874A");
  EXPECT_EQ(first.market_name, "E-MINI S&P 500 STOCK INDEX - CHICAGO MERCANTILE EXCHANGE");
  EXPECT_TRUE(first.futures_only);
  EXPECT_EQ(first.open_interest, 3051095);
  EXPECT_EQ(first.dealer_long, 208927);
  EXPECT_EQ(first.dealer_short, 881416);
  EXPECT_EQ(first.asset_manager_long, 1587828);
  EXPECT_EQ(first.asset_manager_short, 734283);
  EXPECT_EQ(first.leveraged_long, 348963);
  EXPECT_EQ(first.leveraged_short, 501994);
  EXPECT_EQ(first.leveraged_net(), -153031);
  EXPECT_EQ(rows[4].report_date, ymd(2018, 1, 30));
  EXPECT_EQ(rows[4].leveraged_long, 509045);
}

TEST(CotParser, ErrorsNameRowAndField) {
  const auto error_at = [](const std::string& payload) {
    return test::payload_error_of([&] { parse_cot_positioning(payload); });
  };
  nlohmann::json rows = nlohmann::json::parse(fixture("cftc_tff_es_2018_01.json"));
  nlohmann::json numeric = rows;
  numeric[1]["lev_money_positions_long"] = 357685;
  EXPECT_EQ(error_at(numeric.dump()),
            "[1].lev_money_positions_long: expected a string, found number");
  nlohmann::json missing = rows;
  missing[2].erase("asset_mgr_positions_short");
  EXPECT_EQ(error_at(missing.dump()), "[2].asset_mgr_positions_short: missing");
  nlohmann::json text = rows;
  text[0]["open_interest_all"] = "3,051,095";
  EXPECT_EQ(error_at(text.dump()), "[0].open_interest_all: \"3,051,095\" is not an integer");
  EXPECT_EQ(error_at(R"({"error":true})"), "top level: expected an array, found object");
}

TEST(CotMarkets, ByContractCode) {
  EXPECT_EQ(cot_market("ES").code, "13874A");
  EXPECT_EQ(cot_market("NQ").code, "209742");
  EXPECT_EQ(cot_market("VX").code, "1170E1");
  try {
    cot_market("ZN");
    FAIL() << "expected invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "unknown COT market \"ZN\" (known: ES, NQ, VX)");
  }
}

CftcConfig cftc_config(const test::FakeServer& server) {
  CftcConfig config;
  config.base_url = server.base_url();
  return config;
}

struct CftcFixture : ::testing::Test {
  test::FakeServer server;
  test::TestHttp t;
  CftcClient client{cftc_config(server), t.http};
  const ports::DateRange january{ymd(2018, 1, 1), ymd(2018, 1, 31)};

  SourceError expect_error(CftcClient& c) {
    return test::source_error_of([&] { c.tff_positioning(kCotEminiSp500, january); });
  }
};

TEST_F(CftcFixture, QueriesByContractCodeAndDate) {
  server.script("/resource/gpe5-46if.json", {Reply{200, fixture("cftc_tff_es_2018_01.json")}});
  const auto rows = client.tff_positioning(kCotEminiSp500, january);
  EXPECT_EQ(rows.size(), 5u);
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].param("$where"),
            "cftc_contract_market_code='13874A' AND report_date_as_yyyy_mm_dd between "
            "'2018-01-01T00:00:00.000' and '2018-01-31T00:00:00.000'");
  EXPECT_EQ(seen[0].param("$order"), "report_date_as_yyyy_mm_dd ASC");
  EXPECT_EQ(seen[0].param("$limit"), "1000");
  EXPECT_EQ(seen[0].param("$offset"), "0");
  EXPECT_EQ(seen[0].header("X-App-Token"), "");
}

TEST_F(CftcFixture, PagesWithLimitAndOffset) {
  CftcConfig config = cftc_config(server);
  config.app_token = "tok";
  config.page_limit = 2;
  CftcClient paged{config, t.http};
  const nlohmann::json all = nlohmann::json::parse(fixture("cftc_tff_es_2018_01.json"));
  server.respond("/resource/gpe5-46if.json", [&](const test::Received& request) {
    const auto offset = std::stoul(request.param("$offset"));
    const auto limit = std::stoul(request.param("$limit"));
    nlohmann::json page = nlohmann::json::array();
    for (std::size_t i = offset; i < std::min(offset + limit, all.size()); ++i)
      page.push_back(all[i]);
    return Reply{200, page.dump()};
  });
  const auto rows = paged.tff_positioning(kCotEminiSp500, january);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[4].report_date, ymd(2018, 1, 30));
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 3u);  // 2 + 2 + 1: the short page ends it
  EXPECT_EQ(seen[1].param("$offset"), "2");
  EXPECT_EQ(seen[2].param("$offset"), "4");
  EXPECT_EQ(seen[2].header("X-App-Token"), "tok");
}

TEST_F(CftcFixture, RowsFromTheCombinedReportAreRefused) {
  nlohmann::json rows = nlohmann::json::parse(fixture("cftc_tff_es_2018_01.json"));
  for (auto& row : rows) row["futonly_or_combined"] = "Combined";
  server.script("/resource/gpe5-46if.json", {Reply{200, rows.dump()}});
  const SourceError e = expect_error(client);
  EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
  EXPECT_EQ(e.details().reason,
            "row for 13874A Combined in a query for 13874A FutOnly (wrong dataset id?)");
}

TEST_F(CftcFixture, SoqlErrorIsABadRequest) {
  server.script("/resource/gpe5-46if.json", {Reply{400, fixture("cftc_bad_column.json")}});
  const SourceError e = expect_error(client);
  EXPECT_EQ(e.failure(), SourceFailure::BadRequest);
  EXPECT_EQ(e.details().reason, "Invalid SoQL query: no-such-column: lev_money_positions_long_all");
}

TEST_F(CftcFixture, ThrottledThenServed) {
  server.script("/resource/gpe5-46if.json",
                {Reply{429,
                       R"({"error":true,"message":"Too many requests"})",
                       "application/json",
                       {{"Retry-After", "5"}}},
                 Reply{200, fixture("cftc_tff_es_2018_01.json")}});
  EXPECT_EQ(client.tff_positioning(kCotEminiSp500, january).size(), 5u);
  EXPECT_EQ(t.recorded.waits, (std::vector{5000ms}));
}

TEST_F(CftcFixture, ServerErrorThenServed) {
  server.script("/resource/gpe5-46if.json",
                {Reply{500, R"({"error":true,"message":"Internal error"})"},
                 Reply{200, fixture("cftc_tff_es_2018_01.json")}});
  EXPECT_EQ(client.tff_positioning(kCotEminiSp500, january).size(), 5u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST_F(CftcFixture, TruncatedBodyIsMalformed) {
  server.script("/resource/gpe5-46if.json",
                {Reply{200, fixture("cftc_tff_es_2018_01.json").substr(0, 500)}});
  const SourceError e = expect_error(client);
  EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
  EXPECT_EQ(e.details().source, "cftc");
  EXPECT_EQ(e.details().reason, "malformed body at byte 501: not valid JSON (truncated?)");
}

}  // namespace
}  // namespace dorado::data
