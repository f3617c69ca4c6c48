#pragma once
// One blocking hiredis connection: connect and command timeouts, AUTH and
// SELECT on every (re)connect, and one transparent reconnect when the server
// has dropped the connection (restart, idle timeout, CLIENT KILL).
//
// Commands are sent in argv form (redisCommandArgv with explicit lengths), so
// keys and values are binary-safe and never pass through a format string.
// Not thread-safe: RedisCache serialises access.
#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>

#include "dorado/cache/redis_url.hpp"

struct redisContext;

namespace dorado::cache {

struct RedisOptions {
  std::chrono::milliseconds connect_timeout{2000};
  // Per command, reading and writing. A command that times out is not
  // retried (the server may be overloaded); the connection is dropped so a
  // late reply cannot be mistaken for the next command's.
  std::chrono::milliseconds command_timeout{2000};
};

// A reply copied out of hiredis. Error replies never get here: they throw.
struct RedisReply {
  enum class Kind { Nil, String, Status, Integer, Array };
  Kind kind = Kind::Nil;
  std::string text;       // String and Status
  long long integer = 0;  // Integer
};

class RedisConnection {
 public:
  // Connects now, so a wrong URL or a server that is down shows at start-up.
  // Throws ports::CacheError.
  RedisConnection(RedisEndpoint endpoint, RedisOptions options);
  ~RedisConnection();
  RedisConnection(const RedisConnection&) = delete;
  RedisConnection& operator=(const RedisConnection&) = delete;

  // Runs one command. If the connection turns out to be dead, reconnects and
  // runs it once more: so a command may reach the server twice, which every
  // command the cache sends tolerates (SET and DEL are idempotent; a retried
  // SET NX or compare-and-delete reports "not done" and the lock simply
  // expires). Throws ports::CacheError for a server that cannot be reached,
  // a timeout, or an error reply.
  RedisReply run(std::initializer_list<std::string_view> argv);

  const RedisEndpoint& endpoint() const { return endpoint_; }

 private:
  struct Failure;
  void connect();
  void drop();
  RedisReply run_on_open_connection(std::initializer_list<std::string_view> argv);
  std::string no_reply() const;
  [[noreturn]] void fail(std::string_view command, const std::string& why) const;

  RedisEndpoint endpoint_;
  RedisOptions options_;
  redisContext* context_ = nullptr;
};

}  // namespace dorado::cache
