#include "dorado/data/sources/yahoo_chart.hpp"

#include <date/tz.h>

#include <cmath>

#include "dorado/data/sources/json_payload.hpp"
#include "dorado/data/sources/payload_error.hpp"

namespace dorado::data {
namespace {

using namespace json_payload;

const date::time_zone& zone_named(const std::string& name, const std::string& path) {
  try {
    return *date::locate_zone(name);
  } catch (const std::exception&) {
    throw PayloadError(path, "unknown time zone \"" + name + "\"");
  }
}

Date trade_date(const date::time_zone& zone, std::int64_t unix_seconds) {
  const auto local = zone.to_local(std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
  return Date{
      std::chrono::sys_days{std::chrono::floor<std::chrono::days>(local.time_since_epoch())}};
}

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

// The values array `name` of the quote block, which must match the timestamps in length.
const json& series(const json& block, const std::string& path, std::string_view name,
                   std::size_t rows) {
  const std::string here = member_path(path, name);
  const json& values = expect_array(member(block, path, name), here);
  if (values.size() != rows)
    throw PayloadError(here, "has " + std::to_string(values.size()) + " values for " +
                                 std::to_string(rows) + " timestamps");
  return values;
}

// The trade date of a session still in progress, if any.
std::optional<Date> live_session(const json& meta, const date::time_zone& zone) {
  const json* period = optional_member(meta, "chart.result[0].meta", "currentTradingPeriod");
  const json* market_time = optional_member(meta, "chart.result[0].meta", "regularMarketTime");
  if (period == nullptr || market_time == nullptr || market_time->is_null()) return std::nullopt;
  const std::string path = "chart.result[0].meta.currentTradingPeriod";
  const json& regular = member(*period, path, "regular");
  const std::int64_t start = integer(member(regular, path + ".regular", "start"), path);
  const std::int64_t end = integer(member(regular, path + ".regular", "end"), path);
  const std::int64_t now = integer(*market_time, "chart.result[0].meta.regularMarketTime");
  if (now >= end) return std::nullopt;
  return trade_date(zone, start);
}

}  // namespace

std::optional<std::string> yahoo_error_description(std::string_view payload) {
  const json body = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  const auto chart = body.find("chart");
  if (chart == body.end() || !chart->is_object()) return std::nullopt;
  const auto error = chart->find("error");
  if (error == chart->end() || !error->is_object()) return std::nullopt;
  const auto description = error->find("description");
  if (description != error->end() && description->is_string())
    return description->get<std::string>();
  const auto code = error->find("code");
  if (code != error->end() && code->is_string()) return code->get<std::string>();
  return std::nullopt;
}

YahooChart parse_yahoo_chart(std::string_view payload) {
  const json body = parse(payload);
  const json& chart = member(expect_object(body, ""), "", "chart");
  if (chart.is_null()) throw PayloadError("chart", "is null (Yahoo answers this when unwell)");
  if (const json* error = optional_member(chart, "chart", "error"); error && !error->is_null())
    throw PayloadError("chart.error", error->dump());
  const json& results = expect_array(member(chart, "chart", "result"), "chart.result");
  if (results.empty()) throw PayloadError("chart.result", "is empty");
  const std::string root = "chart.result[0]";
  const json& result = expect_object(results[0], root);

  const std::string meta_path = root + ".meta";
  const json& meta = member(result, root, "meta");
  YahooChart chart_out;
  chart_out.symbol = string(member(meta, meta_path, "symbol"), meta_path + ".symbol");
  if (const json* currency = optional_member(meta, meta_path, "currency");
      currency && currency->is_string())
    chart_out.currency = currency->get<std::string>();
  const std::string zone_path = meta_path + ".exchangeTimezoneName";
  chart_out.exchange_timezone = string(member(meta, meta_path, "exchangeTimezoneName"), zone_path);
  const date::time_zone& zone = zone_named(chart_out.exchange_timezone, zone_path);
  int price_hint = 6;
  if (const json* hint = optional_member(meta, meta_path, "priceHint"); hint && !hint->is_null())
    price_hint = static_cast<int>(integer(*hint, meta_path + ".priceHint"));

  // A symbol with no trades in the window has no timestamp member at all.
  const json* stamps = optional_member(result, root, "timestamp");
  if (stamps == nullptr || stamps->is_null()) return chart_out;
  const std::string stamps_path = root + ".timestamp";
  expect_array(*stamps, stamps_path);
  const std::size_t rows = stamps->size();

  const std::string indicators_path = root + ".indicators";
  const json& indicators = member(result, root, "indicators");
  const json& quotes =
      expect_array(member(indicators, indicators_path, "quote"), indicators_path + ".quote");
  if (quotes.empty()) throw PayloadError(indicators_path + ".quote", "is empty");
  const std::string quote_path = indicators_path + ".quote[0]";
  const json& quote = quotes[0];
  const json& open = series(quote, quote_path, "open", rows);
  const json& high = series(quote, quote_path, "high", rows);
  const json& low = series(quote, quote_path, "low", rows);
  const json& close = series(quote, quote_path, "close", rows);
  const json& volume = series(quote, quote_path, "volume", rows);
  const json* adjusted = nullptr;
  if (const json* adj = optional_member(indicators, indicators_path, "adjclose");
      adj && adj->is_array() && !adj->empty())
    adjusted = &series((*adj)[0], indicators_path + ".adjclose[0]", "adjclose", rows);

  const std::optional<Date> live = live_session(meta, zone);
  for (std::size_t i = 0; i < rows; ++i) {
    if (open[i].is_null() || high[i].is_null() || low[i].is_null() || close[i].is_null()) {
      ++chart_out.skipped_null_rows;
      continue;
    }
    const auto at = [&](std::string_view name) {
      return index_path(member_path(quote_path, name), i);
    };
    const Date date = trade_date(zone, integer((*stamps)[i], index_path(stamps_path, i)));
    if (live && date == *live) {
      chart_out.dropped_live_bar = date;
      continue;
    }
    Bar bar;
    bar.time = Timestamp{std::chrono::sys_days{date}};
    bar.open = round_to(number(open[i], at("open")), price_hint);
    bar.high = round_to(number(high[i], at("high")), price_hint);
    bar.low = round_to(number(low[i], at("low")), price_hint);
    bar.close = round_to(number(close[i], at("close")), price_hint);
    bar.volume = volume[i].is_null() ? 0.0 : number(volume[i], at("volume"));
    if (adjusted != nullptr && !(*adjusted)[i].is_null())
      bar.adjusted_close =
          number((*adjusted)[i], index_path(indicators_path + ".adjclose[0].adjclose", i));
    // Yahoo sometimes repeats the latest session under a second timestamp; the later row wins.
    if (!chart_out.bars.empty() && chart_out.bars.back().date() == date) {
      chart_out.bars.back() = bar;
    } else if (!chart_out.bars.empty() && chart_out.bars.back().date() > date) {
      throw PayloadError(index_path(stamps_path, i), "timestamps are not ascending");
    } else {
      chart_out.bars.push_back(bar);
    }
  }
  return chart_out;
}

}  // namespace dorado::data
