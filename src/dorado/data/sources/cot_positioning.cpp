#include "dorado/data/sources/cot_positioning.hpp"

#include <stdexcept>

#include "dorado/data/sources/json_payload.hpp"
#include "dorado/data/sources/payload_error.hpp"

namespace dorado::data {

using namespace json_payload;

CotMarket cot_market(std::string_view symbol) {
  std::string known;
  for (const CotMarket& market : kCotMarkets) {
    if (market.symbol == symbol) return market;
    known += known.empty() ? "" : ", ";
    known += market.symbol;
  }
  throw std::invalid_argument("unknown COT market \"" + std::string(symbol) +
                              "\" (known: " + known + ")");
}

std::vector<CotPositioning> parse_cot_positioning(std::string_view payload) {
  const json body = parse(payload);
  expect_array(body, "");
  std::vector<CotPositioning> rows;
  rows.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const std::string path = index_path("", i);
    const json& row = expect_object(body[i], path);
    const auto field = [&](std::string_view key) -> const json& { return member(row, path, key); };
    const auto count = [&](std::string_view key) {
      return integer_string(field(key), member_path(path, key));
    };
    CotPositioning out;
    out.report_date =
        iso_date(field("report_date_as_yyyy_mm_dd"), path + ".report_date_as_yyyy_mm_dd");
    out.market_code =
        string(field("cftc_contract_market_code"), path + ".cftc_contract_market_code");
    out.market_name =
        string(field("market_and_exchange_names"), path + ".market_and_exchange_names");
    const std::string kind = string(field("futonly_or_combined"), path + ".futonly_or_combined");
    if (kind != "FutOnly" && kind != "Combined")
      throw PayloadError(path + ".futonly_or_combined",
                         "\"" + kind + "\" is neither FutOnly nor Combined");
    out.futures_only = kind == "FutOnly";
    out.open_interest = count("open_interest_all");
    out.leveraged_long = count("lev_money_positions_long");
    out.leveraged_short = count("lev_money_positions_short");
    out.asset_manager_long = count("asset_mgr_positions_long");
    out.asset_manager_short = count("asset_mgr_positions_short");
    out.dealer_long = count("dealer_positions_long_all");
    out.dealer_short = count("dealer_positions_short_all");
    rows.push_back(std::move(out));
  }
  return rows;
}

std::optional<std::string> socrata_error_message(std::string_view payload) {
  const json body = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  const auto message = body.find("message");
  if (message == body.end() || !message->is_string()) return std::nullopt;
  return message->get<std::string>();
}

}  // namespace dorado::data
