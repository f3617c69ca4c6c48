#include "dorado/data/sources/fred_client.hpp"

#include <cstdlib>
#include <stdexcept>

#include "dorado/data/sources/parse_body.hpp"
#include "dorado/data/sources/query_string.hpp"

namespace dorado::data {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

FredConfig FredConfig::from_environment(const char* variable) {
  FredConfig config;
  const char* key = std::getenv(variable);
  if (key == nullptr || *key == '\0')
    throw std::invalid_argument(std::string("fred: the API key variable ") + variable +
                                " is not set (get a free key at "
                                "https://fred.stlouisfed.org/docs/api/api_key.html)");
  config.api_key = key;
  return config;
}

FredClient::FredClient(FredConfig config, HttpClient& http)
    : config_(std::move(config)), http_(http) {
  if (config_.api_key.empty()) throw std::invalid_argument("fred: the API key is empty");
  if (config_.page_limit < 1 || config_.page_limit > 100'000)
    throw std::invalid_argument("fred: page_limit must be within 1..100000");
}

HttpRequest FredClient::page_request(const std::string& series_id, ports::DateRange dates,
                                     std::int64_t offset) const {
  HttpRequest request;
  request.source = "fred";
  request.url = with_query(config_.base_url + "/fred/series/observations",
                           {{"series_id", series_id},
                            {"api_key", config_.api_key},
                            {"file_type", "json"},
                            {"observation_start", to_iso_date(dates.first)},
                            {"observation_end", to_iso_date(dates.last)},
                            {"sort_order", "asc"},
                            {"limit", std::to_string(config_.page_limit)},
                            {"offset", std::to_string(offset)}});
  request.secret_params = {"api_key"};
  request.secret_values = {config_.api_key};
  return request;
}

std::vector<FredObservation> FredClient::observations(const std::string& series_id,
                                                      ports::DateRange dates) {
  if (dates.last < dates.first)
    throw std::invalid_argument("fred: date range ends before it starts");
  std::vector<FredObservation> all;
  for (std::int64_t offset = 0;;) {
    const HttpRequest request = page_request(series_id, dates, offset);
    const HttpResponse response = http_.send(request);
    if (response.status == 400 || response.status == 404) {
      // FRED reports every refusal as 400; its message says which.
      const std::string message = fred_error_message(response.body).value_or("bad request");
      const SourceFailure failure =
          contains(message, "does not exist") ? SourceFailure::NotFound
          : contains(message, "api_key") || contains(message, "not registered")
              ? SourceFailure::Unauthorized
              : SourceFailure::BadRequest;
      throw source_error(failure, request, &response, series_id + ": " + message);
    }
    ensure_success(request, response);
    FredObservationsPage page = parse_body(request, response, parse_fred_observations);
    if (page.offset != offset)
      throw source_error(
          SourceFailure::MalformedBody, request, &response,
          "asked for offset " + std::to_string(offset) + ", got " + std::to_string(page.offset));
    const auto received = static_cast<std::int64_t>(page.observations.size());
    all.insert(all.end(), page.observations.begin(), page.observations.end());
    offset += received;
    if (received == 0 || offset >= page.count) break;
  }
  return all;
}

}  // namespace dorado::data
