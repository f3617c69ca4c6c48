#pragma once
// Reading JSON payloads with errors that say where: every accessor takes the
// JSON path of the value it reads ("chart.result[0].timestamp[3]") and throws
// PayloadError naming that path; a syntax error (e.g. a truncated body) names
// the byte offset.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "dorado/domain/time.hpp"

namespace dorado::data::json_payload {

using nlohmann::json;

json parse(std::string_view text);

std::string index_path(const std::string& path, std::size_t index);
std::string member_path(const std::string& path, std::string_view key);

// The member `key` of object `object` (at `path`); throws if absent or not an object.
const json& member(const json& object, const std::string& path, std::string_view key);
const json* optional_member(const json& object, const std::string& path, std::string_view key);

const json& expect_array(const json& value, const std::string& path);
const json& expect_object(const json& value, const std::string& path);

double number(const json& value, const std::string& path);
std::int64_t integer(const json& value, const std::string& path);
std::string string(const json& value, const std::string& path);

// A decimal carried as a JSON string ("0.00010000", "2116079"): Binance,
// Hyperliquid and Socrata send numbers that way.
double decimal_string(const json& value, const std::string& path);
std::int64_t integer_string(const json& value, const std::string& path);

// "2024-01-02" or "2024-01-02T00:00:00.000" (Socrata floating timestamps): the date part.
Date iso_date(const json& value, const std::string& path);

}  // namespace dorado::data::json_payload
