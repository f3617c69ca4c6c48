#pragma once
// The cache on a Redis server, for several processes sharing state or a
// cache that survives a daemon restart. TTLs are Redis's own (PX), so they
// run on the server's wall clock even when Dorado runs on a simulated clock.
// Thread-safe: one connection, used by one thread at a time.
#include <mutex>

#include "dorado/cache/redis_connection.hpp"
#include "dorado/cache/redis_url.hpp"
#include "dorado/ports/cache.hpp"

namespace dorado::cache {

class RedisCache final : public ports::Cache {
 public:
  // Connects now; throws ports::CacheError when the server cannot be reached.
  explicit RedisCache(RedisEndpoint endpoint, RedisOptions options = {});

  // The server's id of the current connection (CLIENT ID), for diagnostics.
  long long client_id();

 private:
  std::optional<std::string> fetch(std::string_view key) override;
  void store(std::string_view key, std::string_view value, std::optional<ports::Ttl> ttl) override;
  bool erase(std::string_view key) override;
  bool contains(std::string_view key) override;
  std::optional<ports::LockToken> acquire(std::string_view key, ports::Ttl ttl) override;
  bool release_if_held(std::string_view key, const ports::LockToken& token) override;
  bool extend_if_held(std::string_view key, const ports::LockToken& token, ports::Ttl ttl) override;

  std::mutex mutex_;
  RedisConnection connection_;
};

}  // namespace dorado::cache
