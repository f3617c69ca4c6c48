#include "dorado/data/sources/yahoo_client.hpp"

#include <algorithm>
#include <stdexcept>

#include "dorado/data/sources/parse_body.hpp"
#include "dorado/data/sources/query_string.hpp"

namespace dorado::data {
namespace {

std::int64_t unix_seconds(std::chrono::sys_days day) {
  return std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count();
}

}  // namespace

YahooClient::YahooClient(YahooConfig config, HttpClient& http)
    : config_(std::move(config)), http_(http) {
  if (config_.base_url.empty()) throw std::invalid_argument("yahoo: base_url is empty");
}

HttpRequest YahooClient::daily_bars_request(const std::string& symbol,
                                            ports::DateRange dates) const {
  // Sessions open at local time, so a bar's UTC start can fall on the day
  // before its trade date (Tokyo, Sydney) or late on it (New York): ask for
  // a day either side and keep the trade dates asked for.
  const auto from = std::chrono::sys_days{dates.first} - std::chrono::days{1};
  const auto to = std::chrono::sys_days{dates.last} + std::chrono::days{2};
  HttpRequest request;
  request.source = "yahoo";
  request.url = with_query(config_.base_url + "/v8/finance/chart/" + percent_encode(symbol),
                           {{"period1", std::to_string(unix_seconds(from))},
                            {"period2", std::to_string(unix_seconds(to))},
                            {"interval", "1d"},
                            {"includePrePost", "false"},
                            {"includeAdjustedClose", "true"}});
  request.user_agent = config_.user_agent;
  request.headers = {{"Accept", "application/json"}};
  return request;
}

YahooChart YahooClient::daily_bars(const std::string& symbol, ports::DateRange dates) {
  if (dates.last < dates.first)
    throw std::invalid_argument("yahoo: date range ends before it starts");
  const HttpRequest request = daily_bars_request(symbol, dates);
  const HttpResponse response = http_.send(request);
  if (response.status == 404)
    throw source_error(SourceFailure::NotFound, request, &response,
                       "unknown symbol " + symbol + ": " +
                           yahoo_error_description(response.body).value_or("not found"));
  ensure_success(request, response);
  YahooChart chart = parse_body(request, response, parse_yahoo_chart);
  std::erase_if(chart.bars, [&](const Bar& bar) {
    return bar.date() < dates.first || bar.date() > dates.last;
  });
  return chart;
}

}  // namespace dorado::data
