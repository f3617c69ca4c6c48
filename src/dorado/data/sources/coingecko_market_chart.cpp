#include "dorado/data/sources/coingecko_market_chart.hpp"

#include <map>

#include "dorado/data/sources/json_payload.hpp"
#include "dorado/data/sources/payload_error.hpp"

namespace dorado::data {
namespace {

using namespace json_payload;

struct Point {
  Timestamp time;
  double value;
};

std::vector<Point> points(const json& body, std::string_view name) {
  const std::string path(name);
  const json& array = expect_array(member(body, "", name), path);
  std::vector<Point> out;
  out.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string here = index_path(path, i);
    const json& pair = expect_array(array[i], here);
    if (pair.size() != 2) throw PayloadError(here, "expected [timestamp_ms, value]");
    const double ms = number(pair[0], index_path(here, 0));
    if (pair[1].is_null()) continue;  // CoinGecko leaves holes as null
    const double value = number(pair[1], index_path(here, 1));
    const auto time = Timestamp{std::chrono::microseconds{static_cast<std::int64_t>(ms) * 1000}};
    if (!out.empty() && out.back().time >= time)
      throw PayloadError(index_path(here, 0), "timestamps are not ascending");
    out.push_back({time, value});
  }
  return out;
}

// The first point of each UTC date, if it lies within that date's first hour.
std::map<Date, Point> first_hour_points(const std::vector<Point>& series) {
  std::map<Date, Point> by_date;
  for (const Point& point : series) {
    const auto day = std::chrono::floor<std::chrono::days>(point.time);
    const Date date{day};
    if (by_date.contains(date) || point.time - day >= std::chrono::hours{1}) continue;
    by_date.emplace(date, point);
  }
  return by_date;
}

}  // namespace

std::vector<CoinDailyPoint> parse_coingecko_market_chart(std::string_view payload) {
  const json body = parse(payload);
  expect_object(body, "");
  const auto prices = first_hour_points(points(body, "prices"));
  const auto volumes = first_hour_points(points(body, "total_volumes"));
  std::map<Date, Point> caps;
  if (body.contains("market_caps")) caps = first_hour_points(points(body, "market_caps"));

  std::vector<CoinDailyPoint> out;
  out.reserve(prices.size());
  for (const auto& [date, price] : prices) {
    CoinDailyPoint day{date, price.time, price.value, std::nullopt, std::nullopt};
    if (const auto v = volumes.find(date); v != volumes.end() && v->second.time == price.time)
      day.total_volume = v->second.value;
    if (const auto c = caps.find(date); c != caps.end() && c->second.time == price.time)
      day.market_cap = c->second.value;
    out.push_back(day);
  }
  return out;
}

std::optional<std::string> coingecko_error_message(std::string_view payload) {
  const json body = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  if (const auto error = body.find("error"); error != body.end() && error->is_string())
    return error->get<std::string>();
  if (const auto status = body.find("status"); status != body.end() && status->is_object())
    if (const auto message = status->find("error_message");
        message != status->end() && message->is_string())
      return message->get<std::string>();
  return std::nullopt;
}

}  // namespace dorado::data
