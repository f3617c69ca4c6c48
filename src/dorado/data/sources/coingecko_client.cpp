#include "dorado/data/sources/coingecko_client.hpp"

#include <cstdlib>
#include <stdexcept>

#include "dorado/data/sources/parse_body.hpp"
#include "dorado/data/sources/query_string.hpp"

namespace dorado::data {
namespace {

std::string unix_seconds(std::chrono::sys_days day) {
  return std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count());
}

}  // namespace

CoinGeckoConfig CoinGeckoConfig::from_environment(const char* variable) {
  CoinGeckoConfig config;
  if (const char* key = std::getenv(variable); key != nullptr) config.demo_api_key = key;
  return config;
}

CoinGeckoClient::CoinGeckoClient(CoinGeckoConfig config, HttpClient& http)
    : config_(std::move(config)), http_(http) {
  if (config_.base_url.empty()) throw std::invalid_argument("coingecko: base_url is empty");
}

std::vector<CoinDailyPoint> CoinGeckoClient::daily_prices(const std::string& coin_id,
                                                          ports::DateRange dates) {
  if (dates.last < dates.first)
    throw std::invalid_argument("coingecko: date range ends before it starts");
  // Up to the first hour of the day after the last date, where that date's point lives.
  const auto from = std::chrono::sys_days{dates.first};
  const auto to = std::chrono::sys_days{dates.last} + std::chrono::days{1};
  HttpRequest request;
  request.source = "coingecko";
  request.url =
      with_query(config_.base_url + "/coins/" + percent_encode(coin_id) + "/market_chart/range",
                 {{"vs_currency", config_.vs_currency},
                  {"from", unix_seconds(from)},
                  {"to", unix_seconds(to)},
                  {"precision", "full"}});
  request.headers = {{"Accept", "application/json"}};
  if (!config_.demo_api_key.empty()) {
    request.headers.emplace_back("x-cg-demo-api-key", config_.demo_api_key);
    request.secret_values = {config_.demo_api_key};
  }
  const HttpResponse response = http_.send(request);
  if (response.status == 404)
    throw source_error(SourceFailure::NotFound, request, &response,
                       "unknown coin id " + coin_id + ": " +
                           coingecko_error_message(response.body).value_or("not found"));
  ensure_success(request, response);
  std::vector<CoinDailyPoint> days = parse_body(request, response, parse_coingecko_market_chart);
  std::erase_if(days, [&](const CoinDailyPoint& day) {
    return day.date < dates.first || day.date > dates.last;
  });
  return days;
}

}  // namespace dorado::data
