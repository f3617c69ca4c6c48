#include "dorado/strategy/chain/chain_cache.hpp"

#include <stdexcept>

namespace dorado::strategy {

ChainCache::ChainCache(std::chrono::microseconds ttl) : ttl_(ttl) {
  if (ttl_ <= std::chrono::microseconds::zero())
    throw std::invalid_argument("chain cache TTL must be positive");
}

bool ChainCache::fresh(const Entry& e, Timestamp now) const {
  // A chain from the future (a clock stepped back) is not trusted either.
  return now >= e.fetched_at && now - e.fetched_at < ttl_;
}

void ChainCache::put(OptionChain chain, Timestamp fetched_at) {
  std::string key = chain.underlying;
  entries_.insert_or_assign(std::move(key), Entry{std::move(chain), fetched_at});
}

const OptionChain* ChainCache::get(std::string_view underlying, Timestamp now) const {
  const auto it = entries_.find(underlying);
  if (it == entries_.end() || !fresh(it->second, now)) return nullptr;
  return &it->second.chain;
}

std::size_t ChainCache::evict_expired(Timestamp now) {
  return std::erase_if(entries_, [&](const auto& kv) { return !fresh(kv.second, now); });
}

}  // namespace dorado::strategy
