#include "dorado/data/sources/cboe_client.hpp"

#include <map>
#include <stdexcept>

#include "dorado/data/sources/parse_body.hpp"
#include "dorado/data/sources/query_string.hpp"

namespace dorado::data {

CboeClient::CboeClient(CboeConfig config, HttpClient& http)
    : config_(std::move(config)), http_(http) {
  if (config_.base_url.empty()) throw std::invalid_argument("cboe: base_url is empty");
}

std::vector<IndexClose> CboeClient::index_closes(const std::string& index, ports::DateRange dates) {
  if (dates.last < dates.first)
    throw std::invalid_argument("cboe: date range ends before it starts");
  HttpRequest request;
  request.source = "cboe";
  request.url = config_.base_url + "/" + percent_encode(index) + "_History.csv";
  request.headers = {{"Accept", "text/csv"}};
  const HttpResponse response = http_.send(request);
  // The CDN answers an unknown file with 403 (S3 style) or 404.
  if (response.status == 403 || response.status == 404)
    throw source_error(SourceFailure::NotFound, request, &response,
                       "no history file for index " + index);
  ensure_success(request, response);
  std::vector<IndexClose> closes = parse_body(request, response, parse_cboe_index_history);
  std::erase_if(closes, [&](const IndexClose& row) {
    return row.date < dates.first || row.date > dates.last;
  });
  return closes;
}

std::vector<VixTermPoint> CboeClient::vix_term_structure(ports::DateRange dates) {
  std::map<Date, VixTermPoint> by_date;
  const std::pair<const char*, std::optional<double> VixTermPoint::*> tenors[] = {
      {"VIX9D", &VixTermPoint::vix9d},
      {"VIX", &VixTermPoint::vix},
      {"VIX3M", &VixTermPoint::vix3m},
      {"VIX6M", &VixTermPoint::vix6m}};
  for (const auto& [index, slot] : tenors) {
    for (const IndexClose& row : index_closes(index, dates)) {
      VixTermPoint& point = by_date[row.date];
      point.date = row.date;
      point.*slot = row.close;
    }
  }
  std::vector<VixTermPoint> points;
  points.reserve(by_date.size());
  for (auto& [date, point] : by_date) points.push_back(point);
  return points;
}

}  // namespace dorado::data
