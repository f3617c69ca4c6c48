#pragma once
// Opens the cache named by a URL, as configured:
//   memory://                                  the in-process cache (default)
//   redis://[[user]:password@]host[:port][/db] a Redis server
#include <memory>
#include <string_view>

#include "dorado/cache/redis_connection.hpp"
#include "dorado/ports/cache.hpp"
#include "dorado/ports/clock.hpp"

namespace dorado::cache {

inline constexpr std::string_view kDefaultCacheUrl = "memory://";

// `clock` runs the memory cache's TTLs and must outlive the cache. Throws
// std::invalid_argument for a malformed or unknown URL, ports::CacheError for
// a Redis server that cannot be reached.
std::unique_ptr<ports::Cache> open_cache(std::string_view url, const ports::Clock& clock,
                                         RedisOptions redis_options = {});

}  // namespace dorado::cache
