#pragma once
// How times and dates cross the SQL boundary: written as ISO-8601 UTC text
// (TEXT on SQLite, parsed into TIMESTAMPTZ/DATE by PostgreSQL), read back from
// either backend's spelling.
#include <string>
#include <string_view>

#include "dorado/domain/time.hpp"

namespace dorado::store {

// "2024-03-15T14:30:00.000000Z": fixed width, so text order is time order on SQLite.
std::string sql_timestamp(Timestamp t);
std::string sql_date(Date d);

// Accepts "2024-03-15T14:30:00.123456Z" (SQLite) and "2024-03-15 14:30:00.123456+00"
// (PostgreSQL in a UTC session), fractional seconds optional.
Timestamp parse_sql_timestamp(std::string_view text);
Date parse_sql_date(std::string_view text);

}  // namespace dorado::store
