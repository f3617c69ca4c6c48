// `dorado data fetch` end to end: the real source clients against fake
// servers on loopback that answer in each source's wire format from the
// request's own date range, writing into a real store (SQLite and PostgreSQL).
// A first run stores everything; a second run asks only for the days after
// the last stored one; a failing source is reported and the others go on.
//
// Needs dorado_store linked into the data tests (DORADO_DATA_TESTS_HAVE_STORE).
#ifdef DORADO_DATA_TESTS_HAVE_STORE
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "data/sources/fake_server.hpp"
#include "data/sources/source_test_support.hpp"
#include "dorado/calendar/calendars.hpp"
#include "dorado/calendar/simulated_clock.hpp"
#include "dorado/data/pipeline/data_fetch.hpp"
#include "store/store_backends.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono;
using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Timestamp kFirstRun = sys_days{2018y / 1 / 12} + 22h;   // Friday, after the close
const Timestamp kSecondRun = sys_days{2018y / 1 / 19} + 22h;  // a week later

std::int64_t epoch_seconds(sys_days d) {
  return duration_cast<seconds>(d.time_since_epoch()).count();
}
Date date_of_epoch(std::int64_t s) {
  return Date{floor<days>(sys_seconds{seconds{s}})};
}
double price_on(Date d) {
  return 100.0 + 0.25 * static_cast<double>((sys_days{d} - sys_days{2017y / 1 / 1}).count());
}

// Yahoo v8 chart for NYSE trading days in [period1, period2), sessions all closed.
std::string yahoo_chart(const std::string& symbol, std::int64_t period1, std::int64_t period2) {
  const auto& nyse = calendar::calendar_named("nyse");
  json stamps = json::array(), open = json::array(), high = json::array(), low = json::array(),
       close = json::array(), volume = json::array(), adj = json::array();
  for (const Date d : nyse.trading_days(date_of_epoch(period1), date_of_epoch(period2 - 1))) {
    const auto session = *nyse.session(d);
    stamps.push_back(duration_cast<seconds>(session.open.time_since_epoch()).count());
    const double c = price_on(d);
    open.push_back(c - 0.5);
    high.push_back(c + 1.0);
    low.push_back(c - 1.0);
    close.push_back(c);
    adj.push_back(c);
    volume.push_back(1'000'000);
  }
  const json meta{{"currency", "USD"},
                  {"symbol", symbol},
                  {"exchangeTimezoneName", "America/New_York"},
                  {"priceHint", 2},
                  {"regularMarketTime", epoch_seconds(sys_days{2030y / 1 / 1})},
                  {"currentTradingPeriod",
                   {{"regular",
                     {{"start", epoch_seconds(sys_days{2030y / 1 / 1})},
                      {"end", epoch_seconds(sys_days{2030y / 1 / 1}) + 23400}}}}}};
  return json{{"chart",
               {{"result", json::array({{{"meta", meta},
                                         {"timestamp", stamps},
                                         {"indicators",
                                          {{"quote", json::array({{{"open", open},
                                                                   {"high", high},
                                                                   {"low", low},
                                                                   {"close", close},
                                                                   {"volume", volume}}})},
                                           {"adjclose", json::array({{{"adjclose", adj}}})}}}}})},
                {"error", nullptr}}}}
      .dump();
}

// FRED observations for NYSE trading days in the range; "." on 2018-01-15 (MLK day is
// a holiday on both calendars, so FRED lists it without a value only in some series;
// here it is listed).
std::string fred_observations(const std::string& start, const std::string& end) {
  json rows = json::array();
  const auto parse = [](const std::string& s) {
    return Date{year{std::stoi(s.substr(0, 4))} / std::stoi(s.substr(5, 2)) /
                std::stoi(s.substr(8, 2))};
  };
  for (auto d = sys_days{parse(start)}; d <= sys_days{parse(end)}; d += days{1}) {
    const Date day{d};
    const weekday w{d};
    if (w == Saturday || w == Sunday) continue;
    const bool holiday = day == 2018y / 1 / 15 || day == 2018y / 1 / 1 || day == 2017y / 12 / 25;
    char value[16];
    std::snprintf(value, sizeof value, "%.2f",
                  10.0 + static_cast<double>(unsigned{day.day()}) / 10.0);
    rows.push_back({{"realtime_start", "2018-01-20"},
                    {"realtime_end", "2018-01-20"},
                    {"date", to_iso_date(day)},
                    {"value", holiday ? "." : value}});
  }
  return json{{"observation_start", start},
              {"observation_end", end},
              {"count", rows.size()},
              {"offset", 0},
              {"limit", 100000},
              {"observations", rows}}
      .dump();
}

// Binance funding prints every 8 h from startTime to min(endTime, now).
std::string binance_funding(std::int64_t start_ms, std::int64_t end_ms, Timestamp now) {
  json rows = json::array();
  const std::int64_t now_ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
  constexpr std::int64_t kEight = 8 * 3600 * 1000;
  for (std::int64_t t = (start_ms + kEight - 1) / kEight * kEight; t <= std::min(end_ms, now_ms);
       t += kEight)
    rows.push_back({{"symbol", "BTCUSDT"},
                    {"fundingTime", t},
                    {"fundingRate", "0.00010000"},
                    {"markPrice", ""}});
  return rows.dump();
}

// CFTC rows of the recorded January 2018 ES file within the $where's dates.
std::string cftc_rows(const std::string& where) {
  static const json all = json::parse(test::fixture("cftc_tff_es_2018_01.json"));
  std::smatch m;
  const std::regex between("between '([0-9-]+)T[^']*' and '([0-9-]+)T");
  if (!std::regex_search(where, m, between)) return "[]";
  json rows = json::array();
  for (const auto& r : all) {
    const auto day = r["report_date_as_yyyy_mm_dd"].get<std::string>().substr(0, 10);
    if (day >= m[1].str() && day <= m[2].str()) rows.push_back(r);
  }
  return rows.dump();
}

struct FakeSources {
  test::FakeServer server;
  calendar::SimulatedClock clock{kFirstRun};

  FakeSources() {
    server.respond("/v8/finance/chart/SPY", [](const test::Received& r) {
      return test::Reply(
          200, yahoo_chart("SPY", std::stoll(r.param("period1")), std::stoll(r.param("period2"))));
    });
    server.respond("/fred/series/observations", [](const test::Received& r) {
      if (r.param("series_id") == "T10Y2Y")
        return test::Reply(500, R"({"error_code":500,"error_message":"Internal Server Error"})");
      return test::Reply(
          200, fred_observations(r.param("observation_start"), r.param("observation_end")));
    });
    server.respond("/fapi/v1/fundingRate", [this](const test::Received& r) {
      return test::Reply(200, binance_funding(std::stoll(r.param("startTime")),
                                              std::stoll(r.param("endTime")), clock.now()));
    });
    server.respond("/resource/gpe5-46if.json", [](const test::Received& r) {
      return test::Reply(200, cftc_rows(r.param("$where")));
    });
  }

  std::vector<test::Received> requests_to(const std::string& path) const {
    std::vector<test::Received> out;
    for (const auto& r : server.received())
      if (r.path == path) out.push_back(r);
    return out;
  }
};

std::vector<FetchJob> test_plan() {
  return {
      {FetchSource::Yahoo, "SPY", "SPY", ports::SeriesKind::Ohlcv, AssetClass::EquityOptions},
      {FetchSource::Fred, "VIXCLS", "VIXCLS", ports::SeriesKind::Macro, AssetClass::EquityOptions},
      {FetchSource::Fred, "T10Y2Y", "T10Y2Y", ports::SeriesKind::Macro, AssetClass::EquityOptions},
      {FetchSource::Cftc, "ES", "COT:ES", ports::SeriesKind::Macro, AssetClass::EquityOptions},
      {FetchSource::Binance, "BTCUSDT", "BTCUSDT", ports::SeriesKind::Funding, AssetClass::Crypto}};
}

template <typename Backend>
class DataFetchTest : public store::testing::StoreTest<Backend> {
 protected:
  void SetUp() override {
    store::testing::StoreTest<Backend>::SetUp();
    if (!this->store_) return;
    this->store_->migrate(kFirstRun);
    auto config = test::exact_backoff_config();
    http_ = std::make_unique<HttpClient>(config, fakes_.clock, waits_.sleeper());
    const auto base = fakes_.server.base_url();
    yahoo_ = std::make_unique<YahooClient>(YahooConfig{base, kDoradoUserAgent}, *http_);
    FredConfig fred_config;
    fred_config.base_url = base;
    fred_config.api_key = "test-key";
    fred_ = std::make_unique<FredClient>(fred_config, *http_);
    CftcConfig cftc_config;
    cftc_config.base_url = base;
    cftc_ = std::make_unique<CftcClient>(cftc_config, *http_);
    binance_ = std::make_unique<BinanceFundingClient>(BinanceFundingConfig{base, 1000}, *http_);
    clients_.yahoo = yahoo_.get();
    clients_.fred = fred_.get();
    clients_.cftc = cftc_.get();
    clients_.binance = binance_.get();
    options_.history_start = 2017y / 12 / 1;
    options_.cot_start = 2017y / 12 / 1;
    options_.funding_start = 2018y / 1 / 10;
  }

  FetchReport fetch(Timestamp now, std::ostream& progress_out) {
    fakes_.clock.set(now);
    ProgressBar progress(progress_out);
    return run_fetch(*this->store_, fakes_.clock, test_plan(), clients_, options_, &progress);
  }

  FakeSources fakes_;
  test::RecordedWaits waits_;
  std::unique_ptr<HttpClient> http_;
  std::unique_ptr<YahooClient> yahoo_;
  std::unique_ptr<FredClient> fred_;
  std::unique_ptr<CftcClient> cftc_;
  std::unique_ptr<BinanceFundingClient> binance_;
  SourceClients clients_;
  FetchOptions options_;
};
TYPED_TEST_SUITE(DataFetchTest, store::testing::Backends, store::testing::BackendNames);

TYPED_TEST(DataFetchTest, FirstRunStoresEverythingSecondAsksOnlyForTheMissingDays) {
  auto& store = *this->store_;
  std::ostringstream progress;
  const auto first = this->fetch(kFirstRun, progress);

  // Every source but the failing one delivered.
  ASSERT_EQ(first.outcomes.size(), 5u);
  // SPY: December 2017 has 20 NYSE days, January 2018 up to the 12th has 9.
  EXPECT_EQ(first.outcomes[0].rows_written, 29u);
  EXPECT_EQ(first.outcomes[0].asked->first, 2017y / 12 / 1);
  EXPECT_EQ(first.outcomes[0].asked->last, 2018y / 1 / 12);
  // VIXCLS: 31 weekdays listed, Christmas and New Year's Day without a value.
  EXPECT_EQ(first.outcomes[1].rows_written, 29u);
  EXPECT_EQ(first.outcomes[1].findings, 1u);      // missing_value
  EXPECT_EQ(first.outcomes[3].rows_written, 8u);  // ES reports of Jan 2 and 9, four series each
  // Funding from 2018-01-10 00:00 to Friday 22:00: 00, 08, 16 h on three days.
  EXPECT_EQ(first.outcomes[4].rows_written, 9u);
  ASSERT_EQ(first.failures().size(), 1u);
  EXPECT_EQ(first.failures()[0]->job.remote, "T10Y2Y");
  EXPECT_THAT(*first.failures()[0]->failure, HasSubstr("500"));
  EXPECT_THAT(progress.str(), HasSubstr("] 5/5 done"));
  EXPECT_THAT(progress.str(), HasSubstr("] 2/5 fred T10Y2Y"));

  const auto spy = store.read_ohlcv("SPY", {2017y / 1 / 1, 2018y / 12 / 31});
  ASSERT_EQ(spy.size(), 29u);
  EXPECT_EQ(spy.back().bar_date, 2018y / 1 / 12);
  EXPECT_EQ(spy.back().close, price_on(2018y / 1 / 12));
  EXPECT_EQ(spy.back().source, "yahoo");
  EXPECT_EQ(store.read_macro("COT:ES:lev_money_net", {2017y / 1 / 1, 2018y / 12 / 31}).size(), 2u);
  const auto failed = store.read_journal({"data", "T10Y2Y", 0, 10});
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].entry.reason_code, "fetch_failed");

  const auto requests_before = this->fakes_.server.request_count();
  const auto second = this->fetch(kSecondRun, progress);
  // Yahoo is asked from the day after the last bar (the client pads a day either side).
  const auto yahoo = this->fakes_.requests_to("/v8/finance/chart/SPY");
  ASSERT_EQ(yahoo.size(), 2u);
  EXPECT_EQ(yahoo[1].param("period1"), std::to_string(epoch_seconds(sys_days{2018y / 1 / 12})));
  EXPECT_EQ(second.outcomes[0].asked->first, 2018y / 1 / 13);
  EXPECT_EQ(second.outcomes[0].rows_written, 4u);  // 16th-19th (15th: Martin Luther King Jr. Day)
  const auto fred = this->fakes_.requests_to("/fred/series/observations");
  EXPECT_EQ(fred.back().param("series_id"), "T10Y2Y");
  const auto vix_second = std::find_if(fred.begin(), fred.end(), [&](const test::Received& r) {
    return r.param("series_id") == "VIXCLS" && r.param("observation_start") != "2017-12-01";
  });
  ASSERT_NE(vix_second, fred.end());
  EXPECT_EQ(vix_second->param("observation_start"), "2018-01-13");
  EXPECT_EQ(second.outcomes[1].rows_written, 4u);
  EXPECT_EQ(second.outcomes[3].asked->first, 2018y / 1 / 10);  // after the report of the 9th
  EXPECT_EQ(second.outcomes[3].rows_written, 4u);              // the 16th
  EXPECT_EQ(second.outcomes[4].rows_written, 21u);             // after the 12th 16:00: 7 days x 3
  const auto asked = this->fakes_.requests_to("/fapi/v1/fundingRate");
  EXPECT_EQ(asked.back().param("startTime"),
            std::to_string(epoch_seconds(sys_days{2018y / 1 / 12}) * 1000));
  EXPECT_GT(this->fakes_.server.request_count(), requests_before);
  EXPECT_EQ(store.read_ohlcv("SPY", {2017y / 1 / 1, 2018y / 12 / 31}).size(), 33u);

  // A third run the same evening asks Yahoo nothing new and stores nothing.
  const auto third = this->fetch(kSecondRun, progress);
  EXPECT_EQ(third.outcomes[0].rows_written, 0u);
  EXPECT_FALSE(third.outcomes[0].asked.has_value() &&
               third.outcomes[0].asked->first <= 2018y / 1 / 19);
}

TYPED_TEST(DataFetchTest, AMissingClientFailsItsJobsAndTheRestGoOn) {
  this->clients_.fred = nullptr;
  this->clients_.fred_missing = "FRED_API_KEY is not set";
  std::ostringstream progress;
  const auto report = this->fetch(kFirstRun, progress);
  ASSERT_EQ(report.failures().size(), 2u);
  EXPECT_EQ(*report.failures()[0]->failure, "FRED_API_KEY is not set");
  EXPECT_EQ(report.outcomes[0].rows_written, 29u);
}

}  // namespace
}  // namespace dorado::data
#endif  // DORADO_DATA_TESTS_HAVE_STORE
