#include <gtest/gtest.h>

#include "dorado/data/sources/cboe_client.hpp"
#include "dorado/data/sources/payload_error.hpp"
#include "fake_server.hpp"
#include "source_test_support.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono_literals;
using test::fixture;
using test::Reply;
using test::ymd;

std::string error_at(const std::string& csv) {
  return test::payload_error_of([&] { parse_cboe_index_history(csv); });
}

TEST(CboeParser, RecordedVixFileWithCrlf) {
  const auto rows = parse_cboe_index_history(fixture("cboe_VIX_History.csv"));
  ASSERT_EQ(rows.size(), 9u);  // 2017-12-27 .. 2018-01-09 trading days
  EXPECT_EQ(rows[0], (IndexClose{ymd(2017, 12, 27), 10.47}));
  EXPECT_EQ(rows[3], (IndexClose{ymd(2018, 1, 2), 9.77}));  // equals FRED VIXCLS that day
  EXPECT_EQ(rows[8], (IndexClose{ymd(2018, 1, 9), 10.08}));
}

TEST(CboeParser, SingleValueFilesUseTheirValueColumn) {
  const auto rows = parse_cboe_index_history(fixture("cboe_VVIX_History.csv"));
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[3], (IndexClose{ymd(2018, 1, 2), 97.36}));
}

TEST(CboeParser, ColumnsAreFoundByName) {
  const auto rows = parse_cboe_index_history(
      "\xEF\xBB\xBF"
      "Date, Close ,Open\n\n01/02/2018, 9.77 ,10.95\n\r\n01/03/2018,9.15,9.56\n");
  EXPECT_EQ(rows, (std::vector<IndexClose>{{ymd(2018, 1, 2), 9.77}, {ymd(2018, 1, 3), 9.15}}));
}

TEST(CboeParser, ErrorsNameTheLine) {
  EXPECT_EQ(error_at("DATE,OPEN,HIGH,LOW,CLOSE\n01/02/2018,1,2,0.5,1.5\n01/03/2018,1,2,0.5\n"),
            "line 3: has 4 fields, the header 5");
  EXPECT_EQ(error_at("DATE,CLOSE\n2018-01-02,9.77\n"),
            "line 2: DATE \"2018-01-02\" is not MM/DD/YYYY");
  EXPECT_EQ(error_at("DATE,CLOSE\n02/30/2018,9.77\n"),
            "line 2: DATE \"02/30/2018\" is not MM/DD/YYYY");
  EXPECT_EQ(error_at("DATE,CLOSE\n01/02/2018,n/a\n"), "line 2: close \"n/a\" is not a number");
  EXPECT_EQ(error_at("DATE,CLOSE\n01/03/2018,9\n01/02/2018,9\n"),
            "line 3: date 2018-01-02 does not follow 2018-01-03");
  EXPECT_EQ(error_at("DATE,OPEN,HIGH\n"),
            "line 1: header \"DATE,OPEN,HIGH\" has no DATE and CLOSE (or single value) column");
  EXPECT_EQ(error_at(""), "line 1: empty file, no header");
  // A transfer cut mid-row shows up as a short last row.
  const std::string vix = fixture("cboe_VIX_History.csv");
  EXPECT_EQ(error_at(vix.substr(0, vix.size() - 30)), "line 10: has 3 fields, the header 5");
}

struct CboeFixture : ::testing::Test {
  test::FakeServer server;
  test::TestHttp t;
  CboeClient client{CboeConfig{server.base_url()}, t.http};
  const ports::DateRange early_january{ymd(2018, 1, 2), ymd(2018, 1, 5)};

  void serve_term_structure() {
    for (const char* index : {"VIX9D", "VIX", "VIX3M", "VIX6M"})
      server.script(
          std::string("/") + index + "_History.csv",
          {Reply{200, fixture(std::string("cboe_") + index + "_History.csv"), "text/csv"}});
  }
};

TEST_F(CboeFixture, KeepsTheDatesAskedFor) {
  server.script("/VIX_History.csv", {Reply{200, fixture("cboe_VIX_History.csv"), "text/csv"}});
  const auto rows = client.index_closes("VIX", early_january);
  EXPECT_EQ(rows, (std::vector<IndexClose>{{ymd(2018, 1, 2), 9.77},
                                           {ymd(2018, 1, 3), 9.15},
                                           {ymd(2018, 1, 4), 9.22},
                                           {ymd(2018, 1, 5), 9.22}}));
}

TEST_F(CboeFixture, VixTermStructureAlignsTheFourIndicesByDate) {
  serve_term_structure();
  const auto points = client.vix_term_structure(early_january);
  ASSERT_EQ(points.size(), 4u);
  // VIX6M's file starts on 01/03 in the fixture: the 2nd has no six-month point.
  EXPECT_EQ(points[0], (VixTermPoint{ymd(2018, 1, 2), 8.54, 9.77, 12.61, std::nullopt}));
  EXPECT_EQ(points[1], (VixTermPoint{ymd(2018, 1, 3), 7.85, 9.15, 12.32, 14.19}));
  EXPECT_EQ(points[3], (VixTermPoint{ymd(2018, 1, 5), 7.70, 9.22, 12.06, 14.02}));
  EXPECT_DOUBLE_EQ(*points[0].front_to_three_month(), 9.77 / 12.61);
  EXPECT_EQ(server.request_count(), 4u);
}

TEST_F(CboeFixture, UnknownIndexIsNotFound) {
  // The CDN answers a missing file like S3: 403 with an XML body.
  server.script("/NOPE_History.csv",
                {Reply{403, "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>",
                       "application/xml"}});
  try {
    client.index_closes("NOPE", early_january);
    FAIL() << "expected NotFound";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.failure(), SourceFailure::NotFound);
    EXPECT_EQ(e.details().reason, "no history file for index NOPE");
  }
}

TEST_F(CboeFixture, RateLimitedThenServed) {
  server.script("/VIX_History.csv",
                {Reply{429, "Too Many Requests", "text/plain", {{"Retry-After", "2"}}},
                 Reply{200, fixture("cboe_VIX_History.csv"), "text/csv"}});
  EXPECT_EQ(client.index_closes("VIX", early_january).size(), 4u);
  EXPECT_EQ(t.recorded.waits, (std::vector{2000ms}));
}

TEST_F(CboeFixture, ServerErrorThenServed) {
  server.script("/VIX3M_History.csv", {Reply{502, "Bad Gateway", "text/html"},
                                       Reply{200, fixture("cboe_VIX3M_History.csv"), "text/csv"}});
  EXPECT_EQ(client.index_closes("VIX3M", early_january).size(), 4u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST_F(CboeFixture, TruncatedFileIsMalformed) {
  const std::string vix = fixture("cboe_VIX_History.csv");
  server.script("/VIX_History.csv", {Reply{200, vix.substr(0, vix.size() - 30), "text/csv"}});
  try {
    client.index_closes("VIX", early_january);
    FAIL() << "expected MalformedBody";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.failure(), SourceFailure::MalformedBody);
    EXPECT_EQ(e.details().source, "cboe");
    EXPECT_EQ(e.details().reason, "malformed body at line 10: has 3 fields, the header 5");
  }
}

}  // namespace
}  // namespace dorado::data
