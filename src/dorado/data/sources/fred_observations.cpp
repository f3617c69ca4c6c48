#include "dorado/data/sources/fred_observations.hpp"

#include "dorado/data/sources/json_payload.hpp"
#include "dorado/data/sources/payload_error.hpp"
#include "dorado/data/sources/text_fields.hpp"

namespace dorado::data {

using namespace json_payload;

FredObservationsPage parse_fred_observations(std::string_view payload) {
  const json body = parse(payload);
  expect_object(body, "");
  FredObservationsPage page;
  page.count = integer(member(body, "", "count"), "count");
  page.offset = integer(member(body, "", "offset"), "offset");
  const json& rows = expect_array(member(body, "", "observations"), "observations");
  page.observations.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string path = index_path("observations", i);
    const json& row = expect_object(rows[i], path);
    FredObservation observation;
    observation.date = iso_date(member(row, path, "date"), path + ".date");
    const std::string value_path = path + ".value";
    const std::string text = string(member(row, path, "value"), value_path);
    if (text != ".") {
      observation.value = text_fields::parse_decimal(text);
      if (!observation.value)
        throw PayloadError(value_path, "\"" + text + "\" is neither a number nor \".\"");
    }
    if (!page.observations.empty() && page.observations.back().date >= observation.date)
      throw PayloadError(path + ".date", "dates are not strictly ascending");
    page.observations.push_back(observation);
  }
  return page;
}

std::optional<std::string> fred_error_message(std::string_view payload) {
  const json body = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  const auto message = body.find("error_message");
  if (message == body.end() || !message->is_string()) return std::nullopt;
  return message->get<std::string>();
}

}  // namespace dorado::data
