#include "dorado/data/sources/cftc_client.hpp"

#include <stdexcept>

#include "dorado/data/sources/parse_body.hpp"
#include "dorado/data/sources/query_string.hpp"

namespace dorado::data {
namespace {

// Socrata's floating timestamp literal.
std::string floating(Date date) {
  return "'" + to_iso_date(date) + "T00:00:00.000'";
}

}  // namespace

CftcClient::CftcClient(CftcConfig config, HttpClient& http)
    : config_(std::move(config)), http_(http) {
  if (config_.page_limit < 1) throw std::invalid_argument("cftc: page_limit must be positive");
  if (config_.dataset.empty()) throw std::invalid_argument("cftc: dataset is empty");
}

std::vector<CotPositioning> CftcClient::tff_positioning(CotMarket market, ports::DateRange dates) {
  if (dates.last < dates.first)
    throw std::invalid_argument("cftc: date range ends before it starts");
  const std::string where = "cftc_contract_market_code='" + std::string(market.code) +
                            "' AND report_date_as_yyyy_mm_dd between " + floating(dates.first) +
                            " and " + floating(dates.last);
  std::vector<CotPositioning> all;
  for (int offset = 0;; offset += config_.page_limit) {
    HttpRequest request;
    request.source = "cftc";
    request.url = with_query(config_.base_url + "/resource/" + config_.dataset + ".json",
                             {{"$where", where},
                              {"$order", "report_date_as_yyyy_mm_dd ASC"},
                              {"$limit", std::to_string(config_.page_limit)},
                              {"$offset", std::to_string(offset)}});
    request.headers = {{"Accept", "application/json"}};
    if (!config_.app_token.empty()) {
      request.headers.emplace_back("X-App-Token", config_.app_token);
      request.secret_values = {config_.app_token};
    }
    const HttpResponse response = http_.send(request);
    if (response.status == 400)
      throw source_error(SourceFailure::BadRequest, request, &response,
                         socrata_error_message(response.body).value_or("bad request"));
    ensure_success(request, response);
    const std::vector<CotPositioning> page = parse_body(request, response, parse_cot_positioning);
    for (const CotPositioning& row : page) {
      if (row.futures_only != config_.futures_only || row.market_code != market.code)
        throw source_error(
            SourceFailure::MalformedBody, request, &response,
            "row for " + row.market_code + (row.futures_only ? " FutOnly" : " Combined") +
                " in a query for " + std::string(market.code) +
                (config_.futures_only ? " FutOnly" : " Combined") + " (wrong dataset id?)");
      if (!all.empty() && row.report_date <= all.back().report_date)
        throw source_error(SourceFailure::MalformedBody, request, &response,
                           "report dates are not ascending at " + to_iso_date(row.report_date));
      all.push_back(row);
    }
    if (static_cast<int>(page.size()) < config_.page_limit) break;
  }
  return all;
}

}  // namespace dorado::data
