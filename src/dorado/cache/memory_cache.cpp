#include "dorado/cache/memory_cache.hpp"

#include "dorado/cache/lock_token.hpp"

namespace dorado::cache {
namespace {

// A sweep costs one pass over the map; doing it every this many writes keeps
// its cost per write constant.
constexpr std::size_t kWritesPerSweep = 1024;

}  // namespace

std::optional<Timestamp> MemoryCache::expiry(std::optional<ports::Ttl> ttl) const {
  if (!ttl) return std::nullopt;
  return clock_.now() + *ttl;
}

MemoryCache::Map::iterator MemoryCache::live(std::string_view key) {
  const auto it = entries_.find(key);
  if (it == entries_.end()) return it;
  if (it->second.expires_at && *it->second.expires_at <= clock_.now()) {
    entries_.erase(it);
    return entries_.end();
  }
  return it;
}

void MemoryCache::sweep_occasionally() {
  if (++writes_since_sweep_ < kWritesPerSweep) return;
  writes_since_sweep_ = 0;
  const Timestamp now = clock_.now();
  std::erase_if(entries_, [&](const auto& kv) {
    return kv.second.expires_at && *kv.second.expires_at <= now;
  });
}

std::size_t MemoryCache::size() {
  std::lock_guard lock(mutex_);
  const Timestamp now = clock_.now();
  std::erase_if(entries_, [&](const auto& kv) {
    return kv.second.expires_at && *kv.second.expires_at <= now;
  });
  return entries_.size();
}

std::optional<std::string> MemoryCache::fetch(std::string_view key) {
  std::lock_guard lock(mutex_);
  if (const auto it = live(key); it != entries_.end()) return it->second.value;
  return std::nullopt;
}

void MemoryCache::store(std::string_view key, std::string_view value,
                        std::optional<ports::Ttl> ttl) {
  std::lock_guard lock(mutex_);
  sweep_occasionally();
  entries_.insert_or_assign(std::string(key), Entry{std::string(value), expiry(ttl)});
}

bool MemoryCache::erase(std::string_view key) {
  std::lock_guard lock(mutex_);
  const auto it = live(key);
  if (it == entries_.end()) return false;
  entries_.erase(it);
  return true;
}

bool MemoryCache::contains(std::string_view key) {
  std::lock_guard lock(mutex_);
  return live(key) != entries_.end();
}

std::optional<ports::LockToken> MemoryCache::acquire(std::string_view key, ports::Ttl ttl) {
  std::lock_guard lock(mutex_);
  if (live(key) != entries_.end()) return std::nullopt;
  sweep_occasionally();
  ports::LockToken token = new_lock_token();
  entries_.insert_or_assign(std::string(key), Entry{token.value, expiry(ttl)});
  return token;
}

bool MemoryCache::release_if_held(std::string_view key, const ports::LockToken& token) {
  std::lock_guard lock(mutex_);
  const auto it = live(key);
  if (it == entries_.end() || it->second.value != token.value) return false;
  entries_.erase(it);
  return true;
}

bool MemoryCache::extend_if_held(std::string_view key, const ports::LockToken& token,
                                 ports::Ttl ttl) {
  std::lock_guard lock(mutex_);
  const auto it = live(key);
  if (it == entries_.end() || it->second.value != token.value) return false;
  it->second.expires_at = expiry(ttl);
  return true;
}

}  // namespace dorado::cache
