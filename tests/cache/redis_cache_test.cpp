// What only the Redis backend has: a server that can drop the connection,
// databases, credentials and timeouts.
#include "dorado/cache/redis_cache.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dorado/cache/lock_token.hpp"
#include "dorado/cache/open_cache.hpp"
#include "dorado/calendar/simulated_clock.hpp"
#include "support/test_services.hpp"

namespace dorado::cache {
namespace {

using namespace std::chrono_literals;

// A TCP port on loopback that listens but never answers: the kernel completes
// the handshake, nobody reads. With `keep_listening` false, the port is closed
// again, so connecting to it is refused.
class SilentPort {
 public:
  explicit SilentPort(bool keep_listening) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    auto* generic = reinterpret_cast<sockaddr*>(&addr);
    if (fd_ < 0 || ::bind(fd_, generic, len) != 0 || ::listen(fd_, 8) != 0 ||
        ::getsockname(fd_, generic, &len) != 0)
      throw std::runtime_error("cannot open a loopback socket");
    port_ = ntohs(addr.sin_port);
    if (!keep_listening) close();
  }
  ~SilentPort() { close(); }
  int port() const { return port_; }

 private:
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
  int port_ = 0;
};

class RedisCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DORADO_SERVICE_URL_OR_SKIP(url, "DORADO_TEST_REDIS_URL");
    endpoint_ = parse_redis_url(url);
    prefix_ = "dorado-test:redis:" + new_lock_token().value + ":";
  }
  RedisEndpoint endpoint_;
  std::string prefix_;
};

TEST_F(RedisCacheTest, ReconnectsAfterTheServerClosesTheConnection) {
  RedisCache cache(endpoint_);
  const std::string k = prefix_ + "bot:state:1";
  cache.set(k, "idle", 1min);
  const long long before = cache.client_id();

  RedisConnection admin(endpoint_, {});
  EXPECT_EQ(admin.run({"CLIENT", "KILL", "ID", std::to_string(before)}).integer, 1);

  EXPECT_EQ(cache.get(k), "idle");  // transparently reconnected
  EXPECT_NE(cache.client_id(), before);

  // And again, this time the first command after the drop takes a lock.
  admin.run({"CLIENT", "KILL", "ID", std::to_string(cache.client_id())});
  const auto token = cache.try_acquire(prefix_ + "locks:order:1", 1min);
  ASSERT_TRUE(token);
  EXPECT_TRUE(cache.release(prefix_ + "locks:order:1", *token));
  EXPECT_TRUE(cache.del(k));
}

TEST_F(RedisCacheTest, UsesTheDatabaseFromTheUrlAlsoAfterReconnecting) {
  RedisEndpoint db1 = endpoint_;
  db1.db = 1;
  RedisCache in_db1(db1);
  RedisCache in_db0(endpoint_);
  const std::string k = prefix_ + "regime:fx:current";
  in_db1.set(k, "trending", 1min);
  EXPECT_EQ(in_db0.get(k), std::nullopt);

  RedisConnection admin(endpoint_, {});
  admin.run({"CLIENT", "KILL", "ID", std::to_string(in_db1.client_id())});
  EXPECT_EQ(in_db1.get(k), "trending");  // SELECT repeated on the new connection
  EXPECT_EQ(in_db0.get(k), std::nullopt);
  EXPECT_TRUE(in_db1.del(k));
}

TEST_F(RedisCacheTest, OpensByUrl) {
  calendar::SimulatedClock clock{Timestamp{}};
  const auto cache = open_cache(endpoint_.redacted(), clock);
  const std::string k = prefix_ + "quotes:EURUSD";
  cache->set(k, "1.0850", 15s);
  EXPECT_EQ(cache->get(k), "1.0850");
  EXPECT_TRUE(cache->del(k));
}

TEST_F(RedisCacheTest, ServerErrorsNameTheCommandButNotThePassword) {
  RedisEndpoint wrong = endpoint_;
  wrong.password = "s3cret-pass";
  try {
    RedisCache cache(wrong);
    FAIL() << "expected CacheError";
  } catch (const ports::CacheError& e) {
    const std::string message = e.what();
    EXPECT_TRUE(
        message.starts_with("redis " + endpoint_.redacted() + ": AUTH: server replied: ERR "))
        << message;
    EXPECT_EQ(message.find("s3cret-pass"), std::string::npos) << message;
  }
}

TEST(RedisCacheWithoutServer, RefusedConnectionIsAClearError) {
  const SilentPort closed(false);
  const std::string url = "redis://127.0.0.1:" + std::to_string(closed.port());
  calendar::SimulatedClock clock{Timestamp{}};
  try {
    (void)open_cache(url, clock);
    FAIL() << "expected CacheError";
  } catch (const ports::CacheError& e) {
    EXPECT_EQ(std::string(e.what()), "redis " + url + "/0: connect: Connection refused");
  }
}

TEST(RedisCacheWithoutServer, SilentServerTimesOut) {
  const SilentPort silent(true);
  RedisEndpoint endpoint;
  endpoint.host = "127.0.0.1";
  endpoint.port = silent.port();
  try {
    RedisCache cache(endpoint, RedisOptions{200ms, 200ms});
    FAIL() << "expected CacheError";
  } catch (const ports::CacheError& e) {
    EXPECT_EQ(std::string(e.what()),
              "redis " + endpoint.redacted() + ": connect: no reply within 200 ms");
  }
}

TEST(RedisCacheWithoutServer, TimeoutsMustBePositive) {
  EXPECT_THROW(RedisCache(RedisEndpoint{"127.0.0.1", 6379, 0, {}, {}}, RedisOptions{0ms, 1s}),
               std::invalid_argument);
}

}  // namespace
}  // namespace dorado::cache
