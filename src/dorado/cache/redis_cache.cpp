#include "dorado/cache/redis_cache.hpp"

#include <string>

#include "dorado/cache/lock_token.hpp"

namespace dorado::cache {
namespace {

// Compare-and-delete and compare-and-expire must be one atomic step on the
// server: between a GET and a DEL from the client, the lock could expire and
// be taken by someone else, whose lock the DEL would then remove. A Lua
// script runs atomically. (EVAL rather than EVALSHA: the scripts are tiny
// and EVAL survives a server restart that flushes the script cache.)
constexpr std::string_view kReleaseScript =
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) "
    "else return 0 end";
constexpr std::string_view kExtendScript =
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

std::string millis(ports::Ttl ttl) {
  return std::to_string(ttl.count());
}

}  // namespace

RedisCache::RedisCache(RedisEndpoint endpoint, RedisOptions options)
    : connection_(std::move(endpoint), options) {}

long long RedisCache::client_id() {
  std::lock_guard lock(mutex_);
  return connection_.run({"CLIENT", "ID"}).integer;
}

std::optional<std::string> RedisCache::fetch(std::string_view key) {
  std::lock_guard lock(mutex_);
  RedisReply reply = connection_.run({"GET", key});
  if (reply.kind == RedisReply::Kind::Nil) return std::nullopt;
  return std::move(reply.text);
}

void RedisCache::store(std::string_view key, std::string_view value,
                       std::optional<ports::Ttl> ttl) {
  std::lock_guard lock(mutex_);
  if (ttl)
    connection_.run({"SET", key, value, "PX", millis(*ttl)});
  else
    connection_.run({"SET", key, value});
}

bool RedisCache::erase(std::string_view key) {
  std::lock_guard lock(mutex_);
  return connection_.run({"DEL", key}).integer > 0;
}

bool RedisCache::contains(std::string_view key) {
  std::lock_guard lock(mutex_);
  return connection_.run({"EXISTS", key}).integer > 0;
}

std::optional<ports::LockToken> RedisCache::acquire(std::string_view key, ports::Ttl ttl) {
  ports::LockToken token = new_lock_token();
  std::lock_guard lock(mutex_);
  const RedisReply reply = connection_.run({"SET", key, token.value, "NX", "PX", millis(ttl)});
  if (reply.kind == RedisReply::Kind::Nil) return std::nullopt;  // held by someone
  return token;
}

bool RedisCache::release_if_held(std::string_view key, const ports::LockToken& token) {
  std::lock_guard lock(mutex_);
  return connection_.run({"EVAL", kReleaseScript, "1", key, token.value}).integer == 1;
}

bool RedisCache::extend_if_held(std::string_view key, const ports::LockToken& token,
                                ports::Ttl ttl) {
  std::lock_guard lock(mutex_);
  return connection_.run({"EVAL", kExtendScript, "1", key, token.value, millis(ttl)}).integer == 1;
}

}  // namespace dorado::cache
