#include "dorado/cache/redis_url.hpp"

#include <charconv>
#include <stdexcept>

namespace dorado::cache {
namespace {

constexpr std::string_view kScheme = "redis://";

[[noreturn]] void invalid(std::string_view shown, const std::string& why) {
  throw std::invalid_argument("invalid Redis URL \"" + std::string(shown) + "\": " + why);
}

int parse_number(std::string_view text, int low, int high, std::string_view shown,
                 const char* what) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < low ||
      value > high)
    invalid(shown, std::string(what) + " must be a number from " + std::to_string(low) + " to " +
                       std::to_string(high) + ", got \"" + std::string(text) + "\"");
  return value;
}

}  // namespace

std::string RedisEndpoint::redacted() const {
  const bool v6 = host.find(':') != std::string::npos;
  return std::string(kScheme) + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/" +
         std::to_string(db);
}

RedisEndpoint parse_redis_url(std::string_view url) {
  std::string_view rest = url;
  // Until the credentials are split off, show only the scheme and what follows '@'.
  std::string shown(url);
  if (!rest.starts_with(kScheme)) invalid(url.substr(0, url.find('@')), "must start with redis://");
  rest.remove_prefix(kScheme.size());

  RedisEndpoint endpoint;
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view credentials = rest.substr(0, at);
    rest.remove_prefix(at + 1);
    shown = std::string(kScheme) + "***@" + std::string(rest);
    const auto colon = credentials.find(':');
    if (colon == std::string_view::npos) {
      endpoint.password = std::string(credentials);  // redis://password@host, as redis-cli takes it
    } else {
      endpoint.username = std::string(credentials.substr(0, colon));
      endpoint.password = std::string(credentials.substr(colon + 1));
    }
  }

  std::string_view authority = rest;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    const std::string_view db = rest.substr(slash + 1);
    if (!db.empty()) endpoint.db = parse_number(db, 0, 65535, shown, "database");
  }

  std::string_view port_text;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) invalid(shown, "unclosed '[' in IPv6 host");
    endpoint.host = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') invalid(shown, "expected ':port' after the IPv6 host");
      port_text = after.substr(1);
      if (port_text.empty()) invalid(shown, "empty port");
    }
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    endpoint.host = std::string(authority.substr(0, colon));
    port_text = authority.substr(colon + 1);
    if (port_text.empty()) invalid(shown, "empty port");
  } else {
    endpoint.host = std::string(authority);
  }
  if (endpoint.host.empty()) invalid(shown, "missing host");
  if (!port_text.empty()) endpoint.port = parse_number(port_text, 1, 65535, shown, "port");
  return endpoint;
}

}  // namespace dorado::cache
