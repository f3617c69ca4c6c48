#include "dorado/data/sources/funding_history.hpp"

#include "dorado/data/sources/json_payload.hpp"
#include "dorado/data/sources/payload_error.hpp"

namespace dorado::data {
namespace {

using namespace json_payload;

Timestamp from_epoch_ms(std::int64_t ms) {
  return Timestamp{std::chrono::milliseconds{ms}};
}

struct FundingFields {
  std::string_view venue, symbol, rate, time;
};

std::vector<ports::FundingRate> parse_funding(std::string_view payload, FundingFields fields) {
  const json body = parse(payload);
  expect_array(body, "");
  std::vector<ports::FundingRate> out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const std::string path = index_path("", i);
    const json& row = expect_object(body[i], path);
    ports::FundingRate rate;
    rate.venue = std::string(fields.venue);
    rate.symbol = string(member(row, path, fields.symbol), member_path(path, fields.symbol));
    rate.rate = decimal_string(member(row, path, fields.rate), member_path(path, fields.rate));
    const std::string time_path = member_path(path, fields.time);
    rate.funding_time = from_epoch_ms(integer(member(row, path, fields.time), time_path));
    if (!out.empty() && out.back().funding_time >= rate.funding_time)
      throw PayloadError(time_path, "funding times are not strictly ascending");
    out.push_back(std::move(rate));
  }
  return out;
}

}  // namespace

std::vector<ports::FundingRate> parse_binance_funding(std::string_view payload) {
  return parse_funding(payload, {"binance", "symbol", "fundingRate", "fundingTime"});
}

std::vector<ports::FundingRate> parse_hyperliquid_funding(std::string_view payload) {
  return parse_funding(payload, {"hyperliquid", "coin", "fundingRate", "time"});
}

std::optional<BinanceError> binance_error(std::string_view payload) {
  const json body = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  const auto code = body.find("code");
  const auto message = body.find("msg");
  if (code == body.end() || !code->is_number_integer() || message == body.end() ||
      !message->is_string())
    return std::nullopt;
  return BinanceError{code->get<long>(), message->get<std::string>()};
}

}  // namespace dorado::data
