#include "dorado/cache/redis_connection.hpp"

#include <hiredis/hiredis.h>
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>

#include <cerrno>
#include <memory>
#include <vector>

#include "dorado/ports/cache.hpp"

namespace dorado::cache {
namespace {

timeval to_timeval(std::chrono::milliseconds d) {
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(d);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(d - secs);
  return timeval{static_cast<time_t>(secs.count()), static_cast<suseconds_t>(micros.count())};
}

// hiredis writes with write(2): on a connection the server has reset, that
// raises SIGPIPE, which would kill the process. Block it on this thread for
// the duration of a command and swallow one it caused, leaving the process's
// signal dispositions alone.
class SigpipeSuppressed {
 public:
  SigpipeSuppressed() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    already_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
  }
  ~SigpipeSuppressed() {
    if (!already_pending_) {
      sigset_t pending;
      sigpending(&pending);
      if (sigismember(&pending, SIGPIPE) == 1) {
        const timespec no_wait{0, 0};
        while (sigtimedwait(&pipe_, nullptr, &no_wait) == -1 && errno == EINTR) {
        }
      }
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeSuppressed(const SigpipeSuppressed&) = delete;
  SigpipeSuppressed& operator=(const SigpipeSuppressed&) = delete;

 private:
  sigset_t pipe_{};
  sigset_t previous_{};
  bool already_pending_ = false;
};

struct FreeReply {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using ReplyPtr = std::unique_ptr<redisReply, FreeReply>;

}  // namespace

struct RedisConnection::Failure {
  int code;  // REDIS_ERR_*
  int saved_errno;
  std::string message;
  bool timed_out() const {
    return code == REDIS_ERR_IO && (saved_errno == EAGAIN || saved_errno == EWOULDBLOCK);
  }
  bool connection_lost() const { return code == REDIS_ERR_EOF || code == REDIS_ERR_IO; }
};

RedisConnection::RedisConnection(RedisEndpoint endpoint, RedisOptions options)
    : endpoint_(std::move(endpoint)), options_(options) {
  if (options_.connect_timeout.count() <= 0 || options_.command_timeout.count() <= 0)
    throw std::invalid_argument("redis: connect and command timeouts must be positive");
  const SigpipeSuppressed quiet;
  connect();
}

RedisConnection::~RedisConnection() {
  drop();
}

void RedisConnection::fail(std::string_view command, const std::string& why) const {
  throw ports::CacheError("redis " + endpoint_.redacted() + ": " + std::string(command) + ": " +
                          why);
}

std::string RedisConnection::no_reply() const {
  return "no reply within " + std::to_string(options_.command_timeout.count()) + " ms";
}

void RedisConnection::drop() {
  if (context_) redisFree(context_);
  context_ = nullptr;
}

void RedisConnection::connect() {
  drop();
  redisContext* c = redisConnectWithTimeout(endpoint_.host.c_str(), endpoint_.port,
                                            to_timeval(options_.connect_timeout));
  if (!c) fail("connect", "cannot allocate a connection");
  if (c->err) {
    const std::string why = c->errstr;
    redisFree(c);
    fail("connect", why);
  }
  context_ = c;
  if (redisSetTimeout(context_, to_timeval(options_.command_timeout)) != REDIS_OK) {
    const std::string why = context_->errstr;
    drop();
    fail("connect", "cannot set the command timeout: " + why);
  }
  redisEnableKeepAlive(context_);
  // Session state is per connection, so every reconnect repeats it.
  try {
    if (!endpoint_.password.empty()) {
      if (endpoint_.username.empty())
        run_on_open_connection({"AUTH", endpoint_.password});
      else
        run_on_open_connection({"AUTH", endpoint_.username, endpoint_.password});
    }
    if (endpoint_.db != 0) run_on_open_connection({"SELECT", std::to_string(endpoint_.db)});
    run_on_open_connection({"CLIENT", "SETNAME", "dorado"});
  } catch (const Failure& failure) {
    drop();
    fail("connect", failure.timed_out() ? no_reply() : failure.message);
  } catch (...) {
    drop();
    throw;
  }
}

RedisReply RedisConnection::run_on_open_connection(std::initializer_list<std::string_view> argv) {
  std::vector<const char*> args;
  std::vector<std::size_t> lengths;
  args.reserve(argv.size());
  lengths.reserve(argv.size());
  for (const std::string_view a : argv) {
    args.push_back(a.data());
    lengths.push_back(a.size());
  }
  const std::string_view command = *argv.begin();

  errno = 0;
  ReplyPtr reply{static_cast<redisReply*>(
      redisCommandArgv(context_, static_cast<int>(args.size()), args.data(), lengths.data()))};
  if (!reply) throw Failure{context_->err, errno, context_->errstr};

  switch (reply->type) {
    case REDIS_REPLY_NIL:
      return {};
    case REDIS_REPLY_STRING:
      return {RedisReply::Kind::String, std::string(reply->str, reply->len), 0};
    case REDIS_REPLY_STATUS:
      return {RedisReply::Kind::Status, std::string(reply->str, reply->len), 0};
    case REDIS_REPLY_INTEGER:
      return {RedisReply::Kind::Integer, {}, reply->integer};
    case REDIS_REPLY_ARRAY:
      return {RedisReply::Kind::Array, {}, static_cast<long long>(reply->elements)};
    case REDIS_REPLY_ERROR:
      // The server refused the command; the connection itself is fine.
      fail(command, "server replied: " + std::string(reply->str, reply->len));
    default:
      fail(command, "unexpected reply type " + std::to_string(reply->type));
  }
}

RedisReply RedisConnection::run(std::initializer_list<std::string_view> argv) {
  const std::string_view command = *argv.begin();
  const SigpipeSuppressed quiet;
  std::string first_failure;
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      if (!context_) connect();
      return run_on_open_connection(argv);
    } catch (const Failure& failure) {
      drop();
      if (failure.timed_out()) fail(command, no_reply());
      if (!failure.connection_lost() || attempt == 1)
        fail(command,
             first_failure.empty()
                 ? failure.message
                 : failure.message + " (after reconnecting; first: " + first_failure + ")");
      first_failure = failure.message;
    }
  }
  fail(command, "unreachable");
}

}  // namespace dorado::cache
