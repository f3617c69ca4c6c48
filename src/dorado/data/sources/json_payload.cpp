#include "dorado/data/sources/json_payload.hpp"

#include <charconv>
#include <cmath>

#include "dorado/data/sources/payload_error.hpp"
#include "dorado/data/sources/text_fields.hpp"

namespace dorado::data::json_payload {
namespace {

std::string type_text(const json& value) {
  return value.type_name();
}

}  // namespace

json parse(std::string_view text) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw PayloadError("byte " + std::to_string(e.byte),
                       text.empty() ? "empty body" : "not valid JSON (truncated?)");
  }
}

std::string index_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string member_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

const json& expect_object(const json& value, const std::string& path) {
  if (!value.is_object())
    throw PayloadError(path.empty() ? "top level" : path,
                       "expected an object, found " + type_text(value));
  return value;
}

const json& expect_array(const json& value, const std::string& path) {
  if (!value.is_array())
    throw PayloadError(path.empty() ? "top level" : path,
                       "expected an array, found " + type_text(value));
  return value;
}

const json* optional_member(const json& object, const std::string& path, std::string_view key) {
  expect_object(object, path);
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const json& member(const json& object, const std::string& path, std::string_view key) {
  const json* found = optional_member(object, path, key);
  if (found == nullptr) throw PayloadError(member_path(path, key), "missing");
  return *found;
}

double number(const json& value, const std::string& path) {
  if (!value.is_number()) throw PayloadError(path, "expected a number, found " + type_text(value));
  const double result = value.get<double>();
  if (!std::isfinite(result)) throw PayloadError(path, "not a finite number");
  return result;
}

std::int64_t integer(const json& value, const std::string& path) {
  if (!value.is_number_integer())
    throw PayloadError(path, "expected an integer, found " + value.dump());
  return value.get<std::int64_t>();
}

std::string string(const json& value, const std::string& path) {
  if (!value.is_string()) throw PayloadError(path, "expected a string, found " + type_text(value));
  return value.get<std::string>();
}

double decimal_string(const json& value, const std::string& path) {
  const std::string text = string(value, path);
  const auto parsed = text_fields::parse_decimal(text);
  if (!parsed) throw PayloadError(path, "\"" + text + "\" is not a decimal number");
  return *parsed;
}

std::int64_t integer_string(const json& value, const std::string& path) {
  const std::string text = string(value, path);
  std::int64_t result = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), result);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty())
    throw PayloadError(path, "\"" + text + "\" is not an integer");
  return result;
}

Date iso_date(const json& value, const std::string& path) {
  const std::string text = string(value, path);
  const auto date = text_fields::parse_iso_date(std::string_view(text).substr(0, 10));
  if (!date || (text.size() > 10 && text[10] != 'T'))
    throw PayloadError(path, "\"" + text + "\" is not a YYYY-MM-DD date");
  return *date;
}

}  // namespace dorado::data::json_payload
