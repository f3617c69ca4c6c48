#include "dorado/cache/open_cache.hpp"

#include <stdexcept>
#include <string>

#include "dorado/cache/memory_cache.hpp"
#include "dorado/cache/redis_cache.hpp"
#include "dorado/cache/redis_url.hpp"

namespace dorado::cache {

std::unique_ptr<ports::Cache> open_cache(std::string_view url, const ports::Clock& clock,
                                         RedisOptions redis_options) {
  if (url == "memory://" || url == "memory") return std::make_unique<MemoryCache>(clock);
  if (url.starts_with("redis://"))
    return std::make_unique<RedisCache>(parse_redis_url(url), redis_options);
  const std::string scheme(url.substr(0, url.find("://")));
  throw std::invalid_argument("unknown cache URL scheme \"" + scheme +
                              "\" (expected memory:// or redis://host:port[/db])");
}

}  // namespace dorado::cache
