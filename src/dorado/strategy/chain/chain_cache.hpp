#pragma once
// Option chains kept for two minutes, keyed by underlying (PRD 3.1): the gate
// cascade and the resolver of several bots on one underlying read one
// request's chain instead of asking the venue again. In memory, not
// thread-safe (one per scan worker or behind the caller's lock); time is
// passed in, so the expiry is deterministic.
#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "dorado/domain/option_chain.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::strategy {

class ChainCache {
 public:
  static constexpr std::chrono::seconds kDefaultTtl{120};

  explicit ChainCache(std::chrono::microseconds ttl = kDefaultTtl);

  // Keeps `chain` under chain.underlying, fetched at `fetched_at` (replacing an older one).
  void put(OptionChain chain, Timestamp fetched_at);
  // The chain of `underlying` if fetched less than the TTL before `now`, else nullptr.
  const OptionChain* get(std::string_view underlying, Timestamp now) const;
  // Drops every chain the TTL has passed; returns how many.
  std::size_t evict_expired(Timestamp now);
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    OptionChain chain;
    Timestamp fetched_at;
  };
  bool fresh(const Entry& e, Timestamp now) const;

  std::chrono::microseconds ttl_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace dorado::strategy
