#include "dorado/cache/redis_url.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace dorado::cache {
namespace {

std::string error_of(std::string_view url) {
  try {
    (void)parse_redis_url(url);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(RedisUrl, HostPortAndDatabase) {
  const auto e = parse_redis_url("redis://cache.internal:6380/2");
  EXPECT_EQ(e.host, "cache.internal");
  EXPECT_EQ(e.port, 6380);
  EXPECT_EQ(e.db, 2);
  EXPECT_EQ(e.password, "");
  EXPECT_EQ(e.redacted(), "redis://cache.internal:6380/2");
}

TEST(RedisUrl, Defaults) {
  const auto e = parse_redis_url("redis://localhost");
  EXPECT_EQ(e.host, "localhost");
  EXPECT_EQ(e.port, 6379);
  EXPECT_EQ(e.db, 0);
  EXPECT_EQ(parse_redis_url("redis://localhost/").db, 0);
}

TEST(RedisUrl, Credentials) {
  const auto e = parse_redis_url("redis://:pa55@127.0.0.1:6379/1");
  EXPECT_EQ(e.username, "");
  EXPECT_EQ(e.password, "pa55");
  const auto acl = parse_redis_url("redis://dorado:pa:55@127.0.0.1");
  EXPECT_EQ(acl.username, "dorado");
  EXPECT_EQ(acl.password, "pa:55");
  EXPECT_EQ(acl.redacted(), "redis://127.0.0.1:6379/0");
}

TEST(RedisUrl, Ipv6Host) {
  const auto e = parse_redis_url("redis://[::1]:7000/3");
  EXPECT_EQ(e.host, "::1");
  EXPECT_EQ(e.port, 7000);
  EXPECT_EQ(e.db, 3);
  EXPECT_EQ(e.redacted(), "redis://[::1]:7000/3");
}

TEST(RedisUrl, MistakesAreNamedAndCredentialsHidden) {
  EXPECT_EQ(error_of("http://localhost:6379"),
            "invalid Redis URL \"http://localhost:6379\": must start with redis://");
  EXPECT_EQ(error_of("redis://localhost:port"),
            "invalid Redis URL \"redis://localhost:port\": port must be a number from 1 to 65535, "
            "got \"port\"");
  EXPECT_EQ(error_of("redis://localhost:70000"),
            "invalid Redis URL \"redis://localhost:70000\": port must be a number from 1 to "
            "65535, got \"70000\"");
  EXPECT_EQ(error_of("redis://localhost:"), "invalid Redis URL \"redis://localhost:\": empty port");
  EXPECT_EQ(error_of("redis://:6379"), "invalid Redis URL \"redis://:6379\": missing host");
  EXPECT_EQ(error_of("redis://:secret@localhost/x"),
            "invalid Redis URL \"redis://***@localhost/x\": database must be a number from 0 to "
            "65535, got \"x\"");
  EXPECT_EQ(error_of("redis://[::1:6379"),
            "invalid Redis URL \"redis://[::1:6379\": unclosed '[' in IPv6 host");
}

}  // namespace
}  // namespace dorado::cache
