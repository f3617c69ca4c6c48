#pragma once
// The cache: fast, shared, disposable state (bot state mirrors, the current
// regimes, quotes, order locks, circuit-breaker flags). It may be lost at any
// time, so it is never the durable truth: whatever matters is in the store
// and the cache is rebuilt from it.
//
// Keys and values are arbitrary bytes (std::string may hold NULs). TTLs are
// milliseconds; a key without a TTL lives until deleted or the cache is lost.
//
// Locks are keys holding an owner token: try_acquire() sets the key only if
// it is absent and returns a fresh random token; release() and extend() act
// only while the key still holds that token, atomically, so a holder whose
// lock expired and was taken by someone else cannot release or extend the
// new holder's lock.
//
// Errors: a programming error (empty key, non-positive TTL, empty token)
// throws std::invalid_argument; the cache being unreachable throws
// CacheError, which callers treat as "the cache is gone" (retry, or fall back
// to the store).
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dorado::ports {

using Ttl = std::chrono::milliseconds;

class CacheError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Proof of holding a lock. Random and unguessable; keep it to release.
struct LockToken {
  std::string value;
  friend bool operator==(const LockToken&, const LockToken&) = default;
};

class Cache {
 public:
  virtual ~Cache() = default;

  std::optional<std::string> get(std::string_view key) {
    check_key(key);
    return fetch(key);
  }
  // Stores `value`, replacing any previous value and TTL.
  void set(std::string_view key, std::string_view value, std::optional<Ttl> ttl = std::nullopt) {
    check_key(key);
    if (ttl) check_ttl(*ttl);
    store(key, value, ttl);
  }
  // True when the key existed.
  bool del(std::string_view key) {
    check_key(key);
    return erase(key);
  }
  bool exists(std::string_view key) {
    check_key(key);
    return contains(key);
  }

  // The token when the lock was free, nothing when someone holds it.
  std::optional<LockToken> try_acquire(std::string_view key, Ttl ttl) {
    check_key(key);
    check_ttl(ttl);
    return acquire(key, ttl);
  }
  // True when `token` still held the lock and it is now free.
  bool release(std::string_view key, const LockToken& token) {
    check_key(key);
    check_token(token);
    return release_if_held(key, token);
  }
  // True when `token` still holds the lock, which now expires `ttl` from now.
  bool extend(std::string_view key, const LockToken& token, Ttl ttl) {
    check_key(key);
    check_token(token);
    check_ttl(ttl);
    return extend_if_held(key, token, ttl);
  }

 private:
  virtual std::optional<std::string> fetch(std::string_view key) = 0;
  virtual void store(std::string_view key, std::string_view value, std::optional<Ttl> ttl) = 0;
  virtual bool erase(std::string_view key) = 0;
  virtual bool contains(std::string_view key) = 0;
  virtual std::optional<LockToken> acquire(std::string_view key, Ttl ttl) = 0;
  virtual bool release_if_held(std::string_view key, const LockToken& token) = 0;
  virtual bool extend_if_held(std::string_view key, const LockToken& token, Ttl ttl) = 0;

  static void check_key(std::string_view key) {
    if (key.empty()) throw std::invalid_argument("cache: empty key");
  }
  static void check_ttl(Ttl ttl) {
    if (ttl.count() <= 0)
      throw std::invalid_argument("cache: TTL must be positive, got " +
                                  std::to_string(ttl.count()) + " ms");
  }
  static void check_token(const LockToken& token) {
    if (token.value.empty()) throw std::invalid_argument("cache: empty lock token");
  }
};

}  // namespace dorado::ports
