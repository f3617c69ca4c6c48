#include "dorado/data/sources/query_string.hpp"

#include <gtest/gtest.h>

namespace dorado::data {
namespace {

TEST(QueryString, EncodesKeysAndValues) {
  EXPECT_EQ(percent_encode("^VIX"), "%5EVIX");
  EXPECT_EQ(percent_encode("USDJPY=X"), "USDJPY%3DX");
  EXPECT_EQ(percent_encode("a b&c~d.e_f-g"), "a%20b%26c~d.e_f-g");
  EXPECT_EQ(with_query("http://h/p", {{"a", "1"}, {"$order", "report_date DESC"}}),
            "http://h/p?a=1&%24order=report_date%20DESC");
  EXPECT_EQ(with_query("http://h/p?x=1", {{"a", "2"}}), "http://h/p?x=1&a=2");
  EXPECT_EQ(with_query("http://h/p", {}), "http://h/p");
}

TEST(QueryString, RedactsSecretParameters) {
  EXPECT_EQ(redact_url("https://api.stlouisfed.org/fred/series/observations?series_id=DGS10&"
                       "api_key=abcdef0123&file_type=json",
                       {"api_key"}),
            "https://api.stlouisfed.org/fred/series/observations?series_id=DGS10&"
            "api_key=REDACTED&file_type=json");
  EXPECT_EQ(redact_url("http://h/p?api_key=k", {"api_key"}), "http://h/p?api_key=REDACTED");
  EXPECT_EQ(redact_url("http://h/p?my_api_key=k", {"api_key"}), "http://h/p?my_api_key=k");
  EXPECT_EQ(redact_url("http://h/p", {"api_key"}), "http://h/p");
  EXPECT_EQ(redact_values("key abc in abcabc", {"abc", ""}), "key REDACTED in REDACTEDREDACTED");
}

}  // namespace
}  // namespace dorado::data
