#include "dorado/data/sources/funding_clients.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/data/sources/parse_body.hpp"
#include "dorado/data/sources/query_string.hpp"

namespace dorado::data {
namespace {

struct MillisecondRange {
  std::int64_t first;
  std::int64_t last;  // inclusive
};

MillisecondRange milliseconds(ports::DateRange dates, const char* source) {
  if (dates.last < dates.first)
    throw std::invalid_argument(std::string(source) + ": date range ends before it starts");
  const auto ms = [](std::chrono::sys_days day) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count();
  };
  return {ms(std::chrono::sys_days{dates.first}),
          ms(std::chrono::sys_days{dates.last} + std::chrono::days{1}) - 1};
}

std::int64_t epoch_ms(Timestamp t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// Appends a page, checking that it moves forward; returns the next start or nullopt when done.
std::optional<std::int64_t> append_page(std::vector<ports::FundingRate>& all,
                                        std::vector<ports::FundingRate> page,
                                        MillisecondRange range, const HttpRequest& request,
                                        const HttpResponse& response) {
  if (page.empty()) return std::nullopt;
  if (!all.empty() && page.front().funding_time <= all.back().funding_time)
    throw source_error(SourceFailure::MalformedBody, request, &response,
                       "page starts at " + to_iso8601(page.front().funding_time) +
                           ", not after the previous page's end");
  for (auto& rate : page)
    if (epoch_ms(rate.funding_time) <= range.last) all.push_back(std::move(rate));
  const std::int64_t next = epoch_ms(page.back().funding_time) + 1;
  if (next > range.last) return std::nullopt;
  return next;
}

}  // namespace

BinanceFundingClient::BinanceFundingClient(BinanceFundingConfig config, HttpClient& http)
    : config_(std::move(config)), http_(http) {
  if (config_.page_limit < 1 || config_.page_limit > 1000)
    throw std::invalid_argument("binance: page_limit must be within 1..1000");
}

std::vector<ports::FundingRate> BinanceFundingClient::funding_history(const std::string& symbol,
                                                                      ports::DateRange dates) {
  const MillisecondRange range = milliseconds(dates, "binance");
  std::vector<ports::FundingRate> all;
  for (std::optional<std::int64_t> start = range.first; start;) {
    HttpRequest request;
    request.source = "binance";
    request.url = with_query(config_.base_url + "/fapi/v1/fundingRate",
                             {{"symbol", symbol},
                              {"startTime", std::to_string(*start)},
                              {"endTime", std::to_string(range.last)},
                              {"limit", std::to_string(config_.page_limit)}});
    const HttpResponse response = http_.send(request);
    if (response.status == 400) {
      const auto error = binance_error(response.body);
      const bool unknown_symbol = error && error->code == -1121;
      throw source_error(unknown_symbol ? SourceFailure::NotFound : SourceFailure::BadRequest,
                         request, &response,
                         symbol + ": " + (error ? error->message : std::string("bad request")));
    }
    ensure_success(request, response);
    auto page = parse_body(request, response, parse_binance_funding);
    const bool short_page = static_cast<int>(page.size()) < config_.page_limit;
    start = append_page(all, std::move(page), range, request, response);
    if (short_page) break;
  }
  return all;
}

HyperliquidFundingClient::HyperliquidFundingClient(HyperliquidFundingConfig config,
                                                   HttpClient& http)
    : config_(std::move(config)), http_(http) {
  if (config_.base_url.empty()) throw std::invalid_argument("hyperliquid: base_url is empty");
}

std::vector<ports::FundingRate> HyperliquidFundingClient::funding_history(const std::string& coin,
                                                                          ports::DateRange dates) {
  const MillisecondRange range = milliseconds(dates, "hyperliquid");
  std::vector<ports::FundingRate> all;
  // The page cap is not documented, so page until an empty answer or the range end.
  for (std::optional<std::int64_t> start = range.first; start;) {
    HttpRequest request;
    request.source = "hyperliquid";
    request.url = config_.base_url + "/info";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = nlohmann::json{
        {"type", "fundingHistory"},
        {"coin", coin},
        {"startTime", *start},
        {"endTime",
         range.last}}.dump();
    const HttpResponse response = http_.send(request);
    ensure_success(request, response);
    // An unknown coin is not an HTTP error; an empty list (or null) simply ends the paging.
    if (response.body == "null") break;
    start = append_page(all, parse_body(request, response, parse_hyperliquid_funding), range,
                        request, response);
  }
  return all;
}

}  // namespace dorado::data
