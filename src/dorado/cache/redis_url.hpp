#pragma once
// Where a Redis server is: parsed from redis://[[user]:password@]host[:port][/db]
// (the scheme Redis clients share; port 6379 and db 0 by default; an IPv6
// host goes in brackets). The password is never part of error messages.
#include <string>
#include <string_view>

namespace dorado::cache {

struct RedisEndpoint {
  std::string host;
  int port = 6379;
  int db = 0;
  std::string username;  // Redis 6 ACL user; empty for the default user
  std::string password;  // empty when the server needs none

  // "redis://host:port/db", without credentials: safe to log.
  std::string redacted() const;
};

// Throws std::invalid_argument naming what is wrong (credentials redacted).
RedisEndpoint parse_redis_url(std::string_view url);

}  // namespace dorado::cache
