#pragma once
// The in-process cache: the default, for a single daemon and for replay.
// Thread-safe. TTLs run on the injected Clock, so under a SimulatedClock keys
// expire in simulated time, exactly when the replay or the test says.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "dorado/domain/time.hpp"
#include "dorado/ports/cache.hpp"
#include "dorado/ports/clock.hpp"

namespace dorado::cache {

class MemoryCache final : public ports::Cache {
 public:
  // `clock` must outlive the cache.
  explicit MemoryCache(const ports::Clock& clock) : clock_(clock) {}

  // Number of live (unexpired) keys.
  std::size_t size();

 private:
  struct Entry {
    std::string value;
    std::optional<Timestamp> expires_at;
  };
  // Transparent hashing: lookups by string_view without a temporary string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };
  using Map = std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>>;

  std::optional<std::string> fetch(std::string_view key) override;
  void store(std::string_view key, std::string_view value, std::optional<ports::Ttl> ttl) override;
  bool erase(std::string_view key) override;
  bool contains(std::string_view key) override;
  std::optional<ports::LockToken> acquire(std::string_view key, ports::Ttl ttl) override;
  bool release_if_held(std::string_view key, const ports::LockToken& token) override;
  bool extend_if_held(std::string_view key, const ports::LockToken& token, ports::Ttl ttl) override;

  // The live entry for `key` (end() if none), dropping it if it has expired.
  // Caller holds mutex_.
  Map::iterator live(std::string_view key);
  // Drops every expired entry now and then, so keys never read again do not
  // pile up. Caller holds mutex_.
  void sweep_occasionally();
  std::optional<Timestamp> expiry(std::optional<ports::Ttl> ttl) const;

  const ports::Clock& clock_;
  std::mutex mutex_;
  Map entries_;
  std::size_t writes_since_sweep_ = 0;
};

}  // namespace dorado::cache
