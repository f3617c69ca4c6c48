#include "dorado/regime/publish/published_regime_json.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace dorado::regime {

namespace {

using nlohmann::json;

json to_object(const PublishedRegime& r) {
  json probabilities = json::object();
  for (const auto& [label, p] : r.probabilities) probabilities[label] = p;
  return {{"model", r.model},
          {"label", r.label},
          {"confidence", r.confidence},
          {"probabilities", probabilities},
          {"as_of", to_iso8601(r.as_of)},
          {"model_version", r.model_version}};
}

const json& field(const json& object, const char* name, json::value_t type) {
  const auto it = object.find(name);
  if (it == object.end())
    throw std::invalid_argument(std::string("published regime: field \"") + name + "\" missing");
  const bool number_ok = type == json::value_t::number_float && it->is_number();
  if (it->type() != type && !number_ok)
    throw std::invalid_argument(std::string("published regime: field \"") + name +
                                "\" has the wrong type (" + it->type_name() + ")");
  return *it;
}

PublishedRegime from_object(const json& j) {
  if (!j.is_object()) throw std::invalid_argument("published regime: not a JSON object");
  PublishedRegime r;
  r.model = field(j, "model", json::value_t::string).get<std::string>();
  r.label = field(j, "label", json::value_t::string).get<std::string>();
  r.confidence = field(j, "confidence", json::value_t::number_float).get<double>();
  for (const auto& [label, p] : field(j, "probabilities", json::value_t::object).items()) {
    if (!p.is_number())
      throw std::invalid_argument("published regime: probability of \"" + label +
                                  "\" is not a number");
    r.probabilities[label] = p.get<double>();
  }
  r.as_of = parse_iso8601(field(j, "as_of", json::value_t::string).get<std::string>());
  r.model_version = field(j, "model_version", json::value_t::string).get<std::string>();
  return r;
}

json parse(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw std::invalid_argument(std::string("published regime: not JSON: ") + e.what());
  }
}

// Digits of text[at, at + n) as a number; throws naming the whole text.
int digits(std::string_view text, std::size_t at, std::size_t n) {
  int value = 0;
  const char* first = text.data() + at;
  const auto [end, ec] = std::from_chars(first, first + n, value);
  if (ec != std::errc{} || end != first + n)
    throw std::invalid_argument("not an ISO-8601 UTC instant: \"" + std::string(text) + "\"");
  return value;
}

}  // namespace

std::string to_json(const PublishedRegime& regime) {
  return to_object(regime).dump();
}

std::string to_json(const std::map<std::string, PublishedRegime>& by_instrument) {
  json j = json::object();
  for (const auto& [instrument, r] : by_instrument) j[instrument] = to_object(r);
  return j.dump();
}

PublishedRegime published_regime_from_json(std::string_view text) {
  return from_object(parse(text));
}

std::map<std::string, PublishedRegime> published_regimes_from_json(std::string_view text) {
  const json j = parse(text);
  if (!j.is_object()) throw std::invalid_argument("published regimes: not a JSON object");
  std::map<std::string, PublishedRegime> out;
  for (const auto& [instrument, r] : j.items()) out[instrument] = from_object(r);
  return out;
}

Date parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    throw std::invalid_argument("not an ISO-8601 date: \"" + std::string(text) + "\"");
  const Date day{std::chrono::year{digits(text, 0, 4)},
                 std::chrono::month{unsigned(digits(text, 5, 2))},
                 std::chrono::day{unsigned(digits(text, 8, 2))}};
  if (!day.ok()) throw std::invalid_argument("not a calendar date: \"" + std::string(text) + "\"");
  return day;
}

Timestamp parse_iso8601(std::string_view text) {
  using namespace std::chrono;
  // YYYY-MM-DDTHH:MM:SS.ffffffZ, exactly as to_iso8601 writes it.
  const auto separators_ok = text.size() == 27 && text[4] == '-' && text[7] == '-' &&
                             text[10] == 'T' && text[13] == ':' && text[16] == ':' &&
                             text[19] == '.' && text[26] == 'Z';
  if (!separators_ok)
    throw std::invalid_argument("not an ISO-8601 UTC instant: \"" + std::string(text) + "\"");
  const year_month_day day{year{digits(text, 0, 4)}, month{unsigned(digits(text, 5, 2))},
                           std::chrono::day{unsigned(digits(text, 8, 2))}};
  const int h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!day.ok() || h > 23 || m > 59 || s > 59)
    throw std::invalid_argument("not an ISO-8601 UTC instant: \"" + std::string(text) + "\"");
  return Timestamp{sys_days{day}} + hours{h} + minutes{m} + seconds{s} +
         microseconds{digits(text, 20, 6)};
}

}  // namespace dorado::regime
